using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WwepServer.Benchmark
{
    /// <summary>
    /// N clients that each loop: connect, (full TLS handshake,) send one write request, read the reply until the server
    /// closes, check it, close. Exactly what a board does per button press; the same for both servers.
    /// </summary>
    public sealed class LoadGenerator
    {
        private static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(10);

        private readonly int _clients;
        private readonly X509ChainPolicy _trust;

        /// <summary>Creates the generator.</summary>
        /// <param name="clients">Concurrent clients.</param>
        /// <param name="ca">The CA both servers' certificate chains to.</param>
        public LoadGenerator(int clients, X509Certificate2 ca)
        {
            _clients = clients;
            _trust = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true,
            };
            _trust.CustomTrustStore.Add(ca);
        }

        /// <summary>Runs the load for a while and adds what it measured to <paramref name="tally"/>.</summary>
        /// <param name="server">Where to connect.</param>
        /// <param name="tls">Whether to speak TLS.</param>
        /// <param name="duration">How long.</param>
        /// <param name="kind">What to send and what a correct reply is.</param>
        /// <param name="deviceBase">First device ID used (each client writes its own device).</param>
        /// <param name="tally">Where the measurements go.</param>
        /// <returns>Completes when every client has finished its last exchange.</returns>
        public async Task RunAsync(IPEndPoint server, bool tls, TimeSpan duration, LoadKind kind, int deviceBase, LoadTally tally)
        {
            var latencies = new List<double>[_clients];
            long errors = 0;
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource(duration);
            var clients = new Task[_clients];
            for (int c = 0; c < _clients; c++)
            {
                int client = c;
                latencies[client] = new List<double>(4096);
                clients[client] = Task.Run(async () =>
                {
                    int device = (deviceBase + client) & 0xFFFF;
                    byte[] reply = new byte[64];
                    var bound = new CancellationTokenSource();
                    for (int value = 0; !stop.IsCancellationRequested; value = (value + 1) & 0xFFFF)
                    {
                        string request = kind == LoadKind.Reads
                            ? "R" + device.ToString("X4") + "05"
                            : "W" + device.ToString("X4") + "05" + value.ToString("X4");
                        long start = Stopwatch.GetTimestamp();
                        if (!bound.TryReset())
                        {
                            bound.Dispose();
                            bound = new CancellationTokenSource();
                        }

                        // Each exchange is bounded, so a server that stops answering cannot hang the run.
                        bound.CancelAfter(ExchangeTimeout);
                        string? received = await ExchangeAsync(server, tls, Encoding.ASCII.GetBytes(request), reply, bound.Token);
                        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                        // The echo is compared without regard to the case of the hex digits, as docs/wwep.md asks of every client.
                        bool correct = received != null && kind switch
                        {
                            LoadKind.Writes => string.Equals(received, "A" + request.Substring(1), StringComparison.OrdinalIgnoreCase),
                            LoadKind.Reads => received.Length == 11 && received.StartsWith("A" + request.Substring(1), StringComparison.OrdinalIgnoreCase),
                            _ => received.Length == 11 && received[0] == 'A',
                        };
                        if (correct)
                        {
                            latencies[client].Add(ms);
                        }
                        else
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }

                    bound.Dispose();
                });
            }

            await Task.WhenAll(clients);
            tally.Elapsed += clock.Elapsed;
            tally.Errors += errors;
            foreach (List<double> list in latencies)
            {
                tally.LatenciesMs.AddRange(list);
            }
        }

        private async Task<string?> ExchangeAsync(IPEndPoint server, bool tls, byte[] request, byte[] reply, CancellationToken bound)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(server, bound);
                int count = 0;
                if (!tls)
                {
                    await socket.SendAsync(request, SocketFlags.None, bound);
                    try
                    {
                        int read;
                        while (count < reply.Length && (read = await socket.ReceiveAsync(reply.AsMemory(count), SocketFlags.None, bound)) > 0)
                        {
                            count += read;
                        }
                    }
                    catch (SocketException)
                    {
                        // See below: a reset after the reply ends the exchange like a close.
                    }

                    return Encoding.ASCII.GetString(reply, 0, count);
                }

                await using Stream stream = await HandshakeAsync(socket, bound);
                await stream.WriteAsync(request, bound);
                try
                {
                    int read;
                    while (count < reply.Length && (read = await stream.ReadAsync(reply.AsMemory(count), bound)) > 0)
                    {
                        count += read;
                    }
                }
                catch (IOException)
                {
                    // nginx's `return` closes without reading the request, so the kernel answers it with a reset
                    // after the reply; the reply already received counts (a wrong or missing one does not).
                }

                return Encoding.ASCII.GetString(reply, 0, count);
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is AuthenticationException || e is OperationCanceledException)
            {
                return null;
            }
        }

        private async Task<Stream> HandshakeAsync(Socket socket, CancellationToken token)
        {
            var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false));
            await ssl.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = "localhost",
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,

                    // A board makes a full handshake for every press; so does this client, against both servers.
                    AllowTlsResume = false,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,

                    // Checked as a board checks it: chains to the (test) CA, names localhost.
                    CertificateChainPolicy = _trust,
                },
                token);
            return ssl;
        }
    }
}
