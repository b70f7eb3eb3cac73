using System;
using System.Diagnostics;

namespace WwepCerts.Tests
{
    /// <summary>Runs the system's openssl as an independent second opinion on what the tool made.</summary>
    internal static class OpenSsl
    {
        public const string Path = "/usr/bin/openssl";

        /// <summary>Runs openssl; returns its exit code and combined output.</summary>
        public static (int ExitCode, string Output) Run(params string[] args)
        {
            ProcessStartInfo start = new(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Path);
            System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(30000))
            {
                process.Kill();
                throw new TimeoutException("openssl " + string.Join(' ', args) + " did not finish in 30 s");
            }

            return (process.ExitCode, output + error.Result);
        }
    }
}
