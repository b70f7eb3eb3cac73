using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace WwepCerts.Tests
{
    /// <summary>
    /// The usage rule on the server certificate says what the board's mbedTLS does with it. Facts from mbedTLS
    /// v3.6.5: library/ssl_tls.c mbedtls_ssl_check_cert_usage (TLS 1.3 and TLS 1.2 ECDHE-ECDSA/ECDHE-RSA need
    /// digitalSignature, TLS 1.2 RSA key exchange keyEncipherment; extKeyUsage serverAuth or anyExtendedKeyUsage),
    /// its caller mbedtls_ssl_verify_certificate (about lines 9972-9988: -0x7A00, MBEDTLS_ERR_SSL_BAD_CERTIFICATE),
    /// and library/x509_crt.c mbedtls_x509_crt_check_key_usage (every needed bit; encipherOnly/decipherOnly refused).
    /// </summary>
    public sealed class ServerUsageTests : IDisposable
    {
        private const string BoardFails = "the board fails the handshake with -0x7A00 (bad certificate), not retried; re-issue it with `dotnet run --project certs/tool -- server`";

        private readonly TempPki _pki = new();

        public void Dispose()
        {
            _pki.Dispose();
        }

        [Fact]
        public void AnEcServerKeyWithKeyAgreementOnlyLacksDigitalSignature()
        {
            ToolRun run = CheckRuleTests.CheckServer(_pki, c => c.KeyUsage = X509KeyUsageFlags.KeyAgreement);

            CheckRuleTests.AssertOnlyError(run, "usage");
            string line = run.SingleError("usage");
            Assert.Contains("its key usage (keyAgreement) lacks digitalSignature, which an ECDSA server key needs", line);
            Assert.Contains(BoardFails, line);
        }

        [Fact]
        public void AnRsaServerKeyWithDataEnciphermentOnlyLacksBothBits()
        {
            ToolRun run = CheckRuleTests.CheckServer(_pki, c =>
            {
                c.Key = RSA.Create(2048);
                c.KeyUsage = X509KeyUsageFlags.DataEncipherment;
            });

            CheckRuleTests.AssertOnlyError(run, "usage");
            string line = run.SingleError("usage");
            Assert.Contains("its key usage (dataEncipherment) lacks keyEncipherment and digitalSignature", line);
            Assert.Contains(BoardFails, line);
        }

        [Fact]
        public void AnRsaServerKeyWithKeyEnciphermentOnlyPassesWithAWarning()
        {
            // RSA key exchange needs only keyEncipherment, so it is no error; TLS 1.3 and ECDHE-RSA need digitalSignature.
            ToolRun run = CheckRuleTests.CheckServer(_pki, c =>
            {
                c.Key = RSA.Create(2048);
                c.KeyUsage = X509KeyUsageFlags.KeyEncipherment;
            });

            Assert.Equal(0, run.ExitCode);
            Assert.Empty(run.ErrorRules);
            Assert.Equal(new[] { "usage" }, run.WarningRules);
            string line = Assert.Single(run.Lines("WARN"));
            Assert.Contains("its key usage (keyEncipherment) lacks digitalSignature: the board accepts it only when the server picks RSA key exchange", line);
            Assert.Contains("-0x7A00", line);
        }

        [Fact]
        public void AnRsaServerKeyWithBothBitsOrNoKeyUsageIsUsable()
        {
            foreach (X509KeyUsageFlags? usage in new X509KeyUsageFlags?[] { X509KeyUsageFlags.DigitalSignature, null })
            {
                ToolRun run = CheckRuleTests.CheckServer(_pki, c =>
                {
                    c.Key = RSA.Create(2048);
                    c.KeyUsage = usage;
                });

                Assert.True(run.ExitCode == 0 && run.WarningRules.Count == 0, usage + ":\n" + run);
                Assert.Contains("usable as a TLS server (serverAuth) certificate", run.Output);
            }
        }

        [Fact]
        public void EncipherOnlyMakesMbedTlsRefuseTheServerCertificate()
        {
            ToolRun run = CheckRuleTests.CheckServer(_pki, c => c.KeyUsage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement | X509KeyUsageFlags.EncipherOnly);

            CheckRuleTests.AssertOnlyError(run, "usage");
            Assert.Contains("its key usage sets encipherOnly, which mbedTLS refuses", run.SingleError("usage"));
        }

        [Fact]
        public void KeyUsageAndExtendedKeyUsageProblemsShareOneLine()
        {
            ToolRun run = CheckRuleTests.CheckServer(_pki, c =>
            {
                c.KeyUsage = X509KeyUsageFlags.KeyAgreement;
                c.ExtendedUsage = "1.3.6.1.5.5.7.3.3";
            });

            CheckRuleTests.AssertOnlyError(run, "usage");
            string line = run.SingleError("usage");
            Assert.Contains("lacks digitalSignature", line);
            Assert.Contains("; its extended key usage lists codeSigning only, lacks serverAuth: " + BoardFails, line);
        }

        [Fact]
        public void AnyExtendedKeyUsageAllowsServerUse()
        {
            ToolRun run = CheckRuleTests.CheckServer(_pki, c => c.ExtendedUsage = "2.5.29.37.0");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("usable as a TLS server (serverAuth) certificate", run.Output);
        }

        [Fact]
        public void ACurveOutsideTheDefaultProfileNamesTheVerifyFailureNotBadCertificate()
        {
            // mbedTLS v3.6.5 library/x509_crt.c mbedtls_x509_crt_profile_default: P-256, P-384, P-521, brainpool;
            // the chain check (BAD_KEY, -0x2700) runs before the TLS 1.2 curve check that would give -0x7A00.
            ToolRun run = CheckRuleTests.CheckServer(_pki, c => c.Key = ECDsa.Create(ECCurve.CreateFromFriendlyName("secp256k1")));

            CheckRuleTests.AssertOnlyError(run, "algorithm");
            string line = run.SingleError("algorithm");
            Assert.Contains("a curve outside mbedTLS's default certificate profile", line);
            Assert.Contains("-0x2700 (newer firmware: flag BAD_KEY, 'unacceptable algorithm'), not -0x7A00", line);
        }
    }
}
