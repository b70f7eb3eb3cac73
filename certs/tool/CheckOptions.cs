using System;

namespace WwepCerts
{
    /// <summary>
    /// What check looks at. By default the files of one certs folder and one firmware folder; each file can be
    /// pointed elsewhere (to check another PKI, or crafted bad inputs in tests).
    /// </summary>
    public sealed class CheckOptions
    {
        /// <summary>Creates the options for a certs folder and a firmware folder.</summary>
        /// <param name="files">The certs folder.</param>
        /// <param name="firmware">The firmware folder, or null to skip the embedded resources.</param>
        /// <param name="hostName">The host name the device verifies.</param>
        /// <param name="at">The instant to check validity at.</param>
        public CheckOptions(PkiFiles files, FirmwareResources? firmware, string hostName, DateTimeOffset at)
        {
            CaCertificate = files.CaCertificatePem;
            CaKey = files.CaKeyPem;
            ServerCertificate = files.ServerCertificatePem;
            ServerKey = files.ServerKeyPem;
            DeviceCertificate = files.DeviceCertificatePem;
            DeviceKey = files.DeviceKeyPem;
            CaCertificateDer = files.CaCertificateDer;
            ServerCertificateDer = files.ServerCertificateDer;
            DeviceCertificateDer = files.DeviceCertificateDer;
            DeviceKeyDer = files.DeviceKeyDer;
            Firmware = firmware;
            HostName = hostName;
            At = at;
        }

        /// <summary>The CA certificate (PEM or DER).</summary>
        public string CaCertificate { get; set; }

        /// <summary>The CA key; may be absent (only issuing needs it).</summary>
        public string CaKey { get; set; }

        /// <summary>The server certificate.</summary>
        public string ServerCertificate { get; set; }

        /// <summary>The server key.</summary>
        public string ServerKey { get; set; }

        /// <summary>The device certificate; may be absent together with its key (mutual TLS is optional).</summary>
        public string DeviceCertificate { get; set; }

        /// <summary>The device key.</summary>
        public string DeviceKey { get; set; }

        /// <summary>DER copy of the CA certificate to compare with it; null to skip.</summary>
        public string? CaCertificateDer { get; set; }

        /// <summary>DER copy of the server certificate; null to skip.</summary>
        public string? ServerCertificateDer { get; set; }

        /// <summary>DER copy of the device certificate; null to skip.</summary>
        public string? DeviceCertificateDer { get; set; }

        /// <summary>DER form of the device key; null to skip.</summary>
        public string? DeviceKeyDer { get; set; }

        /// <summary>The firmware whose embedded resources are checked; null to skip.</summary>
        public FirmwareResources? Firmware { get; set; }

        /// <summary>
        /// The CA file a board stores in its certificate store (what <c>nf-build/configure --ca</c> writes), PEM bundle
        /// or DER; null to skip. The board trusts it as well as the embedded CA.
        /// </summary>
        public string? BoardCa { get; set; }

        /// <summary>The host name the device verifies (the firmware's EffectiveTlsHostName by default).</summary>
        public string HostName { get; set; }

        /// <summary>Where the host name came from, for the messages.</summary>
        public string HostNameSource { get; set; } = "the host the firmware verifies";

        /// <summary>The instant validity is checked at.</summary>
        public DateTimeOffset At { get; set; }

        /// <summary>True when <see cref="At"/> was given explicitly (a device's clock, say) rather than now.</summary>
        public bool AtIsExplicit { get; set; }

        /// <summary>Warn when a certificate expires within this many days.</summary>
        public int WarnDays { get; set; } = 30;
    }
}
