using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WwepSimulator
{
    /// <summary>
    /// A throwaway TEST ONLY PKI for the demo and the tests: a CA and a server certificate (ECDSA P-256, SHA-256,
    /// the algorithms the firmware accepts). The demo makes it in a temporary folder, so it never touches the
    /// project's real certificates in certs/.
    /// </summary>
    public static class DemoPki
    {
        /// <summary>Makes a CA.</summary>
        /// <param name="commonName">Its name.</param>
        /// <param name="notBefore">Start of validity.</param>
        /// <param name="notAfter">End of validity.</param>
        /// <returns>The CA certificate with its key.</returns>
        public static X509Certificate2 CreateCa(string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            CertificateRequest request = new CertificateRequest("CN=" + commonName + ", O=WWEP TEST ONLY", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return request.CreateSelfSigned(notBefore, notAfter);
        }

        /// <summary>Issues a server certificate naming one DNS name (and 127.0.0.1).</summary>
        /// <param name="ca">The issuing CA, with its key.</param>
        /// <param name="dnsName">The name clients verify.</param>
        /// <param name="notBefore">Start of validity.</param>
        /// <param name="notAfter">End of validity.</param>
        /// <returns>The certificate with its key.</returns>
        public static X509Certificate2 IssueServer(X509Certificate2 ca, string dnsName, DateTimeOffset notBefore, DateTimeOffset notAfter)
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            CertificateRequest request = new CertificateRequest("CN=" + dnsName + ", O=WWEP TEST ONLY", key, HashAlgorithmName.SHA256);
            SubjectAlternativeNameBuilder names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(dnsName);
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            byte[] serial = new byte[16];
            RandomNumberGenerator.Fill(serial);
            serial[0] &= 0x7F;
            using X509Certificate2 issued = request.Create(ca, notBefore, notAfter, serial);
            return issued.CopyWithPrivateKey(key);
        }

        /// <summary>Writes ca.crt.pem, server.crt.pem and server.key.pem (valid from an hour ago for 30 days).</summary>
        /// <param name="folder">Where; created when missing.</param>
        /// <param name="dnsName">The server certificate's name.</param>
        public static void Write(string folder, string dnsName)
        {
            Directory.CreateDirectory(folder);
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using X509Certificate2 ca = CreateCa("WWEP demo CA (TEST ONLY)", now.AddHours(-1), now.AddDays(30));
            using X509Certificate2 server = IssueServer(ca, dnsName, now.AddHours(-1), now.AddDays(30));
            using ECDsa serverKey = server.GetECDsaPrivateKey()!;
            File.WriteAllText(Path.Combine(folder, "ca.crt.pem"), ca.ExportCertificatePem() + "\n");
            File.WriteAllText(Path.Combine(folder, "server.crt.pem"), server.ExportCertificatePem() + "\n");
            File.WriteAllText(Path.Combine(folder, "server.key.pem"), "# TEST ONLY: throwaway demo key\n" + serverKey.ExportPkcs8PrivateKeyPem() + "\n");
        }
    }
}
