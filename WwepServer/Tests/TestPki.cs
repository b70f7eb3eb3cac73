using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WwepServer.Tests
{
    /// <summary>
    /// TEST ONLY certificates made at run time with .NET's CertificateRequest (ECDSA P-256): a CA, a server certificate
    /// for localhost / 127.0.0.1, and device client certificates (CN = 4-hex device ID). Written as PEM files into a
    /// temporary folder, the way certs/ holds the real ones; nothing is ever written into the repository.
    /// </summary>
    public sealed class TestPki : IDisposable
    {
        private static readonly Lazy<TestPki> SharedPki = new Lazy<TestPki>(() =>
        {
            var pki = new TestPki("WWEP TEST ONLY CA");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => pki.Dispose(); // leave no key files behind
            return pki;
        });
        private readonly ECDsa _caKey;

        /// <summary>Makes a CA and a server certificate in a new temporary folder.</summary>
        /// <param name="caName">The CA's CN.</param>
        public TestPki(string caName)
        {
            Folder = Path.Combine(Path.GetTempPath(), "wwep-test-pki-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + caName, _caKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            CaPath = Path.Combine(Folder, "ca.crt.pem");
            File.WriteAllText(CaPath, Ca.ExportCertificatePem());

            var builder = new SubjectAlternativeNameBuilder();
            builder.AddDnsName("localhost");
            builder.AddIpAddress(IPAddress.Loopback);
            ServerCertificate = Issue("CN=localhost", builder.Build(), "1.3.6.1.5.5.7.3.1", out ECDsa serverKey);
            ServerCertificatePath = Path.Combine(Folder, "server.crt.pem");
            ServerKeyPath = Path.Combine(Folder, "server.key.pem");
            File.WriteAllText(ServerCertificatePath, ServerCertificate.ExportCertificatePem());
            File.WriteAllText(ServerKeyPath, serverKey.ExportPkcs8PrivateKeyPem());
        }

        /// <summary>One PKI for every test that needs no special one.</summary>
        public static TestPki Shared
        {
            get { return SharedPki.Value; }
        }

        /// <summary>Where the PEM files are.</summary>
        public string Folder { get; }

        /// <summary>The CA certificate.</summary>
        public X509Certificate2 Ca { get; }

        /// <summary>The CA as a PEM file.</summary>
        public string CaPath { get; }

        /// <summary>The server certificate (with key).</summary>
        public X509Certificate2 ServerCertificate { get; }

        /// <summary>The server certificate as a PEM file.</summary>
        public string ServerCertificatePath { get; }

        /// <summary>The server key as a PEM file.</summary>
        public string ServerKeyPath { get; }

        /// <summary>A device client certificate (with key) from this CA.</summary>
        /// <param name="commonName">For example <c>0FAC</c>.</param>
        /// <param name="validFrom">Start of validity (default: a day ago).</param>
        /// <param name="validTo">End of validity (default: in 30 days).</param>
        /// <returns>The certificate.</returns>
        public X509Certificate2 IssueClient(string commonName, DateTimeOffset? validFrom = null, DateTimeOffset? validTo = null)
        {
            return Issue("CN=" + commonName, null, "1.3.6.1.5.5.7.3.2", out _, validFrom, validTo);
        }

        /// <summary>Writes a client certificate and key as PEM files (for openssl s_client).</summary>
        /// <param name="commonName">The CN.</param>
        /// <param name="certificatePath">The certificate file.</param>
        /// <param name="keyPath">The key file.</param>
        /// <param name="validFrom">Start of validity (default: a day ago).</param>
        /// <param name="validTo">End of validity (default: in 30 days).</param>
        public void WriteClientFiles(string commonName, out string certificatePath, out string keyPath, DateTimeOffset? validFrom = null, DateTimeOffset? validTo = null)
        {
            X509Certificate2 certificate = Issue("CN=" + commonName, null, "1.3.6.1.5.5.7.3.2", out ECDsa key, validFrom, validTo);
            string name = commonName + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            certificatePath = Path.Combine(Folder, "client-" + name + ".crt.pem");
            keyPath = Path.Combine(Folder, "client-" + name + ".key.pem");
            File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        }

        /// <inheritdoc />
        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A child process may still hold a file; the temp folder is cleaned by the system later.
            }
        }

        private X509Certificate2 Issue(string subject, X509Extension? subjectAlternativeNames, string extendedKeyUsage, out ECDsa key, DateTimeOffset? validFrom = null, DateTimeOffset? validTo = null)
        {
            key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(extendedKeyUsage) }, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
            if (subjectAlternativeNames != null)
            {
                request.CertificateExtensions.Add(subjectAlternativeNames);
            }

            byte[] serial = new byte[12];
            RandomNumberGenerator.Fill(serial);
            serial[0] &= 0x7F;
            using X509Certificate2 issued = request.Create(Ca.SubjectName, X509SignatureGenerator.CreateForECDsa(_caKey), validFrom ?? DateTimeOffset.UtcNow.AddDays(-1), validTo ?? DateTimeOffset.UtcNow.AddDays(30), serial);
            return issued.CopyWithPrivateKey(key);
        }
    }
}
