using System;
using System.IO;

namespace WwepCerts
{
    /// <summary>Paths as messages show them: relative to the current folder when inside it, full otherwise.</summary>
    public static class PathDisplay
    {
        /// <summary>The path to print.</summary>
        /// <param name="path">A full path.</param>
        /// <returns>For example <c>certs/ca.crt.pem</c>.</returns>
        public static string Show(string path)
        {
            string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
        }
    }
}
