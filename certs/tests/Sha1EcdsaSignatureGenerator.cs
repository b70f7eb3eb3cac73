using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WwepCerts.Tests
{
    /// <summary>
    /// Signs certificates with ECDSA over SHA-1, which .NET's own generators refuse to do: the bad input for the
    /// "no SHA-1" rule, as old tutorials and device SDK examples still make them.
    /// </summary>
    internal sealed class Sha1EcdsaSignatureGenerator : X509SignatureGenerator
    {
        private const string EcdsaWithSha1Oid = "1.2.840.10045.4.1";
        private readonly ECDsa _key;

        public Sha1EcdsaSignatureGenerator(ECDsa key)
        {
            _key = key;
        }

        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
        {
            AsnWriter writer = new(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(EcdsaWithSha1Oid);
            }

            return writer.Encode();
        }

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm)
        {
            return _key.SignData(data, HashAlgorithmName.SHA1, DSASignatureFormat.Rfc3279DerSequence);
        }

        protected override PublicKey BuildPublicKey()
        {
            return CreateForECDsa(_key).PublicKey;
        }
    }
}
