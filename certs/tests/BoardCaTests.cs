using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace WwepCerts.Tests
{
    /// <summary>
    /// check --board-ca: a board trusts the CA bundle in its store as well as the CA the firmware embeds, because
    /// every SecureClientInit parses the store's bundle into the trust chain (nf-interpreter
    /// src/PAL/COM/sockets/ssl/MbedTLS/ssl_generic_init_internal.cpp, "CA root certs from store", at 3367392a
    /// and a3e8139a). A stored CA that is not the embedded one is a warning, never an error.
    /// </summary>
    public sealed class BoardCaTests : IDisposable
    {
        private readonly TempPki _pki = new();

        public void Dispose()
        {
            _pki.Dispose();
        }

        [Fact]
        public void TheEmbeddedCaStoredOnTheBoardIsOk()
        {
            foreach (string file in new[] { _pki.Files.CaCertificatePem, _pki.Files.CaCertificateDer })
            {
                ToolRun run = _pki.Run("check", "--board-ca", file);

                Assert.True(run.ExitCode == 0 && run.WarningRules.Count == 0, file + ":\n" + run);
                Assert.Contains(run.Lines("ok"), l => l.Contains("'CN=" + PkiIssuer.CaCommonName, StringComparison.Ordinal) && l.Contains("is the CA the firmware embeds (", StringComparison.Ordinal));
            }
        }

        [Fact]
        public void AnotherCaStoredOnTheBoardIsAWarningNamingBothCas()
        {
            string stored = WriteOtherCa("Old Board CA", "old-board-ca.pem");

            ToolRun run = _pki.Run("check", "--board-ca", stored);

            Assert.Equal(0, run.ExitCode);
            Assert.Empty(run.ErrorRules);
            Assert.Contains("check passed", run.Output);
            Assert.Equal(new[] { "board-ca" }, run.WarningRules);
            string line = Assert.Single(run.Lines("WARN"), l => l.Contains("is not the CA the firmware embeds", StringComparison.Ordinal));
            Assert.Contains("'CN=Old Board CA", line);
            Assert.Contains("'CN=" + PkiIssuer.CaCommonName, line);
            Assert.Contains("the board trusts both", line);
            using X509Certificate2 ca = _pki.LoadCa();
            Assert.Contains("expires " + CertificateFacts.Show(CertificateFacts.NotAfter(ca)), line);

            // The crafted CA lives a year, the test CA ten: the board loses the stored one first.
            Assert.Single(run.Lines("WARN"), l => l.Contains(", before the embedded CA (", StringComparison.Ordinal));
        }

        [Fact]
        public void EachCertificateOfAStoredBundleIsCompared()
        {
            string other = WriteOtherCa("Second Board CA", "second.pem");
            string bundle = _pki.Crafted("bundle.pem");
            File.WriteAllText(bundle, File.ReadAllText(_pki.Files.CaCertificatePem) + File.ReadAllText(other));

            ToolRun run = _pki.Run("check", "--board-ca", bundle);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains(run.Lines("ok"), l => l.Contains("certificate 1 of 2 'CN=" + PkiIssuer.CaCommonName, StringComparison.Ordinal) && l.Contains("is the CA the firmware embeds", StringComparison.Ordinal));
            Assert.Contains(run.Lines("WARN"), l => l.Contains("certificate 2 of 2 'CN=Second Board CA", StringComparison.Ordinal) && l.Contains("is not the CA the firmware embeds", StringComparison.Ordinal));
        }

        [Fact]
        public void WithoutTheFirmwareTheStoredCaIsComparedWithTheCaEmbedWouldUse()
        {
            string stored = WriteOtherCa("Old Board CA", "old-board-ca.pem");

            ToolRun run = _pki.Run("check", "--skip-firmware", "--board-ca", stored);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains(run.Lines("WARN"), l => l.Contains("ca.crt.pem, which embed puts in the firmware", StringComparison.Ordinal));
        }

        [Fact]
        public void AMissingBoardCaFileIsAnError()
        {
            ToolRun run = _pki.Run("check", "--board-ca", _pki.Crafted("nowhere.pem"));

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(new[] { "readable" }, run.ErrorRules);
            Assert.Contains("--board-ca names the CA file a board stores", run.SingleError("readable"));
        }

        private string WriteOtherCa(string commonName, string fileName)
        {
            (X509Certificate2 certificate, SigningKey key) = CraftedCertificate.OtherCa(commonName);
            using (certificate)
            using (key)
            {
                string path = _pki.Crafted(fileName);
                PemFiles.WriteCertificatePem(path, certificate, "crafted test input");
                return path;
            }
        }
    }
}
