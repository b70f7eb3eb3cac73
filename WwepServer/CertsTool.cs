using System;
using System.IO;

namespace WwepServer
{
    /// <summary>
    /// The project's certificate tool (certs/tool, see certs/README.md) as the server names it in its advice: every
    /// fix for a certificate problem is one of its commands, run from the repository root.
    /// </summary>
    public static class CertsTool
    {
        /// <summary>How the tool is run from the repository root.</summary>
        public const string Run = "dotnet run --project certs/tool --";

        /// <summary>The tool's file name for the CA certificate.</summary>
        public const string CaCertificateFile = "ca.crt.pem";

        /// <summary>The tool's file name for the CA key.</summary>
        public const string CaKeyFile = "ca.key.pem";

        /// <summary>The tool's file name for the server certificate.</summary>
        public const string ServerCertificateFile = "server.crt.pem";

        /// <summary>The tool's file name for the server key.</summary>
        public const string ServerKeyFile = "server.key.pem";

        /// <summary>A tool command, for example <c>dotnet run --project certs/tool -- embed</c>.</summary>
        /// <param name="arguments">The verb and its options.</param>
        /// <returns>The command line.</returns>
        public static string Command(string arguments)
        {
            return Run + " " + arguments;
        }

        /// <summary>
        /// What fixes a missing server certificate or key, judged from what the folder holds: with the CA there,
        /// <c>server</c> alone (<c>init</c> would refuse to replace an existing CA key); without one, <c>init</c> first.
        /// </summary>
        /// <param name="certificatePath">The server certificate file the server looked for.</param>
        /// <param name="keyPath">Its key file.</param>
        /// <returns>The advice, one clause.</returns>
        public static string ServerFilesAdvice(string certificatePath, string keyPath)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(certificatePath)) ?? ".";
            bool toolNames = Path.GetFileName(certificatePath) == ServerCertificateFile
                && Path.GetFileName(keyPath) == ServerKeyFile
                && string.Equals(Path.GetDirectoryName(Path.GetFullPath(keyPath)), folder, StringComparison.Ordinal);
            string folderOption = FolderOption(folder);
            if (!toolNames)
            {
                return "pass --cert and --key for files that exist, or make a pair with " + Command("server" + folderOption)
                    + " (it writes " + ServerCertificateFile + " and " + ServerKeyFile + " into " + folder + ")";
            }

            bool caCertificate = File.Exists(Path.Combine(folder, CaCertificateFile));
            bool caKey = File.Exists(Path.Combine(folder, CaKeyFile));
            string server = Command("server" + folderOption);
            if (caCertificate && caKey)
            {
                return "the CA is there (" + Path.Combine(folder, CaKeyFile) + "), so make it with: " + server
                    + " (add --name and --ip for the names and addresses the boards use), or pass --cert and --key";
            }

            if (caKey)
            {
                return "the CA's key is there but not its certificate " + Path.Combine(folder, CaCertificateFile)
                    + ": restore that file (git checkout certs/), then run " + server + "; or pass --cert and --key";
            }

            return "there is no CA in " + folder + " yet, so make one and then the certificate: " + Command("init" + folderOption)
                + ", then " + server + " (or pass --cert and --key)";
        }

        /// <summary>What fixes a missing client CA file.</summary>
        /// <param name="caPath">The file the server looked for.</param>
        /// <returns>The advice, one clause.</returns>
        public static string ClientCaAdvice(string caPath)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(caPath)) ?? ".";
            if (Path.GetFileName(caPath) == CaCertificateFile && File.Exists(Path.Combine(folder, CaKeyFile)))
            {
                return "its key " + Path.Combine(folder, CaKeyFile) + " is there, so restore the certificate (git checkout certs/) rather than run init, which refuses to replace the key; or pass --client-ca";
            }

            return "make the CA with: " + Command("init" + FolderOption(folder)) + " (or pass --client-ca)";
        }

        // The tool works on the repository's certs/ unless told otherwise.
        private static string FolderOption(string folder)
        {
            string? root = RepositoryRoot.Find();
            string repositoryCerts = root == null ? string.Empty : Path.Combine(root, "certs");
            return string.Equals(Path.GetFullPath(folder).TrimEnd('/'), repositoryCerts.TrimEnd('/'), StringComparison.Ordinal)
                ? string.Empty
                : " --certs-dir " + folder;
        }
    }
}
