using System;
using System.Diagnostics;
using System.IO;

namespace WwepSimulator.Tests
{
    /// <summary>One run of the built simulator (the WwepSimulator.dll beside these tests) as a process of its own, stdin closed.</summary>
    public sealed class SimulatorProcess
    {
        private SimulatorProcess(bool exited, int exitCode, string output)
        {
            Exited = exited;
            ExitCode = exitCode;
            Output = output;
        }

        /// <summary>Whether it exited within the bound (else it was killed).</summary>
        public bool Exited { get; }

        /// <summary>Its exit code; -1 when it was killed.</summary>
        public int ExitCode { get; }

        /// <summary>Its stdout, then its stderr.</summary>
        public string Output { get; }

        /// <summary>Runs the simulator and waits for it, at most <paramref name="bound"/>.</summary>
        /// <param name="arguments">The simulator's options.</param>
        /// <param name="bound">How long it may take before it is killed.</param>
        /// <returns>What it did.</returns>
        public static SimulatorProcess Run(string[] arguments, TimeSpan bound)
        {
            ProcessStartInfo start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WwepSimulator.dll"));
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            bool exited = process.WaitForExit((int)bound.TotalMilliseconds);
            if (!exited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
            return new SimulatorProcess(exited, exited ? process.ExitCode : -1, output.Result + error.Result);
        }
    }
}
