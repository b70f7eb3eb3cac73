using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using WwepServer.Tests;

namespace WwepServer.Benchmark
{
    /// <summary>
    /// Runs the same load against nginx (fixed reply) and the WWEP server (durable writes), plain and TLS, in one run,
    /// and prints requests/s, p50/p99 latency and the WWEP/nginx ratio. Not a test: it asserts nothing.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        /// <param name="args">See --help.</param>
        /// <returns>0 when it ran, 2 when nginx or the server could not be started.</returns>
        public static int Main(string[] args)
        {
            var clients = new Option<int>("--clients") { Description = "Concurrent clients (each: one request per connection, like a board).", DefaultValueFactory = _ => 64 };
            var seconds = new Option<double>("--seconds") { Description = "Measured seconds per row (server and transport).", DefaultValueFactory = _ => 10 };
            var warmup = new Option<double>("--warmup") { Description = "Unmeasured seconds per row before measuring.", DefaultValueFactory = _ => 2 };
            var rounds = new Option<int>("--rounds") { Description = "Slices each row's measured time is cut into, alternating between the rows.", DefaultValueFactory = _ => 5 };
            var liveView = new Option<bool>("--live-view") { Description = "Serve the classroom view (--web-port) and keep a page subscribed to its event stream for the whole run." };
            var command = new RootCommand("Load generator: the WWEP server against nginx's stream `return` baseline, plain and TLS, same certificate and load.")
            {
                clients, seconds, warmup, rounds, liveView,
            };
            command.SetAction(result => RunAsync(result.GetValue(clients), TimeSpan.FromSeconds(result.GetValue(seconds)), TimeSpan.FromSeconds(result.GetValue(warmup)), Math.Max(1, result.GetValue(rounds)), result.GetValue(liveView)));
            return command.Parse(args).Invoke();
        }

