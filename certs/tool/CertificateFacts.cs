using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WwepCerts
{
    /// <summary>What the checks need to know about a certificate, in the words a person fixing it needs.</summary>
    public static class CertificateFacts
    {
        /// <summary>OID of the NIST P-256 curve.</summary>
        public const string P256Oid = "1.2.840.10045.3.1.7";

        /// <summary>OID of the NIST P-384 curve.</summary>
        public const string P384Oid = "1.3.132.0.34";

        /// <summary>OID of the NIST P-521 curve.</summary>
        public const string P521Oid = "1.3.132.0.35";

        private const string EcPublicKeyOid = "1.2.840.10045.2.1";
        private const string RsaPublicKeyOid = "1.2.840.113549.1.1.1";

        /// <summary>The subject's common name, or an empty string.</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The CN.</returns>
        public static string CommonName(X509Certificate2 certificate)
        {
            return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) ?? string.Empty;
        }

        /// <summary>How the certificate is signed.</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The scheme.</returns>
        public static SignatureScheme Signature(X509Certificate2 certificate)
        {
            return SignatureScheme.FromOid(certificate.SignatureAlgorithm.Value);
        }

        /// <summary>The curve OID of an ECDSA public key; null for other keys.</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The OID.</returns>
        public static string? CurveOid(X509Certificate2 certificate)
        {
            if (certificate.PublicKey.Oid.Value != EcPublicKeyOid)
            {
                return null;
            }

            byte[]? parameters = certificate.PublicKey.EncodedParameters?.RawData;
            if (parameters == null || parameters.Length == 0)
            {
                return "no curve";
            }

            try
            {
                return new AsnReader(parameters, AsnEncodingRules.DER).ReadObjectIdentifier();
            }
            catch (AsnContentException)
            {
                // Explicit curve parameters instead of a named curve: mbedTLS rejects those as well.
                return "explicit curve parameters";
            }
        }

        /// <summary>Readable key description: "ECDSA P-256", "RSA 2048", "ECDSA secp256k1 (1.3.132.0.10)".</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The description.</returns>
        public static string KeyDescription(X509Certificate2 certificate)
        {
            string? curve = CurveOid(certificate);
            if (curve != null)
            {
                return "ECDSA " + CurveName(curve);
            }

            if (certificate.PublicKey.Oid.Value == RsaPublicKeyOid)
            {
                using RSA? rsa = certificate.GetRSAPublicKey();
                return "RSA " + (rsa?.KeySize ?? 0);
            }

            return (certificate.PublicKey.Oid.FriendlyName ?? "unknown") + " key (" + certificate.PublicKey.Oid.Value + ")";
        }

        /// <summary>RSA key size in bits; 0 for other keys.</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The size.</returns>
        public static int RsaKeySize(X509Certificate2 certificate)
        {
            if (certificate.PublicKey.Oid.Value != RsaPublicKeyOid)
            {
                return 0;
            }

            using RSA? rsa = certificate.GetRSAPublicKey();
            return rsa?.KeySize ?? 0;
        }

        /// <summary>A curve's usual name.</summary>
        /// <param name="oid">Curve OID.</param>
        /// <returns>"P-256", "P-384", "P-521", or the OID with its friendly name.</returns>
        public static string CurveName(string oid)
        {
            return oid switch
            {
                P256Oid => "P-256",
                P384Oid => "P-384",
                P521Oid => "P-521",
                _ => (new Oid(oid).FriendlyName ?? "curve") + " (" + oid + ")",
            };
        }

        /// <summary>Whether the certificate's signature verifies with the issuer's public key.</summary>
        /// <param name="certificate">The certificate.</param>
        /// <param name="issuer">The CA certificate.</param>
        /// <param name="reason">Why not, when it cannot be verified at all; null when it verifies or simply does not match.</param>
        /// <returns>True when the issuer's key made the signature.</returns>
        public static bool IsSignedBy(X509Certificate2 certificate, X509Certificate2 issuer, out string? reason)
        {
            reason = null;
            SignatureScheme scheme = Signature(certificate);
            if (scheme.Hash == null)
            {
                reason = "the tool cannot verify " + scheme.Name + " signatures";
                return false;
            }

            ReadOnlyMemory<byte> signed;
            byte[] signature;
            try
            {
                // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }
                AsnReader outer = new AsnReader(certificate.RawData, AsnEncodingRules.DER).ReadSequence();
                signed = outer.ReadEncodedValue();
                outer.ReadSequence();
                signature = outer.ReadBitString(out _);
            }
            catch (AsnContentException ex)
            {
                reason = "its DER structure is damaged (" + ex.Message + ")";
                return false;
            }

            try
            {
                using ECDsa? ec = issuer.GetECDsaPublicKey();
                if (ec != null)
                {
                    return scheme.IsEcdsa && ec.VerifyData(signed.Span, signature, scheme.Hash.Value, DSASignatureFormat.Rfc3279DerSequence);
                }

                using RSA? rsa = issuer.GetRSAPublicKey();
                if (rsa != null)
                {
                    return !scheme.IsEcdsa && rsa.VerifyData(signed.Span, signature, scheme.Hash.Value, RSASignaturePadding.Pkcs1);
                }

                reason = "the CA's key is neither ECDSA nor RSA";
                return false;
            }
            catch (CryptographicException ex)
            {
                reason = "verifying failed (" + ex.Message + ")";
                return false;
            }
        }

        /// <summary>The DNS names of the subject alternative name extension (empty when there is none).</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The names.</returns>
        public static IReadOnlyList<string> DnsNames(X509Certificate2 certificate)
        {
            List<string> names = new();
            X509SubjectAlternativeNameExtension? san = SubjectAlternativeNames(certificate);
            if (san != null)
            {
                names.AddRange(san.EnumerateDnsNames());
            }

            return names;
        }

        /// <summary>The IP addresses of the subject alternative name extension (empty when there is none).</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The addresses.</returns>
        public static IReadOnlyList<IPAddress> IpAddresses(X509Certificate2 certificate)
        {
            List<IPAddress> addresses = new();
            X509SubjectAlternativeNameExtension? san = SubjectAlternativeNames(certificate);
            if (san != null)
            {
                addresses.AddRange(san.EnumerateIPAddresses());
            }

            return addresses;
        }

        /// <summary>The subject alternative name extension, or null.</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The extension.</returns>
        public static X509SubjectAlternativeNameExtension? SubjectAlternativeNames(X509Certificate2 certificate)
        {
            foreach (X509Extension extension in certificate.Extensions)
            {
                if (extension.Oid?.Value == "2.5.29.17")
                {
                    return extension as X509SubjectAlternativeNameExtension ?? new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical);
                }
            }

            return null;
        }

        /// <summary>The basic constraints extension, or null.</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The extension.</returns>
        public static X509BasicConstraintsExtension? BasicConstraints(X509Certificate2 certificate)
        {
            return certificate.Extensions["2.5.29.19"] as X509BasicConstraintsExtension;
        }

        /// <summary>The key usage extension, or null.</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The extension.</returns>
        public static X509KeyUsageExtension? KeyUsage(X509Certificate2 certificate)
        {
            return certificate.Extensions["2.5.29.15"] as X509KeyUsageExtension;
        }

        /// <summary>The extended key usage OIDs, or null when the extension is absent (any use allowed).</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The OIDs.</returns>
        public static IReadOnlyList<string>? ExtendedKeyUsages(X509Certificate2 certificate)
        {
            if (certificate.Extensions["2.5.29.37"] is not X509EnhancedKeyUsageExtension eku)
            {
                return null;
            }

            List<string> oids = new();
            foreach (Oid oid in eku.EnhancedKeyUsages)
            {
                oids.Add(oid.Value ?? string.Empty);
            }

            return oids;
        }

        /// <summary>The certificate's validity in UTC.</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>Not before.</returns>
        public static DateTimeOffset NotBefore(X509Certificate2 certificate)
        {
            return new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        }

        /// <summary>The certificate's end of validity in UTC.</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>Not after.</returns>
        public static DateTimeOffset NotAfter(X509Certificate2 certificate)
        {
            return new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        }

        /// <summary>A UTC instant as the messages print it.</summary>
        /// <param name="instant">The instant.</param>
        /// <returns>For example "2027-01-01 10:00 UTC".</returns>
        public static string Show(DateTimeOffset instant)
        {
            return instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
        }
    }
}
