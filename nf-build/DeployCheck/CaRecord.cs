using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace NfBuild.DeployCheck
{
    /// <summary>
    /// <c>DeployCheck --ca-record bundle.pem [--embedded ca.crt.der]</c>, run by nf-build/configure before it stores a
    /// CA bundle on a board: prints the record the board reads back from I:\wwep-ca.conf (WwepDevice/Core/Tls/StoredCaRecord.cs),
    /// one <c>subject until yyyy-MM-dd</c> per certificate joined by <c>; </c>, then one line per certificate saying
    /// whether it is the CA embedded in the image or one the board will trust besides it. Exit 0, or 3 when the file
    /// holds no certificate. The subject is written in the order of the certificate's encoding, as mbedTLS's
    /// <c>mbedtls_x509_dn_gets</c> shows it to the board's <c>X509Certificate.Subject</c>.
    /// </summary>
    public static class CaRecord
    {
        /// <summary>Prints the record and the comparison.</summary>
        /// <param name="bundlePath">The CA file configure stores: PEM (one or more certificates) or DER.</param>
        /// <param name="embeddedPath">The CA embedded in the firmware's image (DER), or null to skip the comparison.</param>
        /// <returns>The exit code.</returns>
        public static int Run(string bundlePath, string? embeddedPath)
        {
            X509Certificate2Collection bundle;
            try
            {
                bundle = Load(bundlePath);
            }
            catch (Exception ex) when (ex is IOException || ex is CryptographicException || ex is UnauthorizedAccessException)
            {
                Console.WriteLine(bundlePath + " holds no certificate the board could store: " + ex.Message);
                return Program.Unreadable;
            }

            if (bundle.Count == 0)
            {
                Console.WriteLine(bundlePath + " holds no certificate the board could store (no PEM CERTIFICATE block, not DER)");
                return Program.Unreadable;
            }

            X509Certificate2? embedded = null;
            if (embeddedPath != null && File.Exists(embeddedPath))
            {
                try
                {
                    embedded = X509CertificateLoader.LoadCertificate(File.ReadAllBytes(embeddedPath));
                }
                catch (CryptographicException)
                {
                    // certs check reports a broken embedded resource; here it only means nothing to compare with.
                    embedded = null;
                }
            }

            string[] entries = new string[bundle.Count];
            for (int i = 0; i < bundle.Count; i++)
            {
                entries[i] = Entry(bundle[i]);
            }

            Console.WriteLine(string.Join("; ", entries));
            for (int i = 0; i < bundle.Count; i++)
            {
                Console.WriteLine(Comparison(bundle[i], embedded));
            }

            return Program.Match;
        }

        /// <summary>One entry of the record: the subject as the board shows it, and the last day of validity.</summary>
        /// <param name="certificate">A certificate of the bundle.</param>
        /// <returns>For example <c>O=WWEP test PKI, CN=WWEP Test CA until 2036-11-18</c>.</returns>
        public static string Entry(X509Certificate2 certificate)
        {
            return Subject(certificate) + " until " + certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        private static string Comparison(X509Certificate2 stored, X509Certificate2? embedded)
        {
            string name = "'" + Subject(stored) + "'";
            if (embedded == null)
            {
                return "stored " + name + ": no embedded CA to compare with (WwepDevice/Resources/ca.crt.der; certs embed puts one there)";
            }

            if (stored.RawData.AsSpan().SequenceEqual(embedded.RawData))
            {
                return "stored " + name + ": the same certificate as the CA embedded in the image";
            }

            return "stored " + name + ": not the CA embedded in the image ('" + Subject(embedded) + "' until "
                + embedded.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                + "): the board will trust both, a server of either passes";
        }

        // The record is one line of printable ASCII with "; " between entries, so a subject cannot carry either.
        private static string Subject(X509Certificate2 certificate)
        {
            string subject = certificate.SubjectName.Decode(X500DistinguishedNameFlags.UseCommas);
            StringBuilder text = new StringBuilder(subject.Length);
            foreach (char c in subject)
            {
                text.Append(c == ';' ? ',' : c >= ' ' && c < '\u007f' ? c : '?');
            }

            return text.ToString();
        }

        private static X509Certificate2Collection Load(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            X509Certificate2Collection collection = new X509Certificate2Collection();
            string text = Encoding.ASCII.GetString(bytes);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                collection.ImportFromPem(text.TrimEnd('\0'));
                return collection;
            }

            collection.Add(X509CertificateLoader.LoadCertificate(bytes));
            return collection;
        }
    }
}
