using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace WwepCerts.Tests
{
    /// <summary>The init, server and device verbs: what they write, and the clear refusals of bad input.</summary>
    public sealed class VerbTests : IDisposable
    {
        private readonly TempPki _pki = new();

        public void Dispose()
        {
            _pki.Dispose();
        }

        [Fact]
        public void InitNeverReplacesTheCaKeyWithoutForce()
        {
            byte[] key = File.ReadAllBytes(_pki.Files.CaKeyPem);
            byte[] certificate = File.ReadAllBytes(_pki.Files.CaCertificatePem);

            ToolRun refused = _pki.Run("init");

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("ca.key.pem already exists", refused.Error);
            Assert.Contains("--force", refused.Error);
            Assert.Equal(key, File.ReadAllBytes(_pki.Files.CaKeyPem));
            Assert.Equal(certificate, File.ReadAllBytes(_pki.Files.CaCertificatePem));

            ToolRun forced = _pki.Run("init", "--force");

            Assert.Equal(0, forced.ExitCode);
            Assert.NotEqual(key, File.ReadAllBytes(_pki.Files.CaKeyPem));
            Assert.Contains("run server, device and embed again", forced.Output);
        }

        [Fact]
        public void TheServerCertificateNamesTheFirmwareHostLoopbackAndExtras()
        {
            ToolRun run = _pki.Run("server", "--name", "wwep.lan", "--name", "pi.local", "--ip", "192.168.1.20");
            using X509Certificate2 server = PemFiles.ReadCertificate(_pki.Files.ServerCertificatePem);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(new[] { "wwep.local", "wwep.lan", "pi.local", "localhost" }, CertificateFacts.DnsNames(server));
            Assert.Equal(new[] { IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("192.168.1.20") }, CertificateFacts.IpAddresses(server));
            Assert.Equal(new WwepDevice.Core.Settings.WwepSettings().EffectiveTlsHostName, CertificateFacts.CommonName(server));
            Assert.Equal(0, _pki.Run("check", "--host", "wwep.lan").ExitCode);
        }

        [Fact]
        public void NoDefaultHostLeavesOutTheFirmwaresNameAndCheckSaysSo()
        {
            Assert.Equal(0, _pki.Run("server", "--no-default-host", "--name", "pi.local").ExitCode);
            using X509Certificate2 server = PemFiles.ReadCertificate(_pki.Files.ServerCertificatePem);

            Assert.DoesNotContain("wwep.local", CertificateFacts.DnsNames(server));
            Assert.Contains("localhost", CertificateFacts.DnsNames(server));
            Assert.Equal(new[] { "host-name" }, _pki.Run("check").ErrorRules);
        }

        [Fact]
        public void TheDeviceIdComesFromTheMacAsTheFirmwareComputesIt()
        {
            ToolRun run = _pki.Run("device", "--mac", "c4-7f-51-01-6a-e9");
            using X509Certificate2 device = PemFiles.ReadCertificate(_pki.Files.DeviceCertificatePem);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("device ID 02E8", run.Output);
            Assert.Equal("02E8", CertificateFacts.CommonName(device));
            Assert.Equal(0, _pki.Run("check").ExitCode);
        }

        [Fact]
        public void ALowercaseIdIsWrittenInUppercase()
        {
            Assert.Equal(0, _pki.Run("device", "--id", "0fac").ExitCode);
            using X509Certificate2 device = PemFiles.ReadCertificate(_pki.Files.DeviceCertificatePem);

            Assert.Equal("0FAC", CertificateFacts.CommonName(device));
        }

        [Theory]
        [InlineData("C4:7F:51:01:6A:E9", "is a MAC address, not a device ID: pass it as --mac C4:7F:51:01:6A:E9")]
        [InlineData("0x02E8", "without 0x, for example --id 02E8")]
        [InlineData("2E8", "has 3 digits; a device ID has exactly 4: --id 02E8")]
        [InlineData("wxyz", "is not a device ID")]
        public void AnIdInTheWrongFormIsRefusedWithTheRightForm(string id, string expected)
        {
            byte[] before = File.ReadAllBytes(_pki.Files.DeviceCertificatePem);

            ToolRun run = _pki.Run("device", "--id", id);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains(expected, run.Error);
            Assert.Equal(before, File.ReadAllBytes(_pki.Files.DeviceCertificatePem));
        }

        [Fact]
        public void DeviceNeedsExactlyOneOfIdAndMac()
        {
            Assert.Contains("exactly one of them", _pki.Run("device").Error);
            Assert.Contains("exactly one of them", _pki.Run("device", "--id", "02E8", "--mac", "C4:7F:51:01:6A:E9").Error);
            Assert.Contains("is not a MAC address", _pki.Run("device", "--mac", "C4:7F:51:01:6A").Error);
        }

        [Fact]
        public void NamesAndAddressesInTheWrongOptionAreRefused()
        {
            Assert.Contains("is an IP address: pass it as --ip 10.0.0.5", _pki.Run("server", "--name", "10.0.0.5").Error);
            Assert.Contains("is not an IP address", _pki.Run("server", "--ip", "wwep.lan").Error);
            Assert.Contains("is not a DNS name", _pki.Run("server", "--name", "my server").Error);
        }

        [Fact]
        public void RsaAndValidityAreOptions()
        {
            Assert.Equal(0, _pki.Run("server", "--algorithm", "rsa-2048", "--days", "90").ExitCode);
            using X509Certificate2 server = PemFiles.ReadCertificate(_pki.Files.ServerCertificatePem);

            Assert.Equal("RSA 2048", CertificateFacts.KeyDescription(server));
            double days = (CertificateFacts.NotAfter(server) - DateTimeOffset.UtcNow).TotalDays;
            Assert.InRange(days, 89, 90);
            Assert.Equal(0, _pki.Run("check").ExitCode);
        }

        [Fact]
        public void CertificatesStartADayEarlySoASlightlySlowClockStillAcceptsThem()
        {
            ToolRun run = _pki.Run("check", "--at", DateTimeOffset.UtcNow.AddHours(-12).ToString("o"));

            Assert.Equal(0, run.ExitCode);
        }

        [Fact]
        public void AServerIssuedWithAClockYearsAgoHasExpiredNow()
        {
            // The tool's own clock, set back: what a machine with a wrong clock would have issued.
            Assert.Equal(0, _pki.RunAt(DateTimeOffset.UtcNow.AddDays(-100), "server", "--days", "30").ExitCode);

            ToolRun run = _pki.Run("check");

            Assert.Equal(new[] { "expired" }, run.ErrorRules);
        }

        [Fact]
        public void BadArgumentsExitWithTwoAndSayWhy()
        {
            ToolRun unknownVerb = _pki.Run("frobnicate");
            ToolRun badAlgorithm = _pki.Run("server", "--algorithm", "ecdsa-p521");
            ToolRun badDays = _pki.Run("server", "--days", "0");
            ToolRun badAt = _pki.Run("check", "--at", "yesterday");

            Assert.Equal(2, unknownVerb.ExitCode);
            Assert.Contains("frobnicate", unknownVerb.Error);
            Assert.Equal(2, badAlgorithm.ExitCode);
            Assert.Contains("ecdsa-p521", badAlgorithm.Error);
            Assert.Equal(1, badDays.ExitCode);
            Assert.Contains("--days 0 is out of range", badDays.Error);
            Assert.Equal(1, badAt.ExitCode);
            Assert.Contains("2026-03-01T12:00:00Z", badAt.Error);
        }

        [Fact]
        public void ServerWithoutACaSaysToRunInit()
        {
            string empty = Path.Combine(_pki.Root, "empty");
            Directory.CreateDirectory(empty);
            StringWriter output = new();
            StringWriter error = new();

            int exit = CertsCommandLine.Run(new[] { "server", "--certs-dir", empty }, output, error);

            Assert.Equal(1, exit);
            Assert.Contains("run init first", error.ToString());
            Assert.Empty(Directory.GetFiles(empty));
        }

        [Fact]
        public void EveryPemFileIsMarkedTestOnly()
        {
            string[] pems = Directory.GetFiles(_pki.CertsDir, "*.pem");

            Assert.Equal(6, pems.Length);
            Assert.All(pems, file => Assert.StartsWith("# TEST ONLY", File.ReadAllText(file)));
            Assert.All(pems, file => Assert.Equal(1, File.ReadAllLines(file).Count(line => line.StartsWith("-----BEGIN", StringComparison.Ordinal))));
        }
    }
}
