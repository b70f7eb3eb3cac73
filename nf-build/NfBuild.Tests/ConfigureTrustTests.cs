using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// nf-build/configure stores a CA only when asked, can empty the stored bundle, records what it stored in
    /// I:\wwep-ca.conf in the form the board reads (WwepDevice/Core/Tls/StoredCaRecord.cs), and says what the board will
    /// trust. Platform facts: nanoff stores CACertificates only when the value is not empty and leaves the bundle alone
    /// otherwise (nanoFirmwareFlasher NetworkDeploymentManager.cs, the CACertificates branch); every SecureClientInit
    /// adds the stored bundle to the handshake's chain and ignores a bundle that does not parse (nf-interpreter
    /// src/PAL/COM/sockets/ssl/MbedTLS/ssl_generic_init_internal.cpp "CA root certs from store", 3367392a and a3e8139a).
    /// </summary>
    public sealed class ConfigureTrustTests
    {
        private const string Embedded = "WwepDevice/Resources/ca.crt.der";

        [Fact]
        public void WithoutACaOptionNoCaIsStoredAndTheBundleIsSaidToStayAsItIs()
        {
            using ScriptSandbox sandbox = NewSandbox("exit 0");

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.False(NetworkJson(result).TryGetProperty("CACertificates", out _));
            Assert.Contains("#   the stored CA bundle as it is: this run neither stores nor removes one", result.StandardOutput);
            Assert.DoesNotContain("wwep-ca.conf>", result.StandardOutput);
            Assert.DoesNotContain("--filedeployment", result.StandardOutput);
        }

        [Fact]
        public void ACaIsStoredWithARecordTheBoardReadsAndItsComparisonWithTheEmbeddedOne()
        {
            using ScriptSandbox sandbox = NewSandbox("exit 0");
            (string ca, X509Certificate2 caCertificate) = AddCa(sandbox, "certs/ca.crt.pem", "WWEP CA");
            sandbox.AddRepoFile(Embedded, caCertificate.RawData);

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--ca", "certs/ca.crt.pem", "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            byte[] stored = Convert.FromBase64String(NetworkJson(result).GetProperty("CACertificates").GetString()!);
            Assert.Equal(Encoding.ASCII.GetBytes(ca).Concat(new byte[] { 0 }).ToArray(), stored);
            string record = RecordLine(result);
            string expiry = caCertificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd");
            Assert.Equal("StoredCa=CN=WWEP CA TEST ONLY until " + expiry, record);
            Assert.Equal(
                "trusts CA 'CN=WWEP CA TEST ONLY' (valid until " + expiry + "), stored on the board by nf-build/configure",
                BoardLines(record)[1]);
            Assert.Contains("#   stored 'CN=WWEP CA TEST ONLY': the same certificate as the CA embedded in the image", result.StandardOutput);
        }

        [Fact]
        public void ACaOtherThanTheEmbeddedOneIsSaidToWidenTrust()
        {
            using ScriptSandbox sandbox = NewSandbox("exit 0");
            AddCa(sandbox, "old-ca.pem", "Old CA");
            (_, X509Certificate2 embedded) = AddCa(sandbox, "certs/ca.crt.pem", "New CA");
            sandbox.AddRepoFile(Embedded, embedded.RawData);

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--ca", sandbox.RepoPath("old-ca.pem"), "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("#   stored 'CN=Old CA TEST ONLY': not the CA embedded in the image ('CN=New CA TEST ONLY' until ", result.StandardOutput);
            Assert.Contains("the board will trust both, a server of either passes", result.StandardOutput);
        }

        [Fact]
        public void SeveralCasMakeOneBundleAndOneRecord()
        {
            using ScriptSandbox sandbox = NewSandbox("exit 0");
            (string first, _) = AddCa(sandbox, "a.pem", "First CA");
            (string second, _) = AddCa(sandbox, "b.pem", "Second CA");
            // A file without a final line end must not glue its END line to the next BEGIN.
            File.WriteAllText(sandbox.RepoPath("a.pem"), first.TrimEnd('\n'));

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--ca", sandbox.RepoPath("a.pem"), "--ca", sandbox.RepoPath("b.pem"), "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            string bundle = Encoding.ASCII.GetString(Convert.FromBase64String(NetworkJson(result).GetProperty("CACertificates").GetString()!));
            Assert.Equal(first.TrimEnd('\n') + "\n" + second + "\0", bundle);
            string[] lines = BoardLines(RecordLine(result));
            Assert.StartsWith("trusts CA 'CN=First CA TEST ONLY'", lines[1]);
            Assert.StartsWith("trusts CA 'CN=Second CA TEST ONLY'", lines[2]);
        }

        [Fact]
        public void RemoveCaStoresABundleWithNoCertificateAndRecordsNone()
        {
            using ScriptSandbox sandbox = NewSandbox("exit 0");

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--remove-ca", "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            // One NUL byte: an empty value is skipped by nanoff, and this is no certificate mbedTLS can parse.
            Assert.Equal(new byte[] { 0 }, Convert.FromBase64String(NetworkJson(result).GetProperty("CACertificates").GetString()!));
            string record = RecordLine(result);
            Assert.Equal("StoredCa=none", record);
            Assert.Equal("trusts no CA stored on the board (nf-build/configure --remove-ca emptied the bundle)", BoardLines(record)[1]);
        }

        [Fact]
        public void ARealRunStoresTheBundleThenItsRecordAndKeepsTheSettingsFileAlone()
        {
            string seen = Path.Combine(Path.GetTempPath(), "wwep-trust-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(seen);
            try
            {
                // The stand-in copies every file the files.json names as a source, as the board would receive it.
                using ScriptSandbox sandbox = NewSandbox(
                    "case \"$*\" in *filedeployment*) for f in $(sed -n 's/.*\"SourceFilePath\": \"\\([^\"]*\\)\".*/\\1/p' \"$4\"); do cp \"$f\" '" + seen + "'/; done; cp \"$4\" '" + seen + "'/files.json ;; esac; exit 0");
                AddCa(sandbox, "certs/ca.crt.pem", "WWEP CA");

                ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--ca", "certs/ca.crt.pem");

                Assert.True(result.ExitCode == 0, result.ToString());
                Assert.Equal(2, sandbox.NanoffCalls.Length);
                Assert.Contains("--networkdeployment", sandbox.NanoffCalls[0]);
                Assert.Contains("--filedeployment", sandbox.NanoffCalls[1]);
                string files = File.ReadAllText(Path.Combine(seen, "files.json"));
                Assert.DoesNotContain("wwep.conf\"", files.Replace("wwep-ca.conf\"", string.Empty));
                byte[] record = File.ReadAllBytes(Path.Combine(seen, "wwep-ca.conf"));
                StoredCaRecord read = StoredCaRecord.FromFile(SettingsFileRead.Read(record, record.Length));
                Assert.Null(read.Warning);
                Assert.StartsWith("CN=WWEP CA TEST ONLY until ", read.Record);
                Assert.Contains("stored I:\\wwep-ca.conf: StoredCa=CN=WWEP CA TEST ONLY until ", result.StandardError);
                Assert.Contains("#   stored 'CN=WWEP CA TEST ONLY': no embedded CA to compare with", result.StandardError);
            }
            finally
            {
                Directory.Delete(seen, true);
            }
        }

        [Fact]
        public void ARecordTheBoardDidNotStoreFailsWithWhatIsAtStake()
        {
            using ScriptSandbox sandbox = NewSandbox(
                "case \"$*\" in *filedeployment*) echo 'Error deploying content file /tmp/x/wwep-ca.conf to I:\\wwep-ca.conf' ;; esac; exit 0");

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--remove-ca");

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("the board did not store I:\\wwep-ca.conf (the record of the CA bundle just stored: until it is stored, the board cannot name that bundle)", result.StandardError);
        }

        [Fact]
        public void ContradictoryOrMisplacedTrustOptionsAreRefused()
        {
            string[][] cases =
            {
                new[] { "--ca", "certs/ca.crt.pem", "--remove-ca" },
                new[] { "--settings-only", "--server", "wwep.lan", "--remove-ca" },
                new[] { "--set", "StoredCa=none" },
                new[] { "--ca", "a.pem", "--ca", "b.der" },
            };
            string[] said =
            {
                "--ca stores a CA bundle and --remove-ca an empty one: give one of them",
                "--settings-only stores no certificates: leave out --ca / --remove-ca",
                "--set StoredCa: the record of the stored CA bundle is written with the bundle, by --ca <file> or --remove-ca",
                "b.der is not PEM: a bundle of several CAs must be PEM",
            };
            for (int i = 0; i < cases.Length; i++)
            {
                using ScriptSandbox sandbox = NewSandbox("exit 0");
                (_, X509Certificate2 certificate) = AddCa(sandbox, "certs/ca.crt.pem", "WWEP CA");
                sandbox.AddRepoFile("a.pem", File.ReadAllText(sandbox.RepoPath("certs/ca.crt.pem")));
                sandbox.AddRepoFile("b.der", certificate.RawData);
                string[] arguments = new[] { "--port", sandbox.Port }.Concat(cases[i].Select(a => a.EndsWith(".pem") || a.EndsWith(".der") ? sandbox.RepoPath(a) : a)).Append("--dry-run").ToArray();

                ScriptResult result = sandbox.Run("configure", arguments);

                Assert.True(result.ExitCode == 64, string.Join(" ", cases[i]) + ": " + result);
                Assert.Contains(said[i], result.StandardError);
                Assert.Empty(sandbox.NanoffCalls);
            }
        }

        [Fact]
        public void AFileWithNoCertificateStopsBeforeAnythingIsWritten()
        {
            using ScriptSandbox sandbox = NewSandbox("exit 0");
            sandbox.AddRepoFile("key.pem", TestCertificates.SelfSigned("WWEP CA").KeyPem);

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--ca", sandbox.RepoPath("key.pem"));

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("holds no CA certificate the board could use (PEM or DER); nothing was written to the board", result.StandardError);
            Assert.Empty(sandbox.NanoffCalls);
        }

        private static ScriptSandbox NewSandbox(string nanoffBody)
        {
            var sandbox = new ScriptSandbox();
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff("2.5.162", "tools/nanoff", nanoffBody);
            sandbox.Environment["WWEP_WIFI_SSID"] = "lab";
            sandbox.Environment["WWEP_WIFI_PASSWORD"] = "test-only-passphrase";
            sandbox.AddDotnetRunningDlls();
            return sandbox;
        }

        private static (string Pem, X509Certificate2 Certificate) AddCa(ScriptSandbox sandbox, string relative, string name)
        {
            string pem = TestCertificates.SelfSigned(name).CertificatePem;
            sandbox.AddRepoFile(relative, pem);
            return (pem, X509Certificate2.CreateFromPem(pem));
        }

        // The network JSON of a dry run: the lines after its comment, up to the next comment.
        private static JsonElement NetworkJson(ScriptResult result)
        {
            string[] lines = result.OutputLines;
            Assert.StartsWith("# <network.json>", lines[0]);
            return JsonDocument.Parse(string.Join("\n", lines.Skip(1).TakeWhile(line => !line.StartsWith('#')))).RootElement;
        }

        private static string RecordLine(ScriptResult result)
        {
            return Assert.Single(result.OutputLines, line => line.StartsWith("StoredCa=", StringComparison.Ordinal));
        }

        // What the board prints for the record, from the firmware's own reader and trust list.
        private static string[] BoardLines(string recordLine)
        {
            byte[] bytes = Encoding.ASCII.GetBytes("# by configure\n" + recordLine + "\n");
            StoredCaRecord read = StoredCaRecord.FromFile(SettingsFileRead.Read(bytes, bytes.Length));
            Assert.Null(read.Warning);
            return new TrustedCas(new EmbeddedCa("CN=Image CA", new DateTime(2036, 11, 28)), read.Record).Lines();
        }
    }
}
