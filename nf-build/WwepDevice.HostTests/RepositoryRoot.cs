using System.IO;

namespace WwepDevice.Tests
{
    /// <summary>The checkout the host tests run in (nf-build/test runs them from its root).</summary>
    public static class RepositoryRoot
    {
        /// <summary>The folder that holds WwepDevice.sln, from the current folder upwards.</summary>
        /// <returns>Its full path.</returns>
        public static string Find()
        {
            string dir = Directory.GetCurrentDirectory();
            while (dir != null && !File.Exists(Path.Combine(dir, "WwepDevice.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new DirectoryNotFoundException("run from inside the repository (WwepDevice.sln not found)");
        }
    }
}
