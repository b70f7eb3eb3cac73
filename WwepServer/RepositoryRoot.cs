using System;
using System.IO;

namespace WwepServer
{
    /// <summary>
    /// Finds the repository's root folder, where the default certificates live (certs/), however the server was
    /// started: <c>dotnet run --project WwepServer</c> from the root, or the built dll from anywhere inside the tree.
    /// </summary>
    public static class RepositoryRoot
    {
        /// <summary>The file that marks the root.</summary>
        public const string MarkerFile = "WwepDevice.sln";

        /// <summary>
        /// The first folder, walking up from the current directory and then from the program's own folder, that holds
        /// <see cref="MarkerFile"/>; failing that, one that holds both certs/ and WwepServer/ (the layout before the
        /// solution file existed).
        /// </summary>
        /// <returns>The root, or null when neither start lies inside the repository.</returns>
        public static string? Find()
        {
            return Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory);
        }

        /// <summary>The root above <paramref name="start"/> (see <see cref="Find()"/>).</summary>
        /// <param name="start">A folder inside the repository.</param>
        /// <returns>The root, or null.</returns>
        public static string? Find(string start)
        {
            string? layoutMatch = null;
            for (DirectoryInfo? folder = new DirectoryInfo(start); folder != null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, MarkerFile)))
                {
                    return folder.FullName;
                }

                if (layoutMatch == null
                    && Directory.Exists(Path.Combine(folder.FullName, "certs"))
                    && Directory.Exists(Path.Combine(folder.FullName, "WwepServer")))
                {
                    layoutMatch = folder.FullName;
                }
            }

            return layoutMatch;
        }
    }
}
