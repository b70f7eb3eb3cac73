using System;
using System.Buffers.Binary;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WwepDevice.Core.Clock;
using Xunit;
using Xunit.Abstractions;

namespace WwepServer.Tests
{
    /// <summary>
    /// The SNTP responder over real UDP on loopback: a client exchange written byte by byte here (the CI-gating
    /// check), what it ignores, what it says when it cannot have its port, and Debian's own <c>sntp</c> against it.
    /// </summary>
    public sealed class SntpTests
    {
        private const string Sntp = "/usr/bin/sntp";
        private static readonly TimeSpan NoReplyWait = TimeSpan.FromMilliseconds(300);
        private readonly ITestOutputHelper _output;

        public SntpTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task AClientRequestGetsAServerReplyWithTheHostClock()
        {
            await using var server = TestServer.Start(configure: o => o.SntpPort = FreePorts.Udp());
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            byte[] request = ClientRequest(version: 4, new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc));

            DateTime before = DateTime.UtcNow;
            byte[]? reply = await ExchangeAsync(client, server.Host.Sntp!.EndPoint, request, TimeSpan.FromSeconds(5));
            DateTime after = DateTime.UtcNow;

            Assert.NotNull(reply);
            Assert.Equal(SntpPacket.Length, reply!.Length);
            Assert.Equal(0, reply[0] >> 6);                          // no leap warning
            Assert.Equal(4, (reply[0] >> 3) & 7);                    // the client's version
            Assert.Equal(SntpPacket.ServerMode, reply[0] & 7);
            Assert.Equal(2, reply[1]);                               // stratum
            Assert.Equal(request.AsSpan(40, 8).ToArray(), reply.AsSpan(24, 8).ToArray()); // originate = client's transmit
            DateTime receive = SntpPacket.ReadTimestamp(reply, 32);
            DateTime transmit = SntpPacket.ReadTimestamp(reply, 40);
            Assert.InRange(receive, before.AddMilliseconds(-5), after.AddMilliseconds(5));
            Assert.InRange(transmit, receive, after.AddMilliseconds(5));
            Assert.NotEqual(0u, BinaryPrimitives.ReadUInt32BigEndian(reply.AsSpan(16))); // reference timestamp set
            Assert.Equal(1, server.Host.Sntp.Answered);
            Assert.Contains(StartupBanner.Lines(server.Host, server.Options), line => line.StartsWith("  SNTP time served on UDP 127.0.0.1:" + server.Host.Sntp.EndPoint.Port, StringComparison.Ordinal));
        }

        [Fact]
        public async Task ShortMalformedAndNonClientPacketsGetNoReply()
        {
            await using var server = TestServer.Start(configure: o => o.SntpPort = FreePorts.Udp());
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            IPEndPoint sntp = server.Host.Sntp!.EndPoint;

            byte[] shortOne = ClientRequest(4, DateTime.UtcNow).AsSpan(0, 47).ToArray();
            byte[] serverMode = ClientRequest(4, DateTime.UtcNow);
            serverMode[0] = (4 << 3) | 4;
            byte[] broadcastMode = ClientRequest(4, DateTime.UtcNow);
            broadcastMode[0] = (4 << 3) | 5;
            byte[] versionZero = ClientRequest(4, DateTime.UtcNow);
            versionZero[0] = 3;
            foreach (byte[] datagram in new[] { shortOne, serverMode, broadcastMode, versionZero, new byte[] { 0x1B } })
            {
                Assert.Null(await ExchangeAsync(client, sntp, datagram, NoReplyWait));
            }

            // Still serving: an SNTPv3 client (the version many small clients send) is answered in its own version.
            byte[]? reply = await ExchangeAsync(client, sntp, ClientRequest(3, DateTime.UtcNow), TimeSpan.FromSeconds(5));
            Assert.NotNull(reply);
            Assert.Equal(3, (reply![0] >> 3) & 7);
            Assert.Equal(5, server.Host.Sntp.Ignored);
        }

