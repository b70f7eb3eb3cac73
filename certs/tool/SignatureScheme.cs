using System.Security.Cryptography;

namespace WwepCerts
{
    /// <summary>How a certificate is signed, read from its signatureAlgorithm OID.</summary>
    /// <param name="Oid">The signatureAlgorithm OID.</param>
    /// <param name="Name">Readable name, for example "ECDSA with SHA-256".</param>
    /// <param name="Hash">The hash, when the tool can verify this scheme; null otherwise.</param>
    /// <param name="IsEcdsa">ECDSA (otherwise RSA PKCS#1 v1.5, or something the tool cannot verify).</param>
    /// <param name="HashIsAcceptable">SHA-256 or better: what the ESP32's mbedTLS build accepts.</param>
    public sealed record SignatureScheme(string Oid, string Name, HashAlgorithmName? Hash, bool IsEcdsa, bool HashIsAcceptable)
    {
        /// <summary>The scheme of a signatureAlgorithm OID.</summary>
        /// <param name="oid">For example 1.2.840.10045.4.3.2.</param>
        /// <returns>What it means; unknown OIDs are not acceptable.</returns>
        public static SignatureScheme FromOid(string? oid)
        {
            return oid switch
            {
                "1.2.840.10045.4.3.2" => new(oid, "ECDSA with SHA-256", HashAlgorithmName.SHA256, true, true),
                "1.2.840.10045.4.3.3" => new(oid, "ECDSA with SHA-384", HashAlgorithmName.SHA384, true, true),
                "1.2.840.10045.4.3.4" => new(oid, "ECDSA with SHA-512", HashAlgorithmName.SHA512, true, true),
                "1.2.840.10045.4.3.1" => new(oid, "ECDSA with SHA-224", null, true, false),
                "1.2.840.10045.4.1" => new(oid, "ECDSA with SHA-1", HashAlgorithmName.SHA1, true, false),
                "1.2.840.113549.1.1.11" => new(oid, "RSA with SHA-256", HashAlgorithmName.SHA256, false, true),
                "1.2.840.113549.1.1.12" => new(oid, "RSA with SHA-384", HashAlgorithmName.SHA384, false, true),
                "1.2.840.113549.1.1.13" => new(oid, "RSA with SHA-512", HashAlgorithmName.SHA512, false, true),
                "1.2.840.113549.1.1.14" => new(oid, "RSA with SHA-224", null, false, false),
                "1.2.840.113549.1.1.5" or "1.3.14.3.2.29" => new(oid, "RSA with SHA-1", HashAlgorithmName.SHA1, false, false),
                "1.2.840.113549.1.1.4" => new(oid, "RSA with MD5", HashAlgorithmName.MD5, false, false),
                "1.2.840.113549.1.1.2" => new(oid, "RSA with MD2", null, false, false),
                "1.2.840.113549.1.1.3" => new(oid, "RSA with MD4", null, false, false),
                "1.2.840.113549.1.1.10" => new(oid, "RSASSA-PSS", null, false, false),
                "1.3.101.112" => new(oid, "Ed25519", null, false, false),
                "1.3.101.113" => new(oid, "Ed448", null, false, false),
                "1.2.840.10040.4.3" => new(oid, "DSA with SHA-1", null, false, false),
                _ => new(oid ?? "(none)", "unknown signature algorithm " + (oid ?? "(none)"), null, false, false),
            };
        }
    }
}
