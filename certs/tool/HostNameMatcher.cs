using System;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace WwepCerts
{
    /// <summary>
    /// Decides whether a server certificate names the host a client verifies, the way mbedTLS does for
    /// <c>mbedtls_ssl_set_hostname</c>: DNS names compared without case, one leading <c>*.</c> label as a wildcard,
    /// IP addresses against IP entries, and the CN only when the certificate has no subject alternative names.
    /// </summary>
    public static class HostNameMatcher
    {
        /// <summary>Whether <paramref name="certificate"/> covers <paramref name="host"/>.</summary>
        /// <param name="certificate">The server certificate.</param>
        /// <param name="host">The host name (or IP address) the client verifies.</param>
        /// <returns>The result.</returns>
        public static HostNameMatch Match(X509Certificate2 certificate, string host)
        {
            string wanted = host.Trim().TrimEnd('.');
            X509SubjectAlternativeNameExtension? san = CertificateFacts.SubjectAlternativeNames(certificate);
            if (san == null)
            {
                return NameMatches(CertificateFacts.CommonName(certificate), wanted) ? HostNameMatch.CoveredByCommonNameOnly : HostNameMatch.NotCovered;
            }

            if (IPAddress.TryParse(wanted, out IPAddress? address))
            {
                foreach (IPAddress entry in san.EnumerateIPAddresses())
                {
                    if (entry.Equals(address))
                    {
                        return HostNameMatch.Covered;
                    }
                }
            }

            foreach (string name in san.EnumerateDnsNames())
            {
                if (NameMatches(name, wanted))
                {
                    return HostNameMatch.Covered;
                }
            }

            return HostNameMatch.NotCovered;
        }

        /// <summary>Whether one certificate name (possibly <c>*.example.com</c>) matches a host name.</summary>
        /// <param name="pattern">The name in the certificate.</param>
        /// <param name="host">The host name.</param>
        /// <returns>True on a match.</returns>
        public static bool NameMatches(string pattern, string host)
        {
            pattern = pattern.Trim().TrimEnd('.');
            if (string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // "*.example.com" stands for exactly one label: a.example.com, not example.com nor a.b.example.com.
            if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                int firstDot = host.IndexOf('.');
                return firstDot > 0 && string.Equals(pattern.Substring(1), host.Substring(firstDot), StringComparison.OrdinalIgnoreCase);
            }

            return false;
        }
    }
}
