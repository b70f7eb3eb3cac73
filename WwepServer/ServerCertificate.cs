using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WwepServer
{
    /// <summary>
    /// The certificate the TLS port serves: loaded once from PEM files, with its chain prepared for every handshake.
    /// </summary>
    public sealed class ServerCertificate : IDisposable
    {
        /// <summary>The command that creates the server certificate from the project CA.</summary>
        public const string CreateServerCommand = CertsTool.Run + " server";

        private readonly X509Certificate2Collection _chain;

        private ServerCertificate(X509Certificate2 certificate, X509Certificate2Collection chain)
        {
            Certificate = certificate;
            _chain = chain;

            // offline: the chain comes from the file, the server never fetches intermediates or revocation data.
            Context = SslStreamCertificateContext.Create(certificate, chain, offline: true);
        }

        /// <summary>The leaf certificate with its private key.</summary>
        public X509Certificate2 Certificate { get; }

        /// <summary>The certificate and chain as SslStream sends them, built once.</summary>
        public SslStreamCertificateContext Context { get; }

        /// <summary>
        /// Loads the certificate (the first one in <paramref name="certificatePath"/>, any further ones are its chain)
        /// and its key.
        /// </summary>
        /// <param name="certificatePath">PEM certificate file.</param>
        /// <param name="keyPath">PEM private key file.</param>
        /// <returns>The loaded certificate.</returns>
        /// <exception cref="StartupException">A file is missing, unreadable or the key does not match.</exception>
        public static ServerCertificate Load(string certificatePath, string keyPath)
        {
            if (!File.Exists(certificatePath) || !File.Exists(keyPath))
            {
                string advice = CertsTool.ServerFilesAdvice(certificatePath, keyPath);
                RequireFile(certificatePath, "server certificate", advice);
                RequireFile(keyPath, "server private key", advice);
            }

            X509Certificate2 leaf;
            try
            {
                leaf = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            }
            catch (Exception e) when (e is CryptographicException || e is ArgumentException)
            {
                // ArgumentException: the key is not the certificate's; CryptographicException: not PEM, or encrypted.
                throw new StartupException(
                    "cannot use server certificate " + certificatePath + " with key " + keyPath + ": " + OneLine(e.Message)
                    + " (the key must be the unencrypted PEM key of that certificate)", e);
            }

            var all = new X509Certificate2Collection();
            all.ImportFromPemFile(certificatePath);
            var chain = new X509Certificate2Collection();
            for (int i = 1; i < all.Count; i++)
            {
                chain.Add(all[i]);
            }

            return new ServerCertificate(leaf, chain);
        }

        /// <summary>Throws the one-line "missing file" error the brief asks for.</summary>
        /// <param name="path">The file that must exist.</param>
        /// <param name="what">What it is, for the message.</param>
        /// <param name="createHint">How to create it, for the message.</param>
        /// <exception cref="StartupException">The file does not exist.</exception>
        public static void RequireFile(string path, string what, string createHint)
        {
            if (!File.Exists(path))
            {
                throw new StartupException(what + " not found: " + Path.GetFullPath(path) + "; " + createHint);
            }
        }

        /// <summary>
        /// Lines for the startup banner: subject, names and addresses (SAN), issuer and expiry, with a warning when
        /// the certificate is not valid now or soon will not be.
        /// </summary>
        /// <param name="now">The current time (UTC).</param>
        /// <returns>Printable lines.</returns>
        public IReadOnlyList<string> Describe(DateTime now)
        {
            var lines = new List<string>
            {
                "certificate subject: " + Certificate.Subject,
                "certificate SAN: " + DescribeSubjectAlternativeNames(Certificate),
                "certificate issuer: " + Certificate.Issuer + (_chain.Count > 0 ? " (+" + _chain.Count + " chain certificate(s) sent)" : string.Empty),
                "certificate valid: " + Certificate.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd HH:mm") + " to "
                    + Certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm") + " UTC",
            };

            if (now > Certificate.NotAfter.ToUniversalTime())
            {
                lines.Add("WARNING: the certificate has expired; clients that check it will refuse the TLS port (renew it: " + CreateServerCommand + ")");
            }
            else if (now < Certificate.NotBefore.ToUniversalTime())
            {
                lines.Add("WARNING: the certificate is not valid yet; check this machine's clock");
            }
            else if (Certificate.NotAfter.ToUniversalTime() - now < TimeSpan.FromDays(30))
            {
                lines.Add("WARNING: the certificate expires in less than 30 days (renew it: " + CreateServerCommand + ")");
            }

            return lines;
        }

        /// <summary>The DNS names and IP addresses a certificate names, as <c>DNS:localhost, IP:127.0.0.1</c>.</summary>
        /// <param name="certificate">Any certificate.</param>
        /// <returns>The list, or a note that there is none.</returns>
        public static string DescribeSubjectAlternativeNames(X509Certificate2 certificate)
        {
            var names = new List<string>();
            foreach (X509Extension extension in certificate.Extensions)
            {
                if (extension is X509SubjectAlternativeNameExtension san)
                {
                    foreach (string dns in san.EnumerateDnsNames())
                    {
                        names.Add("DNS:" + dns);
                    }

                    foreach (IPAddress ip in san.EnumerateIPAddresses())
                    {
                        names.Add("IP:" + ip);
                    }
                }
            }

            return names.Count == 0
                ? "none (clients that check the host name, such as the boards' mbedTLS, will refuse it)"
                : string.Join(", ", names);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Certificate.Dispose();
            foreach (X509Certificate2 certificate in _chain)
            {
                certificate.Dispose();
            }
        }

        private static string OneLine(string text)
        {
            return text.Replace('\r', ' ').Replace('\n', ' ').Trim();
        }
    }
}
