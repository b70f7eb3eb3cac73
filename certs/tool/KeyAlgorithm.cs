namespace WwepCerts
{
    /// <summary>The key types the tool makes; all of them are accepted by the ESP32's mbedTLS.</summary>
    public enum KeyAlgorithm
    {
        /// <summary>ECDSA on NIST P-256, signed with SHA-256 (the default: small and fast on the ESP32).</summary>
        EcdsaP256,

        /// <summary>ECDSA on NIST P-384, signed with SHA-384.</summary>
        EcdsaP384,

        /// <summary>RSA 2048, signed with SHA-256 and PKCS#1 v1.5.</summary>
        Rsa2048,

        /// <summary>RSA 3072, signed with SHA-256 and PKCS#1 v1.5.</summary>
        Rsa3072,

        /// <summary>RSA 4096, signed with SHA-256 and PKCS#1 v1.5 (slow to verify on the device).</summary>
        Rsa4096,
    }
}