        [Fact]
        public async Task APortInUseIsOneLineWithTheFixAndWwepIsStillServed()
        {
            using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)holder.LocalEndPoint!).Port;

            await using var server = TestServer.Start(configure: o => o.SntpPort = port);
            Assert.Null(server.Host.Sntp);
            string line = Assert.Single(StartupBanner.Lines(server.Host, server.Options), l => l.Contains("SNTP", StringComparison.Ordinal));
            Assert.Contains("cannot bind UDP 127.0.0.1:" + port, line);
            Assert.Contains("--sntp-port", line);
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(server.Plain, "W0FAC0B1234"));
        }

        [Fact]
        public async Task TheProcessTakesSntpPortAndSaysInItsBannerThatItServesTime()
        {
            int port = FreePorts.Udp();
            string data = TestServer.NewDataFolder();
            try
            {
                using ServerProcess server = await ServerProcess.StartAsync(
                    "--bind", "127.0.0.1", "--plain-port", "0", "--tls-port", "0", "--data", data, "--sntp-port", port.ToString(),
                    "--cert", TestPki.Shared.ServerCertificatePath, "--key", TestPki.Shared.ServerKeyPath);
                Assert.Contains("SNTP time served on UDP 127.0.0.1:" + port, server.Output);
                using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                byte[]? reply = await ExchangeAsync(client, new IPEndPoint(IPAddress.Loopback, port), ClientRequest(4, DateTime.UtcNow), TimeSpan.FromSeconds(5));
                Assert.NotNull(reply);
                Assert.Equal(SntpPacket.ServerMode, reply![0] & 7);
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        [Fact]
        public async Task APrivilegedPortNamesSetcapAndSntpPort()
        {
            string line = SntpResponder.DescribeBindFailure(IPAddress.Any, 123, SocketError.AccessDenied, "Permission denied");
            Assert.StartsWith("SNTP off: cannot bind UDP 0.0.0.0:123 (Permission denied): ", line);
            Assert.Contains("setcap cap_net_bind_service=+ep", line);
            Assert.Contains("--sntp-port", line);
            Assert.DoesNotContain("\n", line);

            if (Environment.UserName == "root")
            {
                _output.WriteLine("running as root: port 123 is allowed here, so only the wording was checked");
                return;
            }

            await using var server = TestServer.Start(configure: o => o.SntpPort = 123);
            Assert.Null(server.Host.Sntp);
            Assert.Contains("setcap", server.Host.SntpProblem);
        }

        [Fact]
        public async Task DebiansSntpToolSetsNothingButReadsOurTime()
        {
            // sntp talks to port 123 only, so this needs root (CI runs as root) and a loopback address of its own.
            if (Environment.UserName != "root")
            {
                _output.WriteLine("SKIPPED: sntp queries port 123 only, which needs root; the in-test client above covers the exchange");
                return;
            }

            string? missing = await ToolRun.EnsureDebianProgramAsync(Sntp, "sntp");
            if (missing != null)
            {
                _output.WriteLine("SKIPPED: " + missing);
                return;
            }

            IPAddress address = IPAddress.Parse("127.0.0.123");
            await using var server = TestServer.Start(configure: o =>
            {
                o.BindAddress = address;
                o.SntpPort = 123;
            });
            if (server.Host.Sntp == null)
            {
                _output.WriteLine("SKIPPED: " + server.Host.SntpProblem);
                return;
            }

            // Without -S/-s it only reports the offset; it changes no clock.
            var (exit, output) = await ToolRun.RunAsync(TimeSpan.FromMinutes(1), Sntp, "127.0.0.123");
            _output.WriteLine("sntp 127.0.0.123 -> exit " + exit + ": " + output);
            Assert.Equal(0, exit);
            Assert.Contains("127.0.0.123 s2", output);
            Assert.True(server.Host.Sntp.Answered >= 1);
        }

        /// <summary>A client request as SNTP clients send it: LI 0, the version, mode 3, transmit timestamp set.</summary>
        /// <param name="version">NTP version number.</param>
        /// <param name="transmit">The client's transmit time.</param>
        /// <returns>48 bytes.</returns>
        internal static byte[] ClientRequest(int version, DateTime transmit)
        {
            byte[] request = new byte[SntpPacket.Length];
            request[0] = (byte)((version << 3) | SntpPacket.ClientMode);
            request[2] = 6; // poll 64 s
            SntpPacket.WriteTimestamp(request, 40, transmit);
            return request;
        }

        private static async Task<byte[]?> ExchangeAsync(Socket client, IPEndPoint server, byte[] datagram, TimeSpan wait)
        {
            await client.SendToAsync(datagram, SocketFlags.None, server);
            byte[] buffer = new byte[512];
            using var bound = new CancellationTokenSource(wait);
            try
            {
                SocketReceiveFromResult result = await client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), bound.Token);
                return buffer.AsSpan(0, result.ReceivedBytes).ToArray();
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }
}
