using System.IO;

namespace WwepCerts
{
    /// <summary>
    /// Where the firmware project keeps its embedded certificates: <c>Resources.resx</c>, the designer class the
    /// nanoFramework tooling would generate from it, and the DER files it references.
    /// </summary>
    public sealed class FirmwareResources
    {
        /// <summary>Resource name of the CA certificate the device trusts.</summary>
        public const string CaCertificateName = "CaCertificate";

        /// <summary>Resource name of the device's own certificate (mutual TLS, optional).</summary>
        public const string DeviceCertificateName = "DeviceCertificate";

        /// <summary>Resource name of the device's private key (mutual TLS, optional).</summary>
        public const string DeviceKeyName = "DeviceKey";

        /// <summary>The firmware's root namespace; the designer class and its resource manager live there.</summary>
        public const string FirmwareNamespace = "WwepDevice";

        /// <summary>Folder of the embedded files, relative to the firmware project.</summary>
        public const string ResourceFolderName = "Resources";

        /// <summary>File of the embedded CA certificate, in <see cref="ResourceFolderName"/>.</summary>
        public const string CaCertificateFileName = "ca.crt.der";

        /// <summary>File of the embedded device certificate, in <see cref="ResourceFolderName"/>.</summary>
        public const string DeviceCertificateFileName = "device.crt.der";

        /// <summary>File of the embedded device key, in <see cref="ResourceFolderName"/>.</summary>
        public const string DeviceKeyFileName = "device.key.der";

        /// <summary>Creates the layout of a firmware project folder.</summary>
        /// <param name="firmwareDirectory">The folder of WwepDevice.nfproj (the repository's WwepDevice folder).</param>
        public FirmwareResources(string firmwareDirectory)
        {
            Directory = Path.GetFullPath(firmwareDirectory);
        }

        /// <summary>The firmware project folder.</summary>
        public string Directory { get; }

        /// <summary>Full path of Resources.resx.</summary>
        public string ResxPath => Path.Combine(Directory, "Resources.resx");

        /// <summary>Full path of Resources.Designer.cs.</summary>
        public string DesignerPath => Path.Combine(Directory, "Resources.Designer.cs");

        /// <summary>Full path of the folder of embedded files.</summary>
        public string ResourceFolder => Path.Combine(Directory, ResourceFolderName);

        /// <summary>Full path of the embedded CA certificate.</summary>
        public string CaCertificatePath => Path.Combine(ResourceFolder, CaCertificateFileName);

        /// <summary>Full path of the embedded device certificate.</summary>
        public string DeviceCertificatePath => Path.Combine(ResourceFolder, DeviceCertificateFileName);

        /// <summary>Full path of the embedded device key.</summary>
        public string DeviceKeyPath => Path.Combine(ResourceFolder, DeviceKeyFileName);

        /// <summary>The path a resx file reference names, as a full path.</summary>
        /// <param name="reference">As written in Resources.resx, for example <c>Resources\ca.crt.der</c>.</param>
        /// <returns>The full path.</returns>
        public string ResolveReference(string reference)
        {
            // Visual Studio writes '\'; Linux builds (Mono's resx reader) accept both.
            string relative = reference.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);
            return Path.GetFullPath(Path.Combine(Directory, relative));
        }
    }
}
