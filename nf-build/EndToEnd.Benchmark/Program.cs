using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WwepDevice.Core.Settings;
using WwepEndToEnd.Tests;
using WwepSimulator;

namespace WwepLatency.Benchmark
{
    /// <summary>
    /// Press-to-acknowledgement latency (p50, p99) of the firmware's logic against a real WwepServer on loopback,
    /// plain and TLS, beside the bare round trip of a TCP connect plus one 11-byte exchange measured in the same run.
    /// </summary>
    public static class Program
    {
        private const int DeviceId = 0x02E8;

        /// <summary>Runs the benchmark.</summary>
        /// <param name="args">Optional: the number of measured presses per case (default 300).</param>
        /// <returns>0, or 1 when a press was not acknowledged.</returns>
        public static int Main(string[] args)
        {
            int samples = args.Length > 0 ? int.Parse(args[0]) : 300;
            int warmup = Math.Max(10, samples / 10);
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(new ServerCertificate(CertsFile("server.crt.pem"), CertsFile("server.key.pem")));
            TlsCredentials credentials = TlsCredentials.Load(CertsFile("ca.crt.pem"), null, null);

            double[] bare = MeasureBareRoundTrip(warmup, samples);
            double[] plain = MeasurePresses(LinkMode.Plain, server, null, warmup, samples);
            double[] tls = MeasurePresses(LinkMode.Tls, server, credentials, warmup, samples);
            if (plain.Length == 0 || tls.Length == 0)
            {
                return 1;
            }

            double bare50 = Percentile(bare, 50);
            double bare99 = Percentile(bare, 99);
            Console.WriteLine("WWEP press-to-acknowledgement latency, loopback, " + samples.ToString() + " samples per case (" + warmup.ToString() + " warm-up), " + Environment.ProcessorCount.ToString() + " cores");
            Console.WriteLine("server: " + RepositoryLayout.ServerDll);
            Console.WriteLine();
            Console.WriteLine(string.Format("{0,-44} {1,10} {2,10} {3,12} {4,12}", "case", "p50 ms", "p99 ms", "p50 / bare", "p99 / bare"));
            Row("bare TCP connect + 11-byte exchange (baseline)", bare, bare50, bare99);
            Row("press -> acknowledged, plain (WwepServer)", plain, bare50, bare99);
            Row("press -> acknowledged, TLS (WwepServer)", tls, bare50, bare99);
            Console.WriteLine();
            Console.WriteLine(string.Format("TLS / plain: p50 {0:0.0}x, p99 {1:0.0}x", Percentile(tls, 50) / Percentile(plain, 50), Percentile(tls, 99) / Percentile(plain, 99)));
            return 0;
        }

        private static string CertsFile(string name)
        {
            return Path.Combine(RepositoryLayout.Root, "certs", name);
        }

        private static void Row(string name, double[] values, double bare50, double bare99)
        {
            double p50 = Percentile(values, 50);
            double p99 = Percentile(values, 99);
            Console.WriteLine(string.Format("{0,-44} {1,10:0.000} {2,10:0.000} {3,11:0.0}x {4,11:0.0}x", name, p50, p99, p50 / bare50, p99 / bare99));
        }

        // Each press goes through the whole firmware path: press -> worker -> LedStateSender -> HostTransport ->
        // server -> reply check -> "stored" log line. One press at a time, so no press collapses into another.
        private static double[] MeasurePresses(LinkMode mode, WwepServerProcess server, TlsCredentials? credentials, int warmup, int samples)
        {
            WwepSettings settings = new WwepSettings
            {
                ServerHost = "127.0.0.1",
                TlsHostName = "localhost",
                Mode = mode,
                PlainPort = server.PlainPort,
                TlsPort = server.TlsPort,
                ConnectTimeoutMilliseconds = 3000,
                ReplyTimeoutMilliseconds = 3000,
                MaxAttempts = 1,
                InitialBackoffMilliseconds = 50,
                MaxBackoffMilliseconds = 100,
            };
            SimulatedClock clock = new SimulatedClock(null);
            TimingLog log = new TimingLog();
            HostTransport transport = new HostTransport(settings, credentials, DeviceId, clock, log, new ExchangeTrace(null));
            SimulatedDevice device = new SimulatedDevice(settings, DeviceId, transport, clock, log, new ConsoleLed(TextWriter.Null));
            device.Start();
            double[] measured = new double[samples];
            try
            {
                for (int i = 0; i < warmup + samples; i++)
                {
                    long pressed = Stopwatch.GetTimestamp();
                    device.Press(false);
                    long stored = log.WaitForStored(10000);
                    if (stored < 0)
                    {
                        Console.Error.WriteLine("press " + (i + 1).ToString() + " (" + mode.ToString() + ") not acknowledged within 10 s: " + (log.LastError ?? "no error line"));
                        return Array.Empty<double>();
                    }

                    if (i >= warmup)
                    {
                        measured[i - warmup] = Stopwatch.GetElapsedTime(pressed, stored).TotalMilliseconds;
                    }

                    // Let the worker return to its wait, so the next press starts from the idle device.
                    device.WaitUntilIdle(TimeSpan.FromSeconds(5));
                }
            }
            finally
            {
                device.Stop();
            }

            return measured;
        }

        // The floor for any one-request-per-connection protocol on this machine: connect, 11 bytes out, 11 back, close,
        // against a responder in this process that does nothing else.
        private static double[] MeasureBareRoundTrip(int warmup, int samples)
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using CancellationTokenSource stop = new CancellationTokenSource();
            Task responder = Task.Run(() => Echo(listener, stop.Token));
            byte[] request = System.Text.Encoding.ASCII.GetBytes("W02E8050001");
            byte[] reply = new byte[11];
            double[] measured = new double[samples];
            for (int i = 0; i < warmup + samples; i++)
            {
                long start = Stopwatch.GetTimestamp();
                using (Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
                {
                    socket.Connect(IPAddress.Loopback, port);
                    socket.Send(request);
                    int total = 0;
                    int n;
                    while (total < reply.Length && (n = socket.Receive(reply, total, reply.Length - total, SocketFlags.None)) > 0)
                    {
                        total += n;
                    }
                }

                if (i >= warmup)
                {
                    measured[i - warmup] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
            }

            stop.Cancel();
            listener.Stop();
            try
            {
                responder.Wait(2000);
            }
            catch (AggregateException)
            {
                // Ended by the listener's stop.
            }

            return measured;
        }

        private static void Echo(TcpListener listener, CancellationToken stop)
        {
            byte[] buffer = new byte[11];
            while (!stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = listener.AcceptSocket();
                }
                catch (SocketException)
                {
                    return;
                }

                using (socket)
                {
                    int total = 0;
                    int n;
                    while (total < buffer.Length && (n = socket.Receive(buffer, total, buffer.Length - total, SocketFlags.None)) > 0)
                    {
                        total += n;
                    }

                    buffer[0] = (byte)'A';
                    socket.Send(buffer, 0, total, SocketFlags.None);
                }
            }
        }

        private static double Percentile(double[] values, int percent)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            int index = (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1;
            return sorted[Math.Max(0, Math.Min(index, sorted.Length - 1))];
        }
    }
}
