using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WwepCerts.Tests
{
    /// <summary>
    /// Builds one certificate the way a person might have made it by hand: by default a good server certificate
    /// signed by the test CA; each property changes one thing to make the bad input a test needs.
    /// </summary>
    internal sealed class CraftedCertificate
    {
        public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
        public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

        public CraftedCertificate(X509Certificate2 issuer, SigningKey issuerKey)
        {
            Issuer = issuer;
            IssuerKey = issuerKey;
            NotBefore = DateTimeOffset.UtcNow.AddDays(-1);
            NotAfter = DateTimeOffset.UtcNow.AddDays(365);
        }

        public X509Certificate2 Issuer { get; set; }

        public SigningKey IssuerKey { get; set; }

        /// <summary>The key of the new certificate; a new P-256 key when not set.</summary>
        public AsymmetricAlgorithm Key { get; set; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        public string CommonName { get; set; } = "wwep.local";

        public DateTimeOffset NotBefore { get; set; }

        public DateTimeOffset NotAfter { get; set; }

        /// <summary>DNS names of the SAN; null for no SAN extension at all.</summary>
        public IReadOnlyList<string>? DnsNames { get; set; } = new[] { "wwep.local", "localhost" };

        public IReadOnlyList<IPAddress> IpAddresses { get; set; } = new[] { IPAddress.Loopback };

        public string ExtendedUsage { get; set; } = ServerAuth;

        /// <summary>The key usage extension's bits; null for no key usage extension at all.</summary>
        public X509KeyUsageFlags? KeyUsage { get; set; } = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment;

        /// <summary>Sign with ECDSA over SHA-1 instead of SHA-256 (needs an ECDSA issuer).</summary>
        public bool SignWithSha1 { get; set; }

        public X509Certificate2 Build()
        {
            X500DistinguishedNameBuilder subject = new();
            subject.AddCommonName(CommonName);
            subject.AddOrganizationName(PkiIssuer.Organization);
            CertificateRequest request = Key is ECDsa ec
                ? new CertificateRequest(subject.Build(), ec, HashAlgorithmName.SHA256)
                : new CertificateRequest(subject.Build(), (RSA)Key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            if (KeyUsage != null)
            {
                request.CertificateExtensions.Add(new X509KeyUsageExtension(KeyUsage.Value, true));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(ExtendedUsage) }, false));
            if (DnsNames != null)
            {
                SubjectAlternativeNameBuilder san = new();
                foreach (string name in DnsNames)
                {
                    san.AddDnsName(name);
                }

                foreach (IPAddress address in IpAddresses)
                {
                    san.AddIpAddress(address);
                }

                request.CertificateExtensions.Add(san.Build());
            }

            X509SignatureGenerator generator = SignWithSha1
                ? new Sha1EcdsaSignatureGenerator((ECDsa)IssuerKey.Key)
                : IssuerKey.CreateSignatureGenerator();
            byte[] serial = RandomNumberGenerator.GetBytes(12);
            serial[0] &= 0x7F;
            serial[0] |= 0x01;
            return request.Create(Issuer.SubjectName, generator, NotBefore, NotAfter, serial);
        }

        /// <summary>Builds the certificate and writes it and its key as PEM.</summary>
        /// <returns>The certificate file and the key file.</returns>
        public (string Certificate, string Key) Write(string certificatePath, string keyPath)
        {
            using X509Certificate2 certificate = Build();
            PemFiles.WriteCertificatePem(certificatePath, certificate, "crafted test input");
            PemFiles.WriteKeyPem(keyPath, SigningKey.From(Key), "crafted test input");
            return (certificatePath, keyPath);
        }

        /// <summary>A self-signed CA unrelated to the test PKI.</summary>
        public static (X509Certificate2 Certificate, SigningKey Key) OtherCa(string commonName)
        {
            SigningKey key = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
            X500DistinguishedNameBuilder name = new();
            name.AddCommonName(commonName);
            name.AddOrganizationName(PkiIssuer.Organization);
            CertificateRequest request = key.CreateRequest(name.Build(), HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
            X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(365));
            return (certificate, key);
        }
    }
}
