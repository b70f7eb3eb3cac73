using System;
using System.IO;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WwepServer
{
    /// <summary>
    /// Mutual TLS: a client certificate is accepted only when it chains to the project CA (given as a file, never the
    /// operating system's store) and is meant for client authentication. A refused one is judged into a cause (no
    /// certificate, another CA, expired, not yet valid, other) that the failure log and the classroom view show.
    /// </summary>
    public sealed class ClientCertificatePolicy : IDisposable
    {
        // Extended key usage "TLS client authentication"; a certificate without an EKU extension is not restricted.
        private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

        private readonly X509Certificate2Collection _trustedRoots;

        private ClientCertificatePolicy(X509Certificate2Collection trustedRoots)
        {
            _trustedRoots = trustedRoots;
        }

        /// <summary>Loads the CA file.</summary>
        /// <param name="caPath">PEM file with the CA certificate(s).</param>
        /// <returns>The policy.</returns>
        /// <exception cref="StartupException">The file is missing or holds no certificate.</exception>
        public static ClientCertificatePolicy Load(string caPath)
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

            return new ClientCertificatePolicy(roots);
        }

        /// <summary>The subject of the first CA, for the startup banner.</summary>
        public string CaSubject
        {
            get { return _trustedRoots[0].Subject; }
        }

        /// <summary>
        /// Judges the certificate a client presented: builds the chain against the CA file alone, so a certificate from
        /// any other issuer fails however trusted that issuer is elsewhere.
        /// </summary>
        /// <param name="certificate">The client's certificate, or null when it sent none.</param>
        /// <param name="chain">The platform's chain (built on the system store): only its extra certificates are used.</param>
        /// <param name="now">The time to judge validity at (UTC).</param>
        /// <returns>Accepted, or the cause of the refusal with its evidence.</returns>
        public ClientCertificateVerdict Judge(X509Certificate? certificate, X509Chain? chain, DateTime now)
        {
            if (certificate == null)
            {
                return new ClientCertificateVerdict(FailureCause.ClientCertificateMissing, null, null);
            }

            // SslStream hands over an X509Certificate2 and owns it: do not dispose it here.
            X509Certificate2 leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            string commonName = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false) ?? string.Empty;
            using var customChain = new X509Chain();
            customChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            customChain.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots);
            customChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            customChain.ChainPolicy.VerificationTime = now;
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
                return new ClientCertificateVerdict(null, commonName, null);
            }

            X509ChainStatusFlags flags = X509ChainStatusFlags.NoError;
            string reasons = string.Empty;
            foreach (X509ChainStatus status in customChain.ChainStatus)
            {
                flags |= status.Status;
                reasons += (reasons.Length == 0 ? string.Empty : "; ") + status.StatusInformation.Trim();
            }

            // Another CA first: a new certificate from the right CA fixes its dates as well.
            const X509ChainStatusFlags OtherCa = X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain | X509ChainStatusFlags.NotSignatureValid;
            if ((flags & OtherCa) != 0)
            {
                return new ClientCertificateVerdict(FailureCause.ClientCertificateOtherCa, commonName,
                    "issued by " + leaf.Issuer + "; this server trusts " + CaSubject + (leaf.Issuer == CaSubject ? " (a CA of the same name made again, init --force?)" : string.Empty));
            }

            if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
            {
                return now > leaf.NotAfter.ToUniversalTime()
                    ? new ClientCertificateVerdict(FailureCause.ClientCertificateExpired, commonName, "expired " + Date(leaf.NotAfter))
                    : new ClientCertificateVerdict(FailureCause.ClientCertificateNotYetValid, commonName, "valid from " + Date(leaf.NotBefore) + ", this machine's clock says " + Date(now));
            }

            return new ClientCertificateVerdict(FailureCause.ClientCertificateRefused, commonName, reasons);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            foreach (X509Certificate2 root in _trustedRoots)
            {
                root.Dispose();
            }
        }

        private static string Date(DateTime time)
        {
            return time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        }
    }
}
