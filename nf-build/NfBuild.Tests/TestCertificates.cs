using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NfBuild.Tests
{
    /// <summary>Certificates made fresh for a test. TEST ONLY: never used outside the test that made them.</summary>
    public static class TestCertificates
    {
        /// <summary>A self-signed certificate and its key, both as PEM.</summary>
        /// <param name="commonName">The subject CN (the words TEST ONLY are added).</param>
        /// <returns>The certificate PEM and the PKCS#8 key PEM.</returns>
        public static (string CertificatePem, string KeyPem) SelfSigned(string commonName)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + commonName + " TEST ONLY", key, HashAlgorithmName.SHA256);
            using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            return (certificate.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
        }
    }
}
