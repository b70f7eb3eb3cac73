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

        /// <summary>The identity a validated client certificate's subject CN gives.</summary>
        /// <param name="commonName">The CN.</param>
        /// <returns>The identity.</returns>
        public static ClientIdentity FromCommonName(string commonName)
        {
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
