using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace WwepCerts
{
    /// <summary>
    /// Key usage bits and extended key usage OIDs by the names RFC 5280, OpenSSL and mbedTLS's debug output use
    /// (digitalSignature, serverAuth), so a check line reads like the certificate dump a person compares it with.
    /// </summary>
    public static class UsageNames
    {
        /// <summary>id-kp-serverAuth.</summary>
        public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

        /// <summary>id-kp-clientAuth.</summary>
        public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

        /// <summary>anyExtendedKeyUsage, which mbedTLS accepts for any purpose.</summary>
        public const string AnyExtendedUsageOid = "2.5.29.37.0";

        // In the order of the bit string (RFC 5280 4.2.1.3), the order OpenSSL prints them in.
        private static readonly X509KeyUsageFlags[] KeyUsageBits =
        {
            X509KeyUsageFlags.DigitalSignature,
            X509KeyUsageFlags.NonRepudiation,
            X509KeyUsageFlags.KeyEncipherment,
            X509KeyUsageFlags.DataEncipherment,
            X509KeyUsageFlags.KeyAgreement,
            X509KeyUsageFlags.KeyCertSign,
            X509KeyUsageFlags.CrlSign,
            X509KeyUsageFlags.EncipherOnly,
            X509KeyUsageFlags.DecipherOnly,
        };

        /// <summary>The name of one key usage bit.</summary>
        /// <param name="bit">One flag.</param>
        /// <returns>For example "keyEncipherment".</returns>
        public static string KeyUsageName(X509KeyUsageFlags bit)
        {
            return bit switch
            {
                X509KeyUsageFlags.DigitalSignature => "digitalSignature",
                X509KeyUsageFlags.NonRepudiation => "nonRepudiation",
                X509KeyUsageFlags.KeyEncipherment => "keyEncipherment",
                X509KeyUsageFlags.DataEncipherment => "dataEncipherment",
                X509KeyUsageFlags.KeyAgreement => "keyAgreement",
                X509KeyUsageFlags.KeyCertSign => "keyCertSign",
                X509KeyUsageFlags.CrlSign => "cRLSign",
                X509KeyUsageFlags.EncipherOnly => "encipherOnly",
                X509KeyUsageFlags.DecipherOnly => "decipherOnly",
                _ => bit.ToString(),
            };
        }

        /// <summary>The bits a key usage extension sets, comma separated.</summary>
        /// <param name="usages">The extension's flags.</param>
        /// <returns>For example "digitalSignature, keyAgreement", or "none" for an empty extension.</returns>
        public static string KeyUsages(X509KeyUsageFlags usages)
        {
            StringBuilder names = new();
            foreach (X509KeyUsageFlags bit in KeyUsageBits)
            {
                if ((usages & bit) != 0)
                {
                    names.Append(names.Length == 0 ? string.Empty : ", ").Append(KeyUsageName(bit));
                }
            }

            return names.Length == 0 ? "none" : names.ToString();
        }

        /// <summary>The name of an extended key usage OID.</summary>
        /// <param name="oid">The OID.</param>
        /// <returns>For example "clientAuth"; the OID itself when it has no usual name.</returns>
        public static string ExtendedUsageName(string oid)
        {
            return oid switch
            {
                ServerAuthOid => "serverAuth",
                ClientAuthOid => "clientAuth",
                "1.3.6.1.5.5.7.3.3" => "codeSigning",
                "1.3.6.1.5.5.7.3.4" => "emailProtection",
                "1.3.6.1.5.5.7.3.8" => "timeStamping",
                "1.3.6.1.5.5.7.3.9" => "OCSPSigning",
                AnyExtendedUsageOid => "anyExtendedKeyUsage",
                _ => oid,
            };
        }

        /// <summary>What an extended key usage extension lists, as a phrase.</summary>
        /// <param name="oids">Its OIDs.</param>
        /// <returns>"clientAuth only", "clientAuth and codeSigning", "nothing".</returns>
        public static string ExtendedUsages(IReadOnlyList<string> oids)
        {
            if (oids.Count == 0)
            {
                return "nothing";
            }

            if (oids.Count == 1)
            {
                return ExtendedUsageName(oids[0]) + " only";
            }

            StringBuilder names = new();
            for (int i = 0; i < oids.Count; i++)
            {
                string separator = i == 0 ? string.Empty : i == oids.Count - 1 ? " and " : ", ";
                names.Append(separator).Append(ExtendedUsageName(oids[i]));
            }

            return names.ToString();
        }
    }
}
