using System;
using System.IO;

namespace WwepSimulator
{
    /// <summary>Finds the repository's certs/ folder, whatever the working directory, so the defaults work from anywhere.</summary>
    public static class RepositoryFiles
    {
        /// <summary>A file under certs/: in the repository that holds this program or the working directory.</summary>
        /// <param name="name">For example <c>ca.crt.pem</c>.</param>
        /// <returns>The path (relative to the working directory when no repository is found).</returns>
        public static string CertsFile(string name)
        {
            string? root = FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory());
            return root != null ? Path.Combine(root, "certs", name) : Path.Combine("certs", name);
        }

        private static string? FindRoot(string start)
        {
            for (DirectoryInfo? dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                // The firmware's portable core marks the repository root.
                if (Directory.Exists(Path.Combine(dir.FullName, "WwepDevice", "Core")))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }
}
