using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography.X509Certificates;

namespace WwepCerts
{
    /// <summary>
    /// The embed verb: copies the CA certificate (and with --device the device certificate and key) as DER into the
    /// firmware's Resources folder, and writes Resources.resx and Resources.Designer.cs to match. DER, because a PEM
    /// passed to mbedTLS as bytes must end with a NUL byte and a resource file does not.
    /// </summary>
    public sealed class ResourceEmbedder
    {
        private readonly PkiFiles _files;
        private readonly FirmwareResources _firmware;
        private readonly TextWriter _log;

        /// <summary>Creates the embedder.</summary>
        /// <param name="files">The certs folder to read.</param>
        /// <param name="firmware">The firmware folder to write.</param>
        /// <param name="log">Where to say what was written.</param>
        public ResourceEmbedder(PkiFiles files, FirmwareResources firmware, TextWriter log)
        {
            _files = files;
            _firmware = firmware;
            _log = log;
        }

        /// <summary>Embeds the CA, and the device certificate and key when <paramref name="includeDevice"/>.</summary>
        /// <param name="includeDevice">Also embed the device pair (mutual TLS).</param>
        public void Embed(bool includeDevice)
        {
            if (!File.Exists(_files.CaCertificatePem))
            {
                throw new CertToolException("no CA to embed: " + PathDisplay.Show(_files.CaCertificatePem) + " not found; run init first");
            }

            if (!Directory.Exists(_firmware.Directory))
            {
                throw new CertToolException("firmware folder " + PathDisplay.Show(_firmware.Directory) + " not found: pass --firmware-dir with the folder of WwepDevice.nfproj");
            }

            using X509Certificate2 ca = PemFiles.ReadCertificate(_files.CaCertificatePem);
            X509Certificate2? device = null;
            SigningKey? deviceKey = null;
            try
            {
                if (includeDevice)
                {
                    device = LoadDevice(ca, out deviceKey);
                }

                // Everything that can refuse runs before the first write, so a refusal leaves the firmware as it was.
                List<ResxEntry> others = KeptEntries();
                if (!includeDevice)
                {
                    RemoveStaleDeviceCopies();
                }

                List<ResxEntry> entries = new() { Entry(FirmwareResources.CaCertificateName, FirmwareResources.CaCertificateFileName) };
                PemFiles.WriteAtomically(_firmware.CaCertificatePath, ca.RawData);
                if (device != null && deviceKey != null)
                {
                    PemFiles.WriteAtomically(_firmware.DeviceCertificatePath, device.RawData);
                    PemFiles.WriteAtomically(_firmware.DeviceKeyPath, DeviceKeyBytes(device, deviceKey));
                    entries.Add(Entry(FirmwareResources.DeviceCertificateName, FirmwareResources.DeviceCertificateFileName));
                    entries.Add(Entry(FirmwareResources.DeviceKeyName, FirmwareResources.DeviceKeyFileName));
                }

                entries.AddRange(others);
                string designer = ResourceDesigner.Generate(FirmwareResources.FirmwareNamespace, entries);
                ResxDocument.Write(_firmware.ResxPath, entries);
                PemFiles.WriteAtomically(_firmware.DesignerPath, System.Text.Encoding.UTF8.GetBytes(designer));

                _log.WriteLine("wrote " + PathDisplay.Show(_firmware.CaCertificatePath) + " (" + ca.Subject + ")");
                if (device != null)
                {
                    _log.WriteLine("wrote " + PathDisplay.Show(_firmware.DeviceCertificatePath) + " (" + device.Subject + ") and " + FirmwareResources.DeviceKeyFileName + " (TEST ONLY device key)");
                }

                foreach (ResxEntry entry in entries)
                {
                    _log.WriteLine("  " + entry.FieldName + " = " + ResourceDesigner.IdOf(entry.Name));
                }

                _log.WriteLine("wrote " + PathDisplay.Show(_firmware.ResxPath) + " and " + Path.GetFileName(_firmware.DesignerPath) + "; rebuild and deploy the firmware to use them");
            }
            finally
            {
                device?.Dispose();
                deviceKey?.Dispose();
            }
        }

