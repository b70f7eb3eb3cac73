using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace WwepCerts.Tests
{
    /// <summary>
    /// Each check rule on one crafted bad input: check must fail (exit 1), report exactly that rule, and say in
    /// its line what is wrong and which command fixes it. The rest of the PKI stays good, so no other rule fires.
    /// </summary>
    public sealed class CheckRuleTests : IDisposable
    {
        private readonly TempPki _pki = new();

        public void Dispose()
        {
            _pki.Dispose();
        }

        [Fact]
        public void TheFreshPkiPassesEveryRule()
        {
            ToolRun run = _pki.Run("check");

            Assert.Equal(0, run.ExitCode);
            Assert.Empty(run.Lines("ERROR"));
            Assert.Empty(run.Lines("WARN"));
            Assert.Contains("check passed", run.Output);
            Assert.Contains("names wwep.local", run.Output);
        }

        [Fact]
        public void AnExpiredServerCertificateIsReported()
        {
            ToolRun run = CheckServer(c =>
            {
                c.NotBefore = DateTimeOffset.UtcNow.AddDays(-400);
                c.NotAfter = DateTimeOffset.UtcNow.AddDays(-2);
            });

            AssertOnlyError(run, "expired");
            string line = run.SingleError("expired");
            Assert.Contains("expired on", line);
            Assert.Contains("certs/tool -- server", line);
        }

        [Fact]
        public void ANotYetValidServerCertificateIsReported()
        {
            DateTimeOffset start = DateTimeOffset.UtcNow.AddDays(3);
            ToolRun run = CheckServer(c =>
            {
                c.NotBefore = start;
                c.NotAfter = start.AddDays(100);
            });

            AssertOnlyError(run, "not-yet-valid");
            string line = run.SingleError("not-yet-valid");
            Assert.Contains("is not valid until " + CertificateFacts.Show(start), line);
            Assert.Contains("clock", line);
        }

        [Fact]
        public void ADeviceClockAt1970SeesEveryCertificateAsNotYetValid()
        {
            // The ESP32 boots at 1970 until SNTP sets the clock: the classic "valid certificate looks invalid".
            ToolRun run = _pki.Run("check", "--at", "1970-01-01T00:00:00Z");

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(new[] { "not-yet-valid" }, run.ErrorRules);
            Assert.Equal(3, run.Lines("ERROR").Count); // CA, server, device
            Assert.All(run.Lines("ERROR"), line => Assert.Contains("sync its clock (SNTP)", line));
        }

        [Fact]
        public void ACertificateThatExpiresWithinThirtyDaysIsAWarningNotAnError()
        {
            ToolRun run = CheckServer(c => c.NotAfter = DateTimeOffset.UtcNow.AddDays(10));

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(new[] { "expires-soon" }, run.WarningRules);
            Assert.Contains("in 9 days", run.Lines("WARN")[0]);
        }

        [Fact]
        public void AServerKeyFromAnotherPairIsReported()
        {
            using X509Certificate2 ca = _pki.LoadCa();
            using SigningKey caKey = _pki.LoadCaKey();
            CraftedCertificate crafted = new(ca, caKey);
            (string certificate, _) = crafted.Write(_pki.Crafted("server.crt.pem"), _pki.Crafted("unused.key.pem"));
            string otherKey = _pki.Crafted("other.key.pem");
            PemFiles.WriteKeyPem(otherKey, SigningKey.Generate(KeyAlgorithm.EcdsaP256), "crafted test input");

            ToolRun run = _pki.Run("check", "--server-cert", certificate, "--server-key", otherKey);

            AssertOnlyError(run, "key-match");
            Assert.Contains("does not belong to server.crt.pem", run.SingleError("key-match"));
        }

        [Fact]
        public void AnRsaKeyForAnEcdsaCertificateNamesBothKinds()
        {
            string key = _pki.Crafted("rsa.key.pem");
            PemFiles.WriteKeyPem(key, SigningKey.From(RSA.Create(2048)), "crafted test input");

            ToolRun run = _pki.Run("check", "--server-key", key);

            AssertOnlyError(run, "key-match");
            string line = run.SingleError("key-match");
            Assert.Contains("is an RSA 2048 key", line);
            Assert.Contains("ECDSA P-256", line);
        }

        [Fact]
        public void AServerCertificateFromAnotherCaIsReported()
        {
            (X509Certificate2 otherCa, SigningKey otherKey) = CraftedCertificate.OtherCa("Some Other CA");
            using (otherCa)
            using (otherKey)
            {
                CraftedCertificate crafted = new(otherCa, otherKey);
                (string certificate, string key) = crafted.Write(_pki.Crafted("server.crt.pem"), _pki.Crafted("server.key.pem"));

                ToolRun run = _pki.Run("check", "--server-cert", certificate, "--server-key", key);

                AssertOnlyError(run, "chain");
                string line = run.SingleError("chain");
                Assert.Contains("was issued by 'CN=Some Other CA", line);
                Assert.Contains("WWEP Test CA (TEST ONLY)", line);
            }
        }

        [Fact]
        public void AServerCertificateFromAnotherCaOfTheSameNameIsReported()
        {
            // What happens after "init --force": same CA name, new key; the old server certificate no longer chains.
            (X509Certificate2 twin, SigningKey twinKey) = CraftedCertificate.OtherCa(PkiIssuer.CaCommonName);
            using (twin)
            using (twinKey)
            {
                CraftedCertificate crafted = new(twin, twinKey);
                (string certificate, string key) = crafted.Write(_pki.Crafted("server.crt.pem"), _pki.Crafted("server.key.pem"));

                ToolRun run = _pki.Run("check", "--server-cert", certificate, "--server-key", key);

                AssertOnlyError(run, "chain");
                Assert.Contains("key did not sign it", run.SingleError("chain"));
            }
        }

        [Fact]
        public void ASha1SignedServerCertificateIsReported()
        {
            ToolRun run = CheckServer(c => c.SignWithSha1 = true);

            AssertOnlyError(run, "algorithm");
            string line = run.SingleError("algorithm");
            Assert.Contains("ECDSA with SHA-1", line);
            Assert.Contains("SHA-256 or better", line);
        }

        [Fact]
        public void AP521ServerKeyIsAWarningNotAnError()
        {
            // mbedTLS 3.6's default profile (library/x509_crt.c) accepts secp521r1, which ESP-IDF enables by default.
            ToolRun run = CheckServer(c => c.Key = ECDsa.Create(ECCurve.NamedCurves.nistP521));

            Assert.Equal(0, run.ExitCode);
            Assert.Empty(run.ErrorRules);
            Assert.Contains("algorithm", run.WarningRules);
            string line = Assert.Single(run.Lines("WARN"), l => l.Contains("ECDSA P-521", StringComparison.Ordinal));
            Assert.Contains("accepts it", line);
            Assert.Contains("P-256", line);
        }

        [Fact]
        public void AnRsa1024ServerKeyIsReported()
        {
            ToolRun run = CheckServer(c => c.Key = RSA.Create(1024));

            AssertOnlyError(run, "algorithm");
            Assert.Contains("RSA 1024", run.SingleError("algorithm"));
        }

        [Fact]
        public void AServerCertificateWithoutTheFirmwaresHostNameIsReported()
        {
            ToolRun run = CheckServer(c =>
            {
                c.CommonName = "server.example";
                c.DnsNames = new[] { "server.example", "localhost" };
            });

            AssertOnlyError(run, "host-name");
            string line = run.SingleError("host-name");
            Assert.Contains("does not name 'wwep.local'", line);
            Assert.Contains("server.example, localhost, 127.0.0.1", line);
            Assert.Contains("server --name wwep.local", line);
        }

        [Fact]
        public void HostChecksTheNameGivenInstead()
        {
            ToolRun good = _pki.Run("check", "--host", "localhost");
            ToolRun bad = _pki.Run("check", "--host", "wwep.lan");
            ToolRun ip = _pki.Run("check", "--host", "192.168.1.20");

            Assert.Equal(0, good.ExitCode);
            AssertOnlyError(bad, "host-name");
            Assert.Contains("the host given with --host", bad.SingleError("host-name"));
            AssertOnlyError(ip, "host-name");
            Assert.Contains("server --ip 192.168.1.20", ip.SingleError("host-name"));
        }

        [Fact]
        public void ACertificateWithOnlyACommonNameIsAWarning()
        {
            ToolRun run = CheckServer(c => c.DnsNames = null);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(new[] { "host-name" }, run.WarningRules);
            Assert.Contains("no subject alternative names", run.Lines("WARN")[0]);
        }

        [Fact]
        public void AServerCertificateForClientUseOnlyIsReported()
        {
            ToolRun run = CheckServer(c => c.ExtendedUsage = CraftedCertificate.ClientAuth);

            AssertOnlyError(run, "usage");
            Assert.Contains("its extended key usage lists clientAuth only, lacks serverAuth: the board fails the handshake with -0x7A00 (bad certificate), not retried", run.SingleError("usage"));
        }

        [Theory]
        [InlineData("C4:7F:51:01:6A:E9", "it is a MAC address; that device's ID is 02E8")]
        [InlineData("02e8", "written in lowercase")]
        [InlineData("2E8", "is not a device ID")]
        [InlineData("device-1", "is not a device ID")]
        public void ADeviceCertificateWhoseCnIsNotADeviceIdIsReported(string commonName, string expected)
        {
            using X509Certificate2 ca = _pki.LoadCa();
            using SigningKey caKey = _pki.LoadCaKey();
            CraftedCertificate crafted = new(ca, caKey)
            {
                CommonName = commonName,
                DnsNames = null,
                ExtendedUsage = CraftedCertificate.ClientAuth,
            };
            (string certificate, string key) = crafted.Write(_pki.Crafted("device.crt.pem"), _pki.Crafted("device.key.pem"));

            // The embedded resources do not include the device, so only the device-id rule can fail.
            ToolRun run = _pki.Run("check", "--device-cert", certificate, "--device-key", key);

            AssertOnlyError(run, "device-id");
            Assert.Contains(expected, run.SingleError("device-id"));
        }

        [Fact]
        public void AStaleEmbeddedCaIsReported()
        {
            // A new CA with fresh server and device certificates, but the firmware still embeds the old CA.
            Assert.Equal(0, _pki.Run("init", "--force").ExitCode);
            Assert.Equal(0, _pki.Run("server").ExitCode);
            Assert.Equal(0, _pki.Run("device", "--id", "02E8").ExitCode);

            ToolRun run = _pki.Run("check");

            AssertOnlyError(run, "embedded");
            string line = run.SingleError("embedded");
            Assert.Contains("is stale", line);
            Assert.Contains("certs/tool -- embed", line);
        }

        [Fact]
        public void AStaleDesignerIdIsReported()
        {
            string designer = File.ReadAllText(_pki.Firmware.DesignerPath);
            File.WriteAllText(_pki.Firmware.DesignerPath, designer.Replace("CaCertificate = -30540", "CaCertificate = 1234", StringComparison.Ordinal));

            ToolRun run = _pki.Run("check");

            AssertOnlyError(run, "embedded");
            string line = run.SingleError("embedded");
            Assert.Contains("gives CaCertificate the ID 1234", line);
            Assert.Contains("the nanoFramework build gives it -30540", line);
        }

        [Fact]
        public void AnEmbeddedPemIsReportedBecauseMbedTlsNeedsDer()
        {
            File.Copy(_pki.Files.CaCertificatePem, _pki.Firmware.CaCertificatePath, overwrite: true);

            ToolRun run = _pki.Run("check");

            AssertOnlyError(run, "embedded");
            Assert.Contains("holds PEM text, not DER", run.SingleError("embedded"));
        }

        [Fact]
        public void AMissingResxIsReported()
        {
            File.Delete(_pki.Firmware.ResxPath);

            ToolRun run = _pki.Run("check");

            AssertOnlyError(run, "embedded");
            Assert.Contains("Resources.resx: not found", run.SingleError("embedded"));
        }

        [Fact]
        public void AServerCertificateGivenAsTheCaIsReported()
        {
            ToolRun run = _pki.Run("check", "--ca", _pki.Files.ServerCertificatePem, "--ca-key", _pki.Files.ServerKeyPem);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains(run.Lines("ERROR"), line => line.Contains("is not a CA certificate", StringComparison.Ordinal));
        }

        [Fact]
        public void SwappedCertificateAndKeyFilesAreReported()
        {
            ToolRun run = _pki.Run("check", "--server-key", _pki.Files.ServerCertificatePem);

            AssertOnlyError(run, "readable");
            Assert.Contains("holds a PEM 'CERTIFICATE' block, not a private key", run.SingleError("readable"));
        }

        [Fact]
        public void AMissingServerCertificateNamesTheVerbThatMakesIt()
        {
            File.Delete(_pki.Files.ServerCertificatePem);

            ToolRun run = _pki.Run("check");

            AssertOnlyError(run, "readable");
            Assert.Contains("not found: issue it with `dotnet run --project certs/tool -- server`", run.SingleError("readable"));
        }

        [Fact]
        public void ADerCopyThatIsNotThePemCertificateIsReported()
        {
            File.Copy(_pki.Files.CaCertificateDer, _pki.Files.ServerCertificateDer, overwrite: true);

            ToolRun run = _pki.Run("check");

            AssertOnlyError(run, "der-copy");
            Assert.Contains("is not the same certificate as server.crt.pem", run.SingleError("der-copy"));
        }

        internal static ToolRun CheckServer(TempPki pki, Action<CraftedCertificate> change)
        {
            using X509Certificate2 ca = pki.LoadCa();
            using SigningKey caKey = pki.LoadCaKey();
            CraftedCertificate crafted = new(ca, caKey);
            change(crafted);
            (string certificate, string key) = crafted.Write(pki.Crafted("server.crt.pem"), pki.Crafted("server.key.pem"));
            return pki.Run("check", "--server-cert", certificate, "--server-key", key);
        }

        internal static void AssertOnlyError(ToolRun run, string rule)
        {
            Assert.True(run.ExitCode == 1, "check must fail:\n" + run);
            Assert.True(run.ErrorRules.Count == 1 && run.ErrorRules[0] == rule, "expected only [" + rule + "] errors:\n" + run);
            Assert.Contains("check FAILED", run.Output);
        }

        private ToolRun CheckServer(Action<CraftedCertificate> change)
        {
            return CheckServer(_pki, change);
        }
    }
}
