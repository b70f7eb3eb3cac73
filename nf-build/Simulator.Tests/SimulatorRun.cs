using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace WwepSimulator.Tests
{
    /// <summary>The simulator as a user runs it: its own process (the WwepSimulator.dll built beside the tests), output captured.</summary>
    internal static class SimulatorRun
    {
        /// <summary>Runs the simulator to its end (at most a minute).</summary>
        /// <param name="arguments">Its command line.</param>
        /// <returns>The exit code and everything it printed.</returns>
        public static (int ExitCode, string Output) Run(params string[] arguments)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "WwepSimulator.dll");
            ProcessStartInfo start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            process.StandardInput.Close();
            StringBuilder output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(60000))
            {
                process.Kill(true);
                throw new TimeoutException("the simulator did not end within 60 s:\n" + output);
            }

            process.WaitForExit();
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }
    }
}
