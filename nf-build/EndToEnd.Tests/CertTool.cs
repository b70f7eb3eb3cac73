using System;
using System.Diagnostics;

namespace WwepEndToEnd.Tests
{
    /// <summary>Runs a verb of the project's certificate tool (certs/tool) against a chosen PKI folder.</summary>
    internal static class CertTool
    {
        /// <summary>Runs <c>WwepCerts &lt;arguments&gt; --certs-dir &lt;folder&gt;</c> and insists on exit code 0.</summary>
        /// <param name="certsDir">The PKI folder.</param>
        /// <param name="arguments">Verb and options, for example <c>server --days 1</c>.</param>
        public static void Run(string certsDir, string arguments)
        {
            ProcessStartInfo start = new ProcessStartInfo("dotnet", "\"" + RepositoryLayout.CertToolDll + "\" " + arguments + " --certs-dir \"" + certsDir + "\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepositoryLayout.Root,
            };
            using Process process = Process.Start(start)!;
            System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("certificate tool '" + arguments + "' failed with exit code " + process.ExitCode.ToString() + ":\n" + output + error.Result);
            }
        }
    }
}
