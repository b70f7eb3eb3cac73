using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WwepServer.Tests
{
    /// <summary>
    /// Runs an outside program to its end, bounded in time, with its output: the Debian tools some tests drive
    /// (sntp, apt-get), the simulator. Shared by the server and browser tests.
    /// </summary>
    public static class ToolRun
    {
        /// <summary>Runs the program and collects stdout and stderr; kills it when it overruns.</summary>
        /// <param name="limit">How long it may take.</param>
        /// <param name="program">The program.</param>
        /// <param name="args">Its arguments.</param>
        /// <returns>The exit code (-1 when it was killed) and all it printed.</returns>
        public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan limit, string program, params string[] args)
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var bound = new CancellationTokenSource(limit);
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, program + " did not finish within " + limit.TotalSeconds + " s");
            }

            return (process.ExitCode, (await stdout + await stderr).Trim());
        }

        /// <summary>
        /// Makes a Debian package's program available: there already, or installed with apt-get (after an update when
        /// the first try fails), which needs root.
        /// </summary>
        /// <param name="program">The program's path, for example /usr/bin/sntp.</param>
        /// <param name="package">The package that has it.</param>
        /// <returns>Null when the program is there; else why it is not (for a SKIPPED line or a failure).</returns>
        public static async Task<string?> EnsureDebianProgramAsync(string program, string package)
        {
            if (File.Exists(program))
            {
                return null;
            }

            if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
            {
                return program + " is missing and this is not root on a Debian machine: install it with sudo apt-get install -y " + package;
            }

            TimeSpan limit = TimeSpan.FromMinutes(10);
            var (exit, output) = await RunAsync(limit, "/usr/bin/apt-get", "install", "-y", "-qq", package);
            if (exit != 0)
            {
                await RunAsync(limit, "/usr/bin/apt-get", "update", "-qq");
                (exit, output) = await RunAsync(limit, "/usr/bin/apt-get", "install", "-y", "-qq", package);
            }

            return File.Exists(program) ? null : "apt-get install -y " + package + " failed (exit " + exit + "): " + output;
        }
    }
}
