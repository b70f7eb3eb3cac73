using System;
using System.IO;

namespace WwepCerts
{
    /// <summary>
    /// Finds the repository's certs and WwepDevice folders when no option names them: from the current folder
    /// upwards, then from the tool's own build output upwards (so it works from any folder of the checkout).
    /// </summary>
    public static class RepositoryLocator
    {
        /// <summary>The repository root, recognised by certs/ next to WwepDevice/Core/Settings/WwepSettings.cs.</summary>
        /// <returns>The root folder.</returns>
        public static string FindRoot()
        {
            string? root = SearchUp(Environment.CurrentDirectory) ?? SearchUp(AppContext.BaseDirectory);
            if (root == null)
            {
                throw new CertToolException("cannot find the repository (a folder with certs/ and WwepDevice/Core/Settings/WwepSettings.cs) above " + Environment.CurrentDirectory + ": run the tool inside the checkout, or pass --certs-dir and --firmware-dir");
            }

            return root;
        }

        private static string? SearchUp(string start)
        {
            for (DirectoryInfo? folder = new DirectoryInfo(start); folder != null; folder = folder.Parent)
            {
                if (Directory.Exists(Path.Combine(folder.FullName, "certs"))
                    && File.Exists(Path.Combine(folder.FullName, "WwepDevice", "Core", "Settings", "WwepSettings.cs")))
                {
                    return folder.FullName;
                }
            }

            return null;
        }
    }
}
