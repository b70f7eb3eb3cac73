using System;
using System.IO;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>
    /// Mutual TLS: a client certificate is accepted only when it chains to the project CA (given as a file, never the
    /// operating system's store) and is meant for client authentication.
    /// </summary>
    public sealed class ClientCertificatePolicy : IDisposable
    {
        // Extended key usage "TLS client authentication"; a certificate without an EKU extension is not restricted.
        private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

        private readonly X509Certificate2Collection _trustedRoots;
        private readonly ILogger _logger;

        private ClientCertificatePolicy(X509Certificate2Collection trustedRoots, ILogger logger)
        {
            _trustedRoots = trustedRoots;
            _logger = logger;
        }

        /// <summary>Loads the CA file.</summary>
        /// <param name="caPath">PEM file with the CA certificate(s).</param>
        /// <param name="logger">Where refused certificates are reported.</param>
        /// <returns>The policy.</returns>
        /// <exception cref="StartupException">The file is missing or holds no certificate.</exception>
        public static ClientCertificatePolicy Load(string caPath, ILogger logger)
        {
            if (!File.Exists(caPath))
            {
                ServerCertificate.RequireFile(caPath, "client CA certificate", CertsTool.ClientCaAdvice(caPath));
            }

            var roots = new X509Certificate2Collection();
            try
            {
                roots.ImportFromPemFile(caPath);
            }
            catch (CryptographicException e)
            {
                throw new StartupException("client CA file " + caPath + " is not a PEM certificate: " + e.Message.Replace('\n', ' '), e);
            }

            if (roots.Count == 0)
            {
                throw new StartupException("client CA file " + caPath + " holds no certificate (expected -----BEGIN CERTIFICATE-----)");
            }

            return new ClientCertificatePolicy(roots, logger);
        }

        /// <summary>The subject of the first CA, for the startup banner.</summary>
        public string CaSubject
        {
            get { return _trustedRoots[0].Subject; }
        }

        /// <summary>
        /// The <see cref="RemoteCertificateValidationCallback"/> for the server: builds the chain against the CA file
        /// alone, so a certificate from any other issuer fails however trusted that issuer is elsewhere.
        /// </summary>
        /// <param name="sender">The SslStream.</param>
        /// <param name="certificate">The client's certificate, or null when it sent none.</param>
        /// <param name="chain">Ignored: the platform's chain used the system store.</param>
        /// <param name="errors">Ignored for the same reason.</param>
        /// <returns>Whether the handshake may go on.</returns>
        public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (certificate == null)
            {
                _logger.LogWarning("TLS client sent no certificate; this server requires one (--require-client-cert)");
                return false;
            }

            // SslStream hands over an X509Certificate2 and owns it: do not dispose it here.
            X509Certificate2 leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            using var customChain = new X509Chain();
            customChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            customChain.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots);
            customChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            customChain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthenticationOid));
            if (chain != null)
            {
                // Intermediates the client sent along.
                foreach (X509ChainElement element in chain.ChainElements)
                {
                    customChain.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            if (customChain.Build(leaf))
            {
                return true;
            }

            string reasons = string.Empty;
            foreach (X509ChainStatus status in customChain.ChainStatus)
            {
                reasons += (reasons.Length == 0 ? string.Empty : "; ") + status.StatusInformation.Trim();
            }

            _logger.LogWarning("refused TLS client certificate {Subject}: {Reasons} (it must be issued by {Ca})", leaf.Subject, reasons, CaSubject);
            return false;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            foreach (X509Certificate2 root in _trustedRoots)
            {
                root.Dispose();
            }
        }
    }
}
