using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace WwepCerts
{
    /// <summary>
    /// Reads certificates and keys in PEM or DER, and writes them with the TEST ONLY line before every PEM block.
    /// Every read error becomes a <see cref="CertToolException"/> that names the file and what it holds instead.
    /// </summary>
    public static class PemFiles
    {
        /// <summary>The first words of the comment line written before each PEM block.</summary>
        public const string TestOnlyMarker = "# TEST ONLY";

        /// <summary>Writes a certificate as PEM, after a TEST ONLY comment line.</summary>
        /// <param name="path">Target file.</param>
        /// <param name="certificate">The certificate.</param>
        /// <param name="what">What it is, for the comment ("WWEP test CA certificate").</param>
        public static void WriteCertificatePem(string path, X509Certificate2 certificate, string what)
        {
            WriteAtomically(path, Encoding.ASCII.GetBytes(Block("CERTIFICATE", certificate.RawData, what)));
        }

        /// <summary>Writes a private key as unencrypted PKCS#8 PEM, after a TEST ONLY comment line.</summary>
        /// <param name="path">Target file.</param>
        /// <param name="key">The key.</param>
        /// <param name="what">What it is, for the comment.</param>
        public static void WriteKeyPem(string path, SigningKey key, string what)
        {
            WriteAtomically(path, Encoding.ASCII.GetBytes(Block("PRIVATE KEY", key.ExportPkcs8(), what)));
        }

        /// <summary>Writes bytes to a file through a temporary file, so a crash never leaves half a key.</summary>
        /// <param name="path">Target file; its folder is created when missing.</param>
        /// <param name="content">The bytes.</param>
        public static void WriteAtomically(string path, byte[] content)
        {
            string? folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            string temporary = path + ".tmp";
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }

        /// <summary>Reads a certificate from a PEM or DER file.</summary>
        /// <param name="path">The file.</param>
        /// <returns>The certificate.</returns>
        public static X509Certificate2 ReadCertificate(string path)
        {
            byte[] content = ReadFile(path, "certificate");
            string name = Path.GetFileName(path);
            if (LooksLikePem(content))
            {
                string text = Encoding.ASCII.GetString(content);
                byte[]? der = FindBlock(text, "CERTIFICATE", out string? firstLabel);
                if (der == null)
                {
                    throw new CertToolException(name + " holds " + Describe(firstLabel) + ", not a certificate: did you swap the certificate and key files?");
                }

                return LoadDer(der, name);
            }

            return LoadDer(content, name);
        }

        /// <summary>
        /// Reads every certificate of a bundle: each CERTIFICATE block of a PEM file, or the one certificate of a DER
        /// file (mbedTLS's x509_crt_parse reads a DER buffer as one certificate, a PEM buffer block by block).
        /// </summary>
        /// <param name="path">The file.</param>
        /// <returns>The certificates, in file order; never empty.</returns>
        public static IReadOnlyList<X509Certificate2> ReadCertificates(string path)
        {
            byte[] content = ReadFile(path, "certificate");
            string name = Path.GetFileName(path);
            if (!LooksLikePem(content))
            {
                return new[] { LoadDer(content, name) };
            }

            string text = Encoding.ASCII.GetString(content);
            List<X509Certificate2> certificates = new();
            int offset = 0;
            string? firstLabel = null;
            while (PemEncoding.TryFind(text.AsSpan(offset), out PemFields fields))
            {
                string label = text.Substring(offset + fields.Label.Start.Value, fields.Label.End.Value - fields.Label.Start.Value);
                firstLabel ??= label;
                if (label == "CERTIFICATE")
                {
                    byte[] der = Convert.FromBase64String(text.Substring(offset + fields.Base64Data.Start.Value, fields.Base64Data.End.Value - fields.Base64Data.Start.Value));
                    certificates.Add(LoadDer(der, name + " (certificate " + (certificates.Count + 1) + ")"));
                }

                offset += fields.Location.End.Value;
            }

            if (certificates.Count == 0)
            {
                throw new CertToolException(name + " holds " + Describe(firstLabel) + ", not a certificate: did you swap the certificate and key files?");
            }

            return certificates;
        }

        /// <summary>Reads an unencrypted ECDSA or RSA private key from a PEM or DER file.</summary>
        /// <param name="path">The file.</param>
        /// <returns>The key.</returns>
        public static SigningKey ReadKey(string path)
        {
            byte[] content = ReadFile(path, "private key");
            string name = Path.GetFileName(path);
            if (!LooksLikePem(content))
            {
                return ImportDerKey(content, name);
            }

            string text = Encoding.ASCII.GetString(content);
            int offset = 0;
            string? firstLabel = null;
            while (PemEncoding.TryFind(text.AsSpan(offset), out PemFields fields))
            {
                string label = text.Substring(offset + fields.Label.Start.Value, fields.Label.End.Value - fields.Label.Start.Value);
                byte[] der = Convert.FromBase64String(text.Substring(offset + fields.Base64Data.Start.Value, fields.Base64Data.End.Value - fields.Base64Data.Start.Value));
                firstLabel ??= label;
                switch (label)
                {
                    case "PRIVATE KEY":
                        return ImportPkcs8(der, name);
                    case "EC PRIVATE KEY":
                        return Import(name, "an SEC1 EC key", () => { ECDsa ec = ECDsa.Create(); ec.ImportECPrivateKey(der, out _); return ec; });
                    case "RSA PRIVATE KEY":
                        return Import(name, "a PKCS#1 RSA key", () => { RSA rsa = RSA.Create(); rsa.ImportRSAPrivateKey(der, out _); return rsa; });
                    case "ENCRYPTED PRIVATE KEY":
                        throw new CertToolException(name + " is password-protected: the tool and the device's embedded key need it unencrypted; export it without a password (openssl pkcs8 -nocrypt) or make a new one with this tool");
                }

                offset += fields.Location.End.Value;
            }

            throw new CertToolException(name + " holds " + Describe(firstLabel) + ", not a private key: did you swap the certificate and key files?");
        }

        private static string Block(string label, byte[] der, string what)
        {
            return TestOnlyMarker + ": " + what + ". Made by certs/tool for tests; never use it for anything real.\n"
                + new string(PemEncoding.Write(label, der)) + "\n";
        }

        private static byte[] ReadFile(string path, string what)
        {
            if (!File.Exists(path))
            {
                throw new CertToolException(path + " not found (expected a " + what + ")");
            }

            byte[] content = File.ReadAllBytes(path);
            if (content.Length == 0)
            {
                throw new CertToolException(Path.GetFileName(path) + " is empty (expected a " + what + ")");
            }

            return content;
        }

        private static bool LooksLikePem(byte[] content)
        {
            return Encoding.ASCII.GetString(content).Contains("-----BEGIN ", StringComparison.Ordinal);
        }

        private static byte[]? FindBlock(string text, string wantedLabel, out string? firstLabel)
        {
            firstLabel = null;
            int offset = 0;
            while (PemEncoding.TryFind(text.AsSpan(offset), out PemFields fields))
            {
                string label = text.Substring(offset + fields.Label.Start.Value, fields.Label.End.Value - fields.Label.Start.Value);
                firstLabel ??= label;
                if (label == wantedLabel)
                {
                    return Convert.FromBase64String(text.Substring(offset + fields.Base64Data.Start.Value, fields.Base64Data.End.Value - fields.Base64Data.Start.Value));
                }

                offset += fields.Location.End.Value;
            }

            return null;
        }

        private static string Describe(string? label)
        {
            return label == null ? "no complete PEM block (a BEGIN line without its END line, or broken base64)" : "a PEM '" + label + "' block";
        }

        private static X509Certificate2 LoadDer(byte[] der, string name)
        {
            try
            {
                return X509CertificateLoader.LoadCertificate(der);
            }
            catch (CryptographicException ex)
            {
                throw new CertToolException(name + " is not a readable X.509 certificate (" + ex.Message.TrimEnd('.') + "): regenerate it with this tool", ex);
            }
        }

        private static SigningKey ImportDerKey(byte[] der, string name)
        {
            foreach (Func<AsymmetricAlgorithm> attempt in new Func<AsymmetricAlgorithm>[]
            {
                () => { ECDsa ec = ECDsa.Create(); ec.ImportPkcs8PrivateKey(der, out _); return ec; },
                () => { RSA rsa = RSA.Create(); rsa.ImportPkcs8PrivateKey(der, out _); return rsa; },
                () => { ECDsa ec = ECDsa.Create(); ec.ImportECPrivateKey(der, out _); return ec; },
                () => { RSA rsa = RSA.Create(); rsa.ImportRSAPrivateKey(der, out _); return rsa; },
            })
            {
                try
                {
                    return SigningKey.From(attempt());
                }
                catch (CryptographicException)
                {
                    // Not this encoding: try the next.
                }
            }

            try
            {
                using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);
                throw new CertToolException(name + " holds a certificate (" + certificate.Subject + "), not a private key: did you swap the certificate and key files?");
            }
            catch (CryptographicException)
            {
                throw new CertToolException(name + " is not an unencrypted ECDSA or RSA private key in PEM or DER (PKCS#8, SEC1 or PKCS#1): regenerate it with this tool");
            }
        }

        private static SigningKey ImportPkcs8(byte[] der, string name)
        {
            try
            {
                return ImportDerKey(der, name);
            }
            catch (CertToolException ex) when (ex.InnerException == null)
            {
                throw new CertToolException(name + " holds a PKCS#8 key that is neither ECDSA nor RSA (or is damaged): use ECDSA P-256 or RSA 2048", ex);
            }
        }

        private static SigningKey Import(string name, string what, Func<AsymmetricAlgorithm> import)
        {
            try
            {
                return SigningKey.From(import());
            }
            catch (CryptographicException ex)
            {
                throw new CertToolException(name + " claims to be " + what + " but cannot be read (" + ex.Message.TrimEnd('.') + "): regenerate it with this tool", ex);
            }
        }
    }
}
