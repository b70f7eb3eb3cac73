using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;

namespace WwepCerts.Tests
{
    /// <summary>
    /// A complete test PKI and firmware folder made by the tool itself in a fresh temporary folder (deleted on
    /// dispose): the starting point that every check test breaks in exactly one way.
    /// </summary>
    internal sealed class TempPki : IDisposable
    {
        /// <summary>Makes the CA, a server and a device certificate, and embeds the CA.</summary>
        /// <param name="algorithm">Key type for all three.</param>
        public TempPki(string algorithm = "ecdsa-p256")
        {
            Root = Directory.CreateTempSubdirectory("wwep-certs-test-").FullName;
            Directory.CreateDirectory(CertsDir);
            Directory.CreateDirectory(FirmwareDir);
            Directory.CreateDirectory(CraftDir);
            Require(Run("init", "--algorithm", algorithm));
            Require(Run("server", "--algorithm", algorithm));
            Require(Run("device", "--mac", "C4:7F:51:01:6A:E9", "--algorithm", algorithm));
            Require(Run("embed"));
        }

        /// <summary>The temporary folder.</summary>
        public string Root { get; }

        /// <summary>The certs folder inside it.</summary>
        public string CertsDir => Path.Combine(Root, "certs");

        /// <summary>The firmware folder inside it.</summary>
        public string FirmwareDir => Path.Combine(Root, "WwepDevice");

        /// <summary>A folder for crafted bad inputs.</summary>
        public string CraftDir => Path.Combine(Root, "crafted");

        /// <summary>The file set of <see cref="CertsDir"/>.</summary>
        public PkiFiles Files => new(CertsDir);

        /// <summary>The firmware layout of <see cref="FirmwareDir"/>.</summary>
        public FirmwareResources Firmware => new(FirmwareDir);

        /// <summary>Runs the tool on this PKI with the real clock.</summary>
        public ToolRun Run(params string[] args)
        {
            return RunAt(null, args);
        }

        /// <summary>Runs the tool on this PKI with its clock set to <paramref name="now"/>.</summary>
        public ToolRun RunAt(DateTimeOffset? now, params string[] args)
        {
            string[] all = new string[args.Length + 4];
            args.CopyTo(all, 0);
            all[args.Length] = "--certs-dir";
            all[args.Length + 1] = CertsDir;
            all[args.Length + 2] = "--firmware-dir";
            all[args.Length + 3] = FirmwareDir;
            StringWriter output = new();
            StringWriter error = new();
            int exit = now == null
                ? CertsCommandLine.Run(all, output, error)
                : CertsCommandLine.Run(all, output, error, () => now.Value);
            return new ToolRun(exit, output.ToString(), error.ToString());
        }

        /// <summary>The CA certificate.</summary>
        public X509Certificate2 LoadCa()
        {
            return PemFiles.ReadCertificate(Files.CaCertificatePem);
        }

        /// <summary>The CA key.</summary>
        public SigningKey LoadCaKey()
        {
            return PemFiles.ReadKey(Files.CaKeyPem);
        }

        /// <summary>A path for a crafted file.</summary>
        public string Crafted(string name)
        {
            return Path.Combine(CraftDir, name);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; never fail a test over cleanup.
            }
        }

        private static void Require(ToolRun run)
        {
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException("setting up the test PKI failed: " + run);
            }
        }
    }
}
