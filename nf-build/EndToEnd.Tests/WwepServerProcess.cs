using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// The real WWEP server (WwepServer.dll) as a child process on 127.0.0.1, its own ports and a temp data folder.
    /// It can be killed and started again on the same ports and data, with another certificate or policy. Its
    /// console lines are kept: the transaction lines (<c>#n TLS peer request -&gt; reply</c>) show what it served.
    /// </summary>
    public sealed class WwepServerProcess : IDisposable
    {
        private const string ReadyLine = "Press Ctrl+C to stop.";
        private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(20);

        private readonly object _gate = new object();
        private readonly List<string> _lines = new List<string>();
        private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "wwep-e2e-data-" + Guid.NewGuid().ToString("N"));
        private Process? _process;

        /// <summary>Chooses free ports; nothing runs until <see cref="Start"/>.</summary>
        public WwepServerProcess()
        {
            PlainPort = FreePort.Next();
            TlsPort = FreePort.Next();
        }

        /// <summary>The plain TCP port.</summary>
        public int PlainPort { get; }

        /// <summary>The TLS port.</summary>
        public int TlsPort { get; }

        /// <summary>
        /// The UDP port for the server's SNTP responder (<c>--sntp-port</c>); 0, the default here, turns it off, so that
        /// nothing tries port 123. Set it (for example to <see cref="FreePort.Next"/>) before <see cref="Start"/>.
        /// </summary>
        public int SntpPort { get; set; }

        /// <summary>
        /// The TCP port of the server's classroom view (<c>--web-port</c>); 0, the default here, turns it off. Set it (for
        /// example to <see cref="FreePort.Next"/>) before <see cref="Start"/> to read <see cref="BoardsJson"/>.
        /// </summary>
        public int WebPort { get; set; }

        /// <summary>True while the process runs.</summary>
        public bool IsRunning
        {
            get { return _process != null && !_process.HasExited; }
        }

        /// <summary>Every console line so far, over all starts.</summary>
        public string[] Lines
        {
            get
            {
                lock (_gate)
                {
                    return _lines.ToArray();
                }
            }
        }

        /// <summary>The served transactions, for example <c>#1 TLS 127.0.0.1:50000 W02E8050001 -&gt; A02E8050001</c>.</summary>
        public string[] Transactions
        {
            get { return Lines.Where(line => line.StartsWith("#", StringComparison.Ordinal)).ToArray(); }
        }

        /// <summary>
        /// The transactions whose line contains <paramref name="fragment"/>, waiting (up to 3 s) until there are at
        /// least <paramref name="atLeast"/>: the server writes its transaction lines in batches.
        /// </summary>
        /// <param name="fragment">For example <c> W02E805</c>.</param>
        /// <param name="atLeast">How many to wait for.</param>
        /// <returns>The matching lines (fewer when the time ran out).</returns>
        public string[] TransactionsContaining(string fragment, int atLeast)
        {
            return WaitForLines(() => Transactions, fragment, atLeast);
        }

        /// <summary>
        /// The console lines that contain <paramref name="fragment"/>, waiting (up to 3 s) until there are at least
        /// <paramref name="atLeast"/>: log lines are written by the logger's own thread, after the event.
        /// </summary>
        /// <param name="fragment">For example a failure cause's code.</param>
        /// <param name="atLeast">How many to wait for.</param>
        /// <returns>The matching lines (fewer when the time ran out).</returns>
        public string[] LinesContaining(string fragment, int atLeast)
        {
            return WaitForLines(() => Lines, fragment, atLeast);
        }

        /// <summary>
        /// The classroom view's boards (<c>GET /api/devices</c>), once one contains <paramref name="fragment"/>, waiting (up
        /// to 5 s): the view applies what happened on its own task.
        /// </summary>
        /// <param name="fragment">Text to wait for in the JSON, for example a cause's code.</param>
        /// <param name="path">Another list of the view, for example <c>/api/unidentified</c>.</param>
        /// <returns>The JSON (without the fragment when the time ran out).</returns>
        public string BoardsJson(string fragment, string path = "/api/devices")
        {
            using HttpClient http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + WebPort.ToString()) };
            Stopwatch waited = Stopwatch.StartNew();
            while (true)
            {
                string json = http.GetStringAsync(path).GetAwaiter().GetResult();
                if (json.Contains(fragment, StringComparison.Ordinal) || waited.ElapsedMilliseconds > 5000)
                {
                    return json;
                }

                Thread.Sleep(50);
            }
        }

        private static string[] WaitForLines(Func<string[]> lines, string fragment, int atLeast)
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (true)
            {
                string[] found = lines().Where(line => line.Contains(fragment, StringComparison.Ordinal)).ToArray();
                if (found.Length >= atLeast || waited.ElapsedMilliseconds > 3000)
                {
                    return found;
                }

                Thread.Sleep(50);
            }
        }

        /// <summary>Starts the server and waits until it listens.</summary>
        /// <param name="certificate">Its TLS certificate.</param>
        /// <param name="requireClientCertFromCa">For mutual TLS: the CA client certificates must chain to; null for none.</param>
        public void Start(ServerCertificate certificate, string? requireClientCertFromCa = null)
        {
            if (IsRunning)
            {
                throw new InvalidOperationException("the server is already running; Kill it first");
            }

            string arguments = "\"" + RepositoryLayout.ServerDll + "\" --bind 127.0.0.1"
                + " --plain-port " + PlainPort.ToString() + " --tls-port " + TlsPort.ToString()
                + " --data \"" + _dataFolder + "\" --cert \"" + certificate.Cert + "\" --key \"" + certificate.Key + "\""
                + " --sntp-port " + SntpPort.ToString() + " --web-port " + WebPort.ToString() + " --no-mdns"

                // --allow-plain: the tests read the register back over plain TCP to check what the device stored.
                + (requireClientCertFromCa != null ? " --require-client-cert --allow-plain --client-ca \"" + requireClientCertFromCa + "\"" : string.Empty);
            ProcessStartInfo start = new ProcessStartInfo("dotnet", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetTempPath(),
            };
            using ManualResetEventSlim ready = new ManualResetEventSlim(false);
            Process process = new Process { StartInfo = start };
            DataReceivedEventHandler keep = (sender, e) =>
            {
                if (e.Data == null)
                {
                    return;
                }

                lock (_gate)
                {
                    _lines.Add(e.Data);
                }

                if (e.Data == ReadyLine)
                {
                    try
                    {
                        ready.Set();
                    }
                    catch (ObjectDisposedException)
                    {
                        // A late line after Start returned: nothing waits any more.
                    }
                }
            };
            process.OutputDataReceived += keep;
            process.ErrorDataReceived += keep;
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
            Stopwatch waited = Stopwatch.StartNew();
            while (!ready.Wait(100))
            {
                if (process.HasExited || waited.Elapsed > StartLimit)
                {
                    Kill();
                    throw new InvalidOperationException("WwepServer did not start (" + (process.HasExited ? "exit code " + process.ExitCode.ToString() : "no '" + ReadyLine + "' within " + StartLimit.TotalSeconds.ToString() + " s") + "):\n" + string.Join("\n", Lines));
                }
            }
        }

        /// <summary>Kills the process at once (no clean shutdown), as a crash or a pulled plug would.</summary>
        public void Kill()
        {
            Process? process = _process;
            if (process == null)
            {
                return;
            }

            try
            {
                if (!process.HasExited)
                {
                    process.Kill(true);
                }

                process.WaitForExit(10000);
            }
            catch (InvalidOperationException)
            {
                // It had already gone.
            }

            process.Dispose();
            _process = null;
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Kill();
            try
            {
                Directory.Delete(_dataFolder, true);
            }
            catch (IOException)
            {
                // Harmless in a temp folder.
            }
            catch (UnauthorizedAccessException)
            {
                // Harmless in a temp folder.
            }
        }
    }
}
