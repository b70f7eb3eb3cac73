using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace WwepServer.Benchmark
{
    /// <summary>
    /// A server started by the benchmark, its output going straight to a file (never through this process, which
    /// would take CPU from the load generator while it measures), stopped with SIGTERM (SIGKILL as a last resort).
    /// </summary>
    public sealed class ChildProcess : IDisposable
    {
        private const int SigTerm = 15;
        private readonly Process _process;

        private ChildProcess(Process process, string logPath)
        {
            _process = process;
            LogPath = logPath;
        }

        /// <summary>Where its output goes.</summary>
        public string LogPath { get; }

        /// <summary>Its output so far.</summary>
        public string Output
        {
            get
            {
                using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                return reader.ReadToEnd();
            }
        }

        /// <summary>Whether it has exited.</summary>
        public bool HasExited
        {
            get { return _process.HasExited; }
        }

        /// <summary>Starts a program with its output redirected to a file by the shell.</summary>
        /// <param name="fileName">The program.</param>
        /// <param name="logPath">File for its output.</param>
        /// <param name="args">Its arguments.</param>
        /// <returns>The running child.</returns>
        public static ChildProcess Start(string fileName, string logPath, params string[] args)
        {
            // exec: the shell becomes the program, so the process id is the program's (for SIGTERM).
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("log=\"$1\"; shift; exec \"$@\" > \"$log\" 2>&1");
            start.ArgumentList.Add("sh");
            start.ArgumentList.Add(logPath);
            start.ArgumentList.Add(fileName);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            File.WriteAllText(logPath, string.Empty);
            return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException("cannot start " + fileName), logPath);
        }

        /// <summary>Waits until its output contains a text.</summary>
        /// <param name="text">What to wait for.</param>
        /// <param name="within">How long.</param>
        /// <returns>Completes when seen.</returns>
        public async Task WaitForOutputAsync(string text, TimeSpan within)
        {
            DateTime deadline = DateTime.UtcNow + within;
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (_process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException("'" + text + "' did not appear; output (also in " + LogPath + "):\n" + Output);
                }

                await Task.Delay(50);
            }
        }

        /// <summary>Stops it: SIGTERM, then SIGKILL after 10 s.</summary>
        public void Dispose()
        {
            if (!_process.HasExited)
            {
                kill(_process.Id, SigTerm);
                if (!_process.WaitForExit(10_000))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }

            _process.WaitForExit();
            _process.Dispose();
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
