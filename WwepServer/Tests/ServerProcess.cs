using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace WwepServer.Tests
{
    /// <summary>
    /// The built server run as a child process (<c>dotnet WwepServer.dll ...</c>), as a person runs it: for tests that
    /// kill it hard or check what it prints.
    /// </summary>
    public sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new StringBuilder();

        private ServerProcess(Process process)
        {
            _process = process;
        }

        /// <summary>The built server next to the tests (the project reference copies it with its runtimeconfig).</summary>
        public static string ServerDll
        {
            get { return Path.Combine(AppContext.BaseDirectory, "WwepServer.dll"); }
        }

        /// <summary>The plain endpoint it printed (address None when it serves no plain port).</summary>
        public IPEndPoint Plain { get; private set; } = new IPEndPoint(IPAddress.None, 0);

        /// <summary>The TLS endpoint it printed.</summary>
        public IPEndPoint Tls { get; private set; } = new IPEndPoint(IPAddress.None, 0);

        /// <summary>What it printed so far (stdout and stderr).</summary>
        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>Starts the server and waits until it prints where it listens.</summary>
        /// <param name="args">Command-line arguments.</param>
        /// <returns>The running process.</returns>
        public static Task<ServerProcess> StartAsync(params string[] args)
        {
            return StartInAsync(Directory.GetCurrentDirectory(), args);
        }

        /// <summary>Starts the server in a given current directory and waits until it prints where it listens.</summary>
        /// <param name="workingDirectory">Its current directory (where it looks for the repository and ./wwep-data).</param>
        /// <param name="args">Command-line arguments.</param>
        /// <returns>The running process.</returns>
        public static async Task<ServerProcess> StartInAsync(string workingDirectory, params string[] args)
        {
            var server = new ServerProcess(Launch(workingDirectory, args));
            server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
            server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();

            DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (true)
            {
                string output = server.Output;
                Match plain = Regex.Match(output, @"plain TCP listening on ([\d.]+):(\d+)");
                Match tls = Regex.Match(output, @"TLS listening on ([\d.]+):(\d+)");
                if ((plain.Success || output.Contains("plain TCP off", StringComparison.Ordinal)) && tls.Success)
                {
                    if (plain.Success)
                    {
                        server.Plain = new IPEndPoint(IPAddress.Parse(plain.Groups[1].Value), int.Parse(plain.Groups[2].Value));
                    }

                    server.Tls = new IPEndPoint(IPAddress.Parse(tls.Groups[1].Value), int.Parse(tls.Groups[2].Value));
                    return server;
                }

                if (server._process.HasExited || DateTime.UtcNow > deadline)
                {
                    server.Dispose();
                    throw new InvalidOperationException("the server did not start; it printed:\n" + output);
                }

                await Task.Delay(50);
            }
        }

        /// <summary>Runs the server to its exit (for errors and --help).</summary>
        /// <param name="workingDirectory">Its current directory.</param>
        /// <param name="args">Command-line arguments.</param>
        /// <returns>Exit code, stdout, stderr.</returns>
        public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunToExitAsync(string workingDirectory, params string[] args)
        {
            using Process process = Launch(workingDirectory, args);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            Task exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(30))) != exited)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("the server did not exit within 30 s");
            }

            return (process.ExitCode, await stdout, await stderr);
        }

        /// <summary>SIGKILL: no shutdown code runs, as with a power cut to the process (the OS keeps written data).</summary>
        public void KillHard()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (!_process.HasExited)
            {
                KillHard();
            }

            _process.Dispose();
        }

        private static Process Launch(string workingDirectory, string[] args)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(ServerDll);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            // The real defaults bind port 123 (needs root) and 8080 (may be taken): tests ask for them explicitly.
            if (Array.IndexOf(args, "--sntp-port") < 0)
            {
                start.ArgumentList.Add("--sntp-port");
                start.ArgumentList.Add("0");
            }

            if (Array.IndexOf(args, "--mdns-name") < 0)
            {
                start.ArgumentList.Add("--no-mdns");
            }

            if (Array.IndexOf(args, "--web-port") < 0)
            {
                start.ArgumentList.Add("--web-port");
                start.ArgumentList.Add("0");
            }

            return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet " + ServerDll);
        }

        private void Append(string? line)
        {
            if (line == null)
            {
                return;
            }

            lock (_output)
            {
                _output.Append(line).Append('\n');
            }
        }
    }
}
