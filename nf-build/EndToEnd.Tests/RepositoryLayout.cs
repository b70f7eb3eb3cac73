using System;
using System.Diagnostics;
using System.IO;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// Where the repository and the two tools these tests run as processes (WwepServer, the certificate tool) are,
    /// building a tool once when its DLL is missing.
    /// </summary>
    internal static class RepositoryLayout
    {
        private static readonly object BuildGate = new object();

        /// <summary>The repository root: the first parent folder holding WwepServer/WwepServer.csproj.</summary>
        public static string Root
        {
            get
            {
                for (DirectoryInfo? folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
                {
                    if (File.Exists(Path.Combine(folder.FullName, "WwepServer", "WwepServer.csproj")))
                    {
                        return folder.FullName;
                    }
                }

                throw new InvalidOperationException("cannot find the repository root (a folder with WwepServer/WwepServer.csproj) above " + AppContext.BaseDirectory + ": run the tests from the repository's build output");
            }
        }

        /// <summary>A file of the project's TEST ONLY PKI in certs/.</summary>
        /// <param name="name">For example ca.crt.pem.</param>
        /// <returns>The full path.</returns>
        public static string CertsFile(string name)
        {
            return Path.Combine(Root, "certs", name);
        }

        /// <summary>WwepServer.dll, built (Release) first when no build exists.</summary>
        public static string ServerDll
        {
            get { return BuiltDll("WwepServer", "WwepServer.csproj", "WwepServer.dll"); }
        }

        /// <summary>The certificate tool's WwepCerts.dll, built (Release) first when no build exists.</summary>
        public static string CertToolDll
        {
            get { return BuiltDll(Path.Combine("certs", "tool"), "WwepCerts.csproj", "WwepCerts.dll"); }
        }

        private static string BuiltDll(string projectFolder, string projectFile, string dllName)
        {
            lock (BuildGate)
            {
                string folder = Path.Combine(Root, projectFolder);
                foreach (string configuration in new[] { "Release", "Debug" })
                {
                    string dll = Path.Combine(folder, "bin", configuration, "net10.0", dllName);
                    if (File.Exists(dll))
                    {
                        return dll;
                    }
                }

                ProcessStartInfo build = new ProcessStartInfo("dotnet", "build \"" + Path.Combine(folder, projectFile) + "\" -c Release --nologo -v q")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                using Process process = Process.Start(build)!;
                string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
                process.WaitForExit();
                string built = Path.Combine(folder, "bin", "Release", "net10.0", dllName);
                if (process.ExitCode != 0 || !File.Exists(built))
                {
                    throw new InvalidOperationException("dotnet build " + projectFile + " failed (exit " + process.ExitCode.ToString() + "); fix the build first:\n" + output);
                }

                return built;
            }
        }
    }
}