        private X509Certificate2 LoadDevice(X509Certificate2 ca, out SigningKey key)
        {
            if (!File.Exists(_files.DeviceCertificatePem) || !File.Exists(_files.DeviceKeyPem))
            {
                throw new CertToolException("--device needs " + PkiFiles.DeviceCertificatePemName + " and " + PkiFiles.DeviceKeyPemName + " in " + PathDisplay.Show(_files.Directory) + ": run `device --mac <Wi-Fi MAC>` first");
            }

            X509Certificate2 device = PemFiles.ReadCertificate(_files.DeviceCertificatePem);
            key = PemFiles.ReadKey(_files.DeviceKeyPem);
            if (!key.Matches(device))
            {
                key.Dispose();
                device.Dispose();
                throw new CertToolException(PkiFiles.DeviceKeyPemName + " does not belong to " + PkiFiles.DeviceCertificatePemName + ": issue the pair again with `device`, then embed --device");
            }

            if (!device.IssuerName.RawData.AsSpan().SequenceEqual(ca.SubjectName.RawData) || !CertificateFacts.IsSignedBy(device, ca, out _))
            {
                key.Dispose();
                device.Dispose();
                throw new CertToolException(PkiFiles.DeviceCertificatePemName + " was not issued by " + PkiFiles.CaCertificatePemName + ", so the server would refuse it: issue it again with `device`, then embed --device");
            }

            return device;
        }

        private byte[] DeviceKeyBytes(X509Certificate2 device, SigningKey pemKey)
        {
            // Embed certs/device.key.der itself when it is the same key, so the embedded file is a byte copy of it.
            if (File.Exists(_files.DeviceKeyDer))
            {
                using SigningKey derKey = PemFiles.ReadKey(_files.DeviceKeyDer);
                if (derKey.Matches(device))
                {
                    return File.ReadAllBytes(_files.DeviceKeyDer);
                }
            }

            return pemKey.ExportPkcs8();
        }

        private List<ResxEntry> KeptEntries()
        {
            List<ResxEntry> kept = new();
            if (!File.Exists(_firmware.ResxPath))
            {
                return kept;
            }

            foreach (ResxEntry entry in ResxDocument.Read(_firmware.ResxPath))
            {
                string field = entry.FieldName;
                if (field == FirmwareResources.CaCertificateName || field == FirmwareResources.DeviceCertificateName || field == FirmwareResources.DeviceKeyName)
                {
                    continue;
                }

                // Other resources someone added stay, as long as the designer this tool writes can describe them.
                if (!entry.IsBinaryFile)
                {
                    throw new CertToolException("Resources.resx has '" + entry.Name + "' (" + entry.TypeName + "), which this tool cannot write designer code for (binary files only): nothing was changed; embed the certificates from Visual Studio, or make that entry a binary file");
                }

                kept.Add(entry);
            }

            return kept;
        }

        private void RemoveStaleDeviceCopies()
        {
            // Copies of certs/ files made by an earlier embed --device are deleted; anything else is not ours to delete,
            // so both are checked before either goes.
            string[] embedded = { _firmware.DeviceCertificatePath, _firmware.DeviceKeyPath };
            string[] originals = { _files.DeviceCertificateDer, _files.DeviceKeyDer };
            for (int i = 0; i < embedded.Length; i++)
            {
                if (File.Exists(embedded[i]) && (!File.Exists(originals[i]) || !File.ReadAllBytes(embedded[i]).AsSpan().SequenceEqual(File.ReadAllBytes(originals[i]))))
                {
                    throw new CertToolException(PathDisplay.Show(embedded[i]) + " is not a copy of " + PathDisplay.Show(originals[i]) + " and embedding without --device would orphan it: nothing was changed; move it away, or embed with --device");
                }
            }

            for (int i = 0; i < embedded.Length; i++)
            {
                if (File.Exists(embedded[i]))
                {
                    File.Delete(embedded[i]);
                    _log.WriteLine("removed " + PathDisplay.Show(embedded[i]) + " (a copy of " + Path.GetFileName(originals[i]) + "; embedding without --device)");
                }
            }
        }

        private static ResxEntry Entry(string name, string fileName)
        {
            // Visual Studio writes '\' in file references; Mono's resx reader on Linux accepts it too.
            return new ResxEntry(name, FirmwareResources.ResourceFolderName + "\\" + fileName, ResxEntry.ByteArrayType);
        }
    }
}
