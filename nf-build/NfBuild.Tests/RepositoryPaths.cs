using System;
using System.IO;

namespace NfBuild.Tests
{
    /// <summary>Finds the repository this test assembly was built from.</summary>
    public static class RepositoryPaths
    {
        private static readonly Lazy<string> s_root = new Lazy<string>(FindRoot);

        /// <summary>The repository root: the folder that holds WwepDevice.sln and nf-build/.</summary>
        public static string Root => s_root.Value;

        /// <summary>A path under the repository root, written with '/'.</summary>
        /// <param name="relative">For example <c>nf-build/build</c>.</param>
        /// <returns>The full path.</returns>
        public static string Combine(string relative)
        {
            return Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
        }

        private static string FindRoot()
        {
            string? directory = AppContext.BaseDirectory;
            while (directory != null)
            {
                if (File.Exists(Path.Combine(directory, "WwepDevice.sln")) && Directory.Exists(Path.Combine(directory, "nf-build")))
                {
                    return directory;
                }

                directory = Path.GetDirectoryName(directory);
            }

            throw new InvalidOperationException("no WwepDevice.sln above " + AppContext.BaseDirectory + ": run the tests from the repository's build output");
        }
    }
}
