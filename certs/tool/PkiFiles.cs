using System.IO;

namespace WwepCerts
{
    /// <summary>
    /// The file names of the test PKI in the certs folder. The server, the simulator and the firmware's embed step
    /// depend on these names: change them only together with those.
    /// </summary>
    public sealed class PkiFiles
    {
        /// <summary>The CA certificate (PEM).</summary>
        public const string CaCertificatePemName = "ca.crt.pem";

        /// <summary>The CA certificate (DER).</summary>
        public const string CaCertificateDerName = "ca.crt.der";

        /// <summary>The CA private key (PKCS#8 PEM).</summary>
        public const string CaKeyPemName = "ca.key.pem";

        /// <summary>The server certificate (PEM).</summary>
        public const string ServerCertificatePemName = "server.crt.pem";

        /// <summary>The server certificate (DER).</summary>
        public const string ServerCertificateDerName = "server.crt.der";

        /// <summary>The server private key (PKCS#8 PEM).</summary>
        public const string ServerKeyPemName = "server.key.pem";

        /// <summary>The device certificate (PEM).</summary>
        public const string DeviceCertificatePemName = "device.crt.pem";

        /// <summary>The device certificate (DER).</summary>
        public const string DeviceCertificateDerName = "device.crt.der";

        /// <summary>The device private key (PKCS#8 PEM).</summary>
        public const string DeviceKeyPemName = "device.key.pem";

        /// <summary>The device private key (PKCS#8 DER), the form the firmware embeds.</summary>
        public const string DeviceKeyDerName = "device.key.der";

        /// <summary>Creates the file set of a certs folder.</summary>
        /// <param name="directory">The certs folder.</param>
        public PkiFiles(string directory)
        {
            Directory = Path.GetFullPath(directory);
        }

        /// <summary>The certs folder.</summary>
        public string Directory { get; }

        /// <summary>Full path of <see cref="CaCertificatePemName"/>.</summary>
        public string CaCertificatePem => Path.Combine(Directory, CaCertificatePemName);

        /// <summary>Full path of <see cref="CaCertificateDerName"/>.</summary>
        public string CaCertificateDer => Path.Combine(Directory, CaCertificateDerName);

        /// <summary>Full path of <see cref="CaKeyPemName"/>.</summary>
        public string CaKeyPem => Path.Combine(Directory, CaKeyPemName);

        /// <summary>Full path of <see cref="ServerCertificatePemName"/>.</summary>
        public string ServerCertificatePem => Path.Combine(Directory, ServerCertificatePemName);

        /// <summary>Full path of <see cref="ServerCertificateDerName"/>.</summary>
        public string ServerCertificateDer => Path.Combine(Directory, ServerCertificateDerName);

        /// <summary>Full path of <see cref="ServerKeyPemName"/>.</summary>
        public string ServerKeyPem => Path.Combine(Directory, ServerKeyPemName);

        /// <summary>Full path of <see cref="DeviceCertificatePemName"/>.</summary>
        public string DeviceCertificatePem => Path.Combine(Directory, DeviceCertificatePemName);

        /// <summary>Full path of <see cref="DeviceCertificateDerName"/>.</summary>
        public string DeviceCertificateDer => Path.Combine(Directory, DeviceCertificateDerName);

        /// <summary>Full path of <see cref="DeviceKeyPemName"/>.</summary>
        public string DeviceKeyPem => Path.Combine(Directory, DeviceKeyPemName);

        /// <summary>Full path of <see cref="DeviceKeyDerName"/>.</summary>
        public string DeviceKeyDer => Path.Combine(Directory, DeviceKeyDerName);
    }
}
