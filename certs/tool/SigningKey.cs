using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WwepCerts
{
    /// <summary>
    /// A private key (ECDSA or RSA) with what the tool needs from it: making certificate requests, signing other
    /// certificates, and exporting it. Owns the key; dispose it.
    /// </summary>
    public sealed class SigningKey : IDisposable
    {
        /// <summary>The names <c>--algorithm</c> accepts, in the order of <see cref="KeyAlgorithm"/>.</summary>
        public static readonly string[] AlgorithmNames = { "ecdsa-p256", "ecdsa-p384", "rsa-2048", "rsa-3072", "rsa-4096" };

        private SigningKey(AsymmetricAlgorithm key)
        {
            Key = key;
        }

        /// <summary>The key: an <see cref="ECDsa"/> or an <see cref="RSA"/>.</summary>
        public AsymmetricAlgorithm Key { get; }

        /// <summary>The hash this key signs with: SHA-384 for P-384, SHA-256 otherwise.</summary>
        public HashAlgorithmName SignatureHash =>
            Key is ECDsa ec && ec.KeySize == 384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;

        /// <summary>Short description such as "ECDSA P-256" or "RSA 2048".</summary>
        public string Description => Key is ECDsa ? "ECDSA P-" + Key.KeySize : "RSA " + Key.KeySize;

        /// <summary>Makes a new key.</summary>
        /// <param name="algorithm">Which kind.</param>
        /// <returns>The key.</returns>
        public static SigningKey Generate(KeyAlgorithm algorithm)
        {
            return algorithm switch
            {
                KeyAlgorithm.EcdsaP256 => new SigningKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)),
                KeyAlgorithm.EcdsaP384 => new SigningKey(ECDsa.Create(ECCurve.NamedCurves.nistP384)),
                KeyAlgorithm.Rsa2048 => new SigningKey(RSA.Create(2048)),
                KeyAlgorithm.Rsa3072 => new SigningKey(RSA.Create(3072)),
                KeyAlgorithm.Rsa4096 => new SigningKey(RSA.Create(4096)),
                _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
            };
        }

        /// <summary>Wraps a key that was read from a file.</summary>
        /// <param name="key">An ECDSA or RSA key; ownership passes to the result.</param>
        /// <returns>The wrapper.</returns>
        public static SigningKey From(AsymmetricAlgorithm key)
        {
            if (key is not ECDsa && key is not RSA)
            {
                throw new CertToolException("only ECDSA and RSA keys are supported, not " + key.GetType().Name);
            }

            return new SigningKey(key);
        }

        /// <summary>Parses an <c>--algorithm</c> value.</summary>
        /// <param name="name">For example <c>ecdsa-p256</c>.</param>
        /// <returns>The algorithm.</returns>
        public static KeyAlgorithm ParseAlgorithm(string name)
        {
            int index = Array.IndexOf(AlgorithmNames, name.Trim().ToLowerInvariant());
            if (index < 0)
            {
                throw new CertToolException("unknown --algorithm '" + name + "': use one of " + string.Join(", ", AlgorithmNames));
            }

            return (KeyAlgorithm)index;
        }

        /// <summary>A certificate request for this key's public key, signed later with <see cref="SignatureHash"/> of the issuer.</summary>
        /// <param name="subject">The subject name.</param>
        /// <param name="issuerHash">The hash the issuer signs with.</param>
        /// <returns>The request.</returns>
        public CertificateRequest CreateRequest(X500DistinguishedName subject, HashAlgorithmName issuerHash)
        {
            return Key is ECDsa ec
                ? new CertificateRequest(subject, ec, issuerHash)
                : new CertificateRequest(subject, (RSA)Key, issuerHash, RSASignaturePadding.Pkcs1);
        }

        /// <summary>A signature generator that signs certificates with this key.</summary>
        /// <returns>The generator.</returns>
        public X509SignatureGenerator CreateSignatureGenerator()
        {
            return Key is ECDsa ec
                ? X509SignatureGenerator.CreateForECDsa(ec)
                : X509SignatureGenerator.CreateForRSA((RSA)Key, RSASignaturePadding.Pkcs1);
        }

        /// <summary>The key as PKCS#8 DER (unencrypted: the device cannot prompt for a password).</summary>
        /// <returns>The bytes.</returns>
        public byte[] ExportPkcs8()
        {
            return Key.ExportPkcs8PrivateKey();
        }

        /// <summary>The public half, as a DER SubjectPublicKeyInfo.</summary>
        /// <returns>The bytes.</returns>
        public byte[] ExportSubjectPublicKeyInfo()
        {
            return Key.ExportSubjectPublicKeyInfo();
        }

        /// <summary>Whether <paramref name="certificate"/> holds this key's public half.</summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>True when they belong together.</returns>
        public bool Matches(X509Certificate2 certificate)
        {
            return certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(ExportSubjectPublicKeyInfo());
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Key.Dispose();
        }
    }
}
