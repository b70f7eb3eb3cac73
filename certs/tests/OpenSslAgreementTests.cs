using System.IO;
using Xunit;

namespace WwepCerts.Tests
{
    /// <summary>
    /// openssl, which shares no code with the tool, accepts what the tool makes: the chain, the host name, the
    /// purposes, the DER forms and the key pairs; and refuses what check refuses.
    /// </summary>
    public sealed class OpenSslAgreementTests
    {
        [Theory]
        [InlineData("ecdsa-p256")]
        [InlineData("ecdsa-p384")]
        [InlineData("rsa-2048")]
        public void OpenSslVerifiesTheServerChainAndHostName(string algorithm)
        {
            using TempPki pki = new(algorithm);

            (int exit, string output) = OpenSsl.Run("verify", "-CAfile", pki.Files.CaCertificatePem, "-purpose", "sslserver", "-verify_hostname", "wwep.local", pki.Files.ServerCertificatePem);

            Assert.True(exit == 0, output);
            Assert.Contains(": OK", output);
            Assert.Equal(0, pki.Run("check").ExitCode);
        }

        [Fact]
        public void OpenSslVerifiesTheLoopbackNamesTheSimulatorUses()
        {
            using TempPki pki = new();

            (int byName, string nameOutput) = OpenSsl.Run("verify", "-CAfile", pki.Files.CaCertificatePem, "-verify_hostname", "localhost", pki.Files.ServerCertificatePem);
            (int byIp, string ipOutput) = OpenSsl.Run("verify", "-CAfile", pki.Files.CaCertificatePem, "-verify_ip", "127.0.0.1", pki.Files.ServerCertificatePem);
            (int wrongName, _) = OpenSsl.Run("verify", "-CAfile", pki.Files.CaCertificatePem, "-verify_hostname", "elsewhere.example", pki.Files.ServerCertificatePem);

            Assert.True(byName == 0, nameOutput);
            Assert.True(byIp == 0, ipOutput);
            Assert.NotEqual(0, wrongName);
        }

        [Fact]
        public void OpenSslVerifiesTheDeviceCertificateForClientUse()
        {
            using TempPki pki = new();

            (int exit, string output) = OpenSsl.Run("verify", "-CAfile", pki.Files.CaCertificatePem, "-purpose", "sslclient", pki.Files.DeviceCertificatePem);
            (int subjectExit, string subject) = OpenSsl.Run("x509", "-in", pki.Files.DeviceCertificatePem, "-noout", "-subject", "-nameopt", "RFC2253");

            Assert.True(exit == 0, output);
            Assert.Equal(0, subjectExit);
            Assert.StartsWith("subject=CN=02E8,", subject.Trim());
        }

        [Fact]
        public void TheDerFilesAreTheSameCertificatesAndKeyAsThePemFiles()
        {
            using TempPki pki = new();
            Assert.Equal(0, pki.Run("embed", "--device").ExitCode);

            string fromPem = OpenSsl.Run("x509", "-in", pki.Files.CaCertificatePem, "-noout", "-fingerprint", "-sha256").Output;
            string fromDer = OpenSsl.Run("x509", "-inform", "DER", "-in", pki.Files.CaCertificateDer, "-noout", "-fingerprint", "-sha256").Output;
            string fromEmbedded = OpenSsl.Run("x509", "-inform", "DER", "-in", pki.Firmware.CaCertificatePath, "-noout", "-fingerprint", "-sha256").Output;
            string certificateKey = OpenSsl.Run("x509", "-in", pki.Files.DeviceCertificatePem, "-noout", "-pubkey").Output;
            string derKey = OpenSsl.Run("pkey", "-inform", "DER", "-in", pki.Files.DeviceKeyDer, "-pubout").Output;
            string embeddedKey = OpenSsl.Run("pkey", "-inform", "DER", "-in", pki.Firmware.DeviceKeyPath, "-pubout").Output;

            Assert.Contains("Fingerprint=", fromPem);
            Assert.Equal(fromPem, fromDer);
            Assert.Equal(fromPem, fromEmbedded);
            Assert.Contains("BEGIN PUBLIC KEY", certificateKey);
            Assert.Equal(certificateKey, derKey);
            Assert.Equal(certificateKey, embeddedKey);
        }

        [Fact]
        public void OpenSslReadsThePemFilesDespiteTheirTestOnlyCommentLine()
        {
            using TempPki pki = new();

            foreach (string file in new[] { pki.Files.CaCertificatePem, pki.Files.ServerCertificatePem, pki.Files.DeviceCertificatePem })
            {
                Assert.StartsWith(PemFiles.TestOnlyMarker, File.ReadAllText(file));
                Assert.Equal(0, OpenSsl.Run("x509", "-in", file, "-noout").ExitCode);
            }

            foreach (string file in new[] { pki.Files.CaKeyPem, pki.Files.ServerKeyPem, pki.Files.DeviceKeyPem })
            {
                Assert.StartsWith(PemFiles.TestOnlyMarker, File.ReadAllText(file));
                Assert.Equal(0, OpenSsl.Run("pkey", "-in", file, "-noout").ExitCode);
            }
        }

        [Fact]
        public void OpenSslRejectsTheServerCertificateOnceTheCaIsReplacedAsCheckDoes()
        {
            using TempPki pki = new();
            string oldServer = pki.Crafted("old-server.crt.pem");
            Directory.CreateDirectory(Path.GetDirectoryName(oldServer)!);
            File.Copy(pki.Files.ServerCertificatePem, oldServer);
            Assert.Equal(0, pki.Run("init", "--force").ExitCode);

            (int exit, _) = OpenSsl.Run("verify", "-CAfile", pki.Files.CaCertificatePem, oldServer);
            ToolRun check = pki.Run("check", "--skip-firmware", "--server-cert", oldServer);

            Assert.NotEqual(0, exit);
            Assert.Equal(1, check.ExitCode);
            Assert.Contains("chain", check.ErrorRules);
        }
    }
}
