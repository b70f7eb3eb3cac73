using System;
using System.IO;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// The certificates under test. The project's TEST ONLY PKI in certs/ is the good one; the crafted ones are made
    /// once per run by the certificate tool in a temp folder (TEST ONLY keys, deleted afterwards): a server certificate
    /// from a foreign CA, one valid for a single day, one issued just now, one with an extra name, and a device
    /// certificate for another device ID. The issuing copies of the project CA stay inside the temp folder.
    /// </summary>
    public sealed class CraftedPki : IDisposable
    {
        /// <summary>The extra DNS name of <see cref="RenamedServer"/>; not in the project's server certificate.</summary>
        public const string RenamedHost = "wwep-e2e-renamed.test";

        /// <summary>The device ID the crafted foreign device certificate speaks for.</summary>
        public const int OtherDeviceId = 0x1234;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "wwep-e2e-pki-" + Guid.NewGuid().ToString("N"));

        /// <summary>Makes the crafted certificates (five tool runs).</summary>
        public CraftedPki()
        {
            Directory.CreateDirectory(_folder);
            string foreign = Folder("foreign-ca");
            CertTool.Run(foreign, "init");
            CertTool.Run(foreign, "server");
            ForeignCaServer = new ServerCertificate(Path.Combine(foreign, "server.crt.pem"), Path.Combine(foreign, "server.key.pem"));

            string oneDay = CopyOfProjectCa("one-day");
            CertTool.Run(oneDay, "server --days 1");
            OneDayServer = new ServerCertificate(Path.Combine(oneDay, "server.crt.pem"), Path.Combine(oneDay, "server.key.pem"));

            string issuedNow = CopyOfProjectCa("issued-now");
            CertTool.Run(issuedNow, "server");
            CertTool.Run(issuedNow, "device --id " + OtherDeviceId.ToString("X4"));
            IssuedNowServer = new ServerCertificate(Path.Combine(issuedNow, "server.crt.pem"), Path.Combine(issuedNow, "server.key.pem"));
            OtherDeviceCert = Path.Combine(issuedNow, "device.crt.pem");
            OtherDeviceKey = Path.Combine(issuedNow, "device.key.pem");

            string renamed = CopyOfProjectCa("renamed");
            CertTool.Run(renamed, "server --name " + RenamedHost);
            RenamedServer = new ServerCertificate(Path.Combine(renamed, "server.crt.pem"), Path.Combine(renamed, "server.key.pem"));
        }

        /// <summary>The CA the device trusts: certs/ca.crt.pem.</summary>
        public string ProjectCa
        {
            get { return RepositoryLayout.CertsFile("ca.crt.pem"); }
        }

        /// <summary>The project's server certificate (wwep.local, localhost, 127.0.0.1, ::1).</summary>
        public ServerCertificate ProjectServer
        {
            get { return new ServerCertificate(RepositoryLayout.CertsFile("server.crt.pem"), RepositoryLayout.CertsFile("server.key.pem")); }
        }

        /// <summary>The project's device certificate, CN=02E8.</summary>
        public string DeviceCert
        {
            get { return RepositoryLayout.CertsFile("device.crt.pem"); }
        }

        /// <summary>The key of <see cref="DeviceCert"/>.</summary>
        public string DeviceKey
        {
            get { return RepositoryLayout.CertsFile("device.key.pem"); }
        }

        /// <summary>A server certificate signed by a CA the device does not know.</summary>
        public ServerCertificate ForeignCaServer { get; }

        /// <summary>A project-CA server certificate valid from a day ago until a day from now.</summary>
        public ServerCertificate OneDayServer { get; }

        /// <summary>A project-CA server certificate issued during this run (valid from a day ago).</summary>
        public ServerCertificate IssuedNowServer { get; }

        /// <summary>A project-CA server certificate that also names <see cref="RenamedHost"/>.</summary>
        public ServerCertificate RenamedServer { get; }

        /// <summary>A project-CA device certificate with CN=1234.</summary>
        public string OtherDeviceCert { get; }

        /// <summary>The key of <see cref="OtherDeviceCert"/>.</summary>
        public string OtherDeviceKey { get; }

        /// <inheritdoc/>
        public void Dispose()
        {
            try
            {
                Directory.Delete(_folder, true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; the OS cleans it.
            }
        }

        private string Folder(string name)
        {
            string path = Path.Combine(_folder, name);
            Directory.CreateDirectory(path);
            return path;
        }

        private string CopyOfProjectCa(string name)
        {
            string path = Folder(name);
            File.Copy(RepositoryLayout.CertsFile("ca.crt.pem"), Path.Combine(path, "ca.crt.pem"));
            File.Copy(RepositoryLayout.CertsFile("ca.key.pem"), Path.Combine(path, "ca.key.pem"));
            return path;
        }
    }
}
