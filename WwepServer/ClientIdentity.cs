using System.Security.Cryptography.X509Certificates;
using WwepDevice.Core.Protocol;

namespace WwepServer
{
    /// <summary>
    /// Who a mutual-TLS connection speaks for (docs/wwep.md, "device identity"): the device ID in its certificate's
    /// subject CN. A connection with an identity may read and write that device only.
    /// </summary>
    public sealed class ClientIdentity
    {
        private ClientIdentity(string commonName, int deviceId)
        {
            CommonName = commonName;
            DeviceId = deviceId;
        }

        /// <summary>The certificate's subject CN, as it was written.</summary>
        public string CommonName { get; }

        /// <summary>The device ID the CN names, or -1 when the CN is not 4 hex digits (then no device is allowed).</summary>
        public int DeviceId { get; }

        /// <summary>Reads the identity from a client certificate.</summary>
        /// <param name="certificate">The validated client certificate.</param>
        /// <returns>The identity.</returns>
        public static ClientIdentity FromCertificate(X509Certificate certificate)
        {
            X509Certificate2 full = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            string commonName = full.GetNameInfo(X509NameType.SimpleName, forIssuer: false) ?? string.Empty;
            return DeviceIdentity.TryParseHex(commonName, out int deviceId)
                ? new ClientIdentity(commonName, deviceId)
                : new ClientIdentity(commonName, -1);
        }

        /// <summary>Whether this identity may read and write <paramref name="deviceId"/>.</summary>
        /// <param name="deviceId">The device ID in a request.</param>
        /// <returns>True only for the device the CN names.</returns>
        public bool Allows(int deviceId)
        {
            return DeviceId >= 0 && deviceId == DeviceId;
        }
    }
}