        private static async Task<int> RunAsync(int clients, TimeSpan duration, TimeSpan warmup, int rounds, bool liveView)
        {
            string? missing = NginxBaseline.Missing();
            if (missing != null)
            {
                Console.Error.WriteLine("error: " + missing);
                return 2;
            }

            string folder = Path.Combine(Path.GetTempPath(), "wwep-benchmark-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            using var pki = new TestPki("WWEP TEST ONLY benchmark CA");
            string serverDll = Path.Combine(AppContext.BaseDirectory, "WwepServer.dll");
            try
            {
                var (nginx, nginxPlain, nginxTls) = await NginxBaseline.StartAsync(folder, pki.ServerCertificatePath, pki.ServerKeyPath);
                using (nginx)
                using (ChildProcess wwep = ChildProcess.Start("dotnet", Path.Combine(folder, "wwep-server.log"), serverDll,
                    "--bind", "127.0.0.1", "--plain-port", "0", "--tls-port", "0",
                    "--cert", pki.ServerCertificatePath, "--key", pki.ServerKeyPath, "--data", Path.Combine(folder, "wwep-data"),
                    "--max-connections", "4096", "--max-connections-per-peer", "4096", "--sntp-port", "0", "--web-port", liveView ? FreePorts.Tcp().ToString(CultureInfo.InvariantCulture) : "0", "--no-mdns",
                    "--log-level", "Warning"))
                {
                    await wwep.WaitForOutputAsync("Press Ctrl+C", TimeSpan.FromSeconds(30));
                    await using LiveViewSubscriber? page = liveView ? await LiveViewSubscriber.OpenAsync(EndPointAfter(wwep.Output, "classroom view on http://")) : null;
                    IPEndPoint wwepPlain = EndPointAfter(wwep.Output, "plain TCP listening on ");
                    IPEndPoint wwepTls = EndPointAfter(wwep.Output, "TLS listening on ");
                    var load = new LoadGenerator(clients, pki.Ca);

                    Console.WriteLine("WWEP server vs nginx " + NginxVersion() + " stream `return` (fixed 11-byte reply); same certificate (ECDSA P-256), same load:");
                    Console.WriteLine("  " + clients + " concurrent clients, one request per connection, " + duration.TotalSeconds + " s measured per row in "
                        + rounds + " interleaved slices (after " + warmup.TotalSeconds + " s warm-up each), " + Environment.ProcessorCount
                        + " cores shared by servers and load generator;");
                    Console.WriteLine("  WWEP writes are durable (SQLite WAL, synchronous=FULL, group commit) and logged one line each; TLS: full handshake per connection.");
                    Console.WriteLine(page != null ? "  classroom view served, one page subscribed to its event stream throughout." : "  classroom view off (--live-view subscribes a page).");

                    // Slices alternate between the rows so that anything else running on the machine weighs on all
                    // of them alike. The reads row shows what the durable write costs (it reads what the writes row
                    // wrote: same server, same connections, no commit).
                    var rows = new (string Server, string What, bool Tls, IPEndPoint EndPoint, LoadKind Kind, int DeviceBase)[]
                    {
                        ("nginx", "fixed", false, nginxPlain, LoadKind.FixedReply, 0),
                        ("WWEP", "writes", false, wwepPlain, LoadKind.Writes, 0x1000),
                        ("WWEP", "reads", false, wwepPlain, LoadKind.Reads, 0x1000),
                        ("nginx", "fixed", true, nginxTls, LoadKind.FixedReply, 0),
                        ("WWEP", "writes", true, wwepTls, LoadKind.Writes, 0x8000),
                    };
                    var tallies = new LoadTally[rows.Length];
                    for (int i = 0; i < rows.Length; i++)
                    {
                        tallies[i] = new LoadTally();
                        if (warmup > TimeSpan.Zero)
                        {
                            await load.RunAsync(rows[i].EndPoint, rows[i].Tls, warmup, rows[i].Kind, rows[i].DeviceBase, new LoadTally());
                        }
                    }

                    TimeSpan slice = duration / rounds;
                    for (int round = 0; round < rounds; round++)
                    {
                        for (int i = 0; i < rows.Length; i++)
                        {
                            await load.RunAsync(rows[i].EndPoint, rows[i].Tls, slice, rows[i].Kind, rows[i].DeviceBase, tallies[i]);
                        }
                    }

                    Console.WriteLine();
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-6} {1,-6} {2,-7} {3,11} {4,8} {5,8} {6,7} {7,6}", "port", "server", "load", "requests/s", "p50 ms", "p99 ms", "errors", "ratio"));
                    double baseline = 0;
                    for (int i = 0; i < rows.Length; i++)
                    {
                        LoadResult result = tallies[i].ToResult();
                        bool isBaseline = rows[i].Kind == LoadKind.FixedReply;
                        if (isBaseline)
                        {
                            baseline = result.RequestsPerSecond;
                        }

                        Console.WriteLine(string.Format(
                            CultureInfo.InvariantCulture,
                            "{0,-6} {1,-6} {2,-7} {3,11:F0} {4,8:F2} {5,8:F2} {6,7} {7,6}",
                            rows[i].Tls ? "TLS" : "plain",
                            rows[i].Server,
                            rows[i].What,
                            result.RequestsPerSecond,
                            result.P50Ms,
                            result.P99Ms,
                            result.Errors,
                            isBaseline ? string.Empty : (result.RequestsPerSecond / baseline).ToString("F2", CultureInfo.InvariantCulture)));
                    }

                    Console.WriteLine();
                    Console.WriteLine("ratio = WWEP requests/s / nginx requests/s on the same port (target >= 0.80 for writes). Logs: " + folder);
                    if (page != null)
                    {
                        Console.WriteLine("live view: " + page.Describe());
                    }
                }
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 2;
            }

            return 0;
        }

        private static IPEndPoint EndPointAfter(string output, string label)
        {
            Match match = Regex.Match(output, Regex.Escape(label) + @"([\d.]+):(\d+)");
            if (!match.Success)
            {
                throw new InvalidOperationException("the WWEP server did not print '" + label + "'; output:\n" + output);
            }

            return new IPEndPoint(IPAddress.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        private static string NginxVersion()
        {
            try
            {
                using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(NginxBaseline.NginxPath, "-v") { RedirectStandardError = true });
                string text = process!.StandardError.ReadToEnd();
                process.WaitForExit();
                Match version = Regex.Match(text, @"nginx/([\d.]+)");
                return version.Success ? version.Groups[1].Value : string.Empty;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return string.Empty;
            }
        }
    }
}
