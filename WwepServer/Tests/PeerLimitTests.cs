using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>
    /// One address that hoards connections (silent TCP, stalled TLS handshakes) cannot lock out a board on another
    /// address: the per-address cap refuses its extra connections, and a full server closes its oldest silent
    /// connection to admit a new one. The hoarder is 127.0.0.1, the board 127.0.0.2 (both loopback on Linux).
    /// </summary>
    public sealed class PeerLimitTests
    {
        private static readonly IPAddress Board = IPAddress.Parse("127.0.0.2");

        // How promptly each of the board's writes must be answered while the hoarder holds its connections.
        private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1);

        [Fact]
        public async Task HundredsOfSilentAndStalledConnectionsFromOneAddressLeaveAnotherAddressServed()
        {
            await using var server = TestServer.Start(configure: o =>
            {
                o.MaxConnectionsPerPeer = 50;
                o.FirstByteWait = TimeSpan.FromSeconds(60);
                o.TlsHandshakeTimeout = TimeSpan.FromSeconds(60);
            });
            var hoard = new List<Socket>();
            try
            {
                // 200 silent plain connections and 100 TLS connections stopped in the middle of a ClientHello.
                for (int i = 0; i < 300; i++)
                {
                    hoard.Add(await HoardAsync(i < 200 ? server.Plain : server.Tls, stallTls: i >= 200));
                }

                // Plain ones are handed to the server after the kernel's deferred-accept second; wait until the cap bites.
                await LimitTests.WaitUntilAsync(() => server.Host.Limiter.PeerRefusals >= 200);
                Assert.Equal(50, server.Host.OpenConnections);
                string line = await server.Log.WaitForAsync("per-address limit", TimeSpan.FromSeconds(5));
                Assert.Contains("--max-connections-per-peer 50", line);
                Assert.Contains("127.0.0.1", line);

                await WritePromptlyFromBoardAsync(server, 20);
            }
            finally
            {
                hoard.ForEach(socket => socket.Dispose());
            }
        }

        [Fact]
        public async Task AFullServerClosesTheOldestSilentConnectionsToAdmitABoard()
        {
            await using var server = TestServer.Start(configure: o =>
            {
                o.MaxConnections = 40;
                o.MaxConnectionsPerPeer = 1000;
                o.FirstByteWait = TimeSpan.FromSeconds(60);
                o.TlsHandshakeTimeout = TimeSpan.FromSeconds(60);
            });
            var hoard = new List<Socket>();
            try
            {
                for (int i = 0; i < 200; i++)
                {
                    hoard.Add(await HoardAsync(i % 2 == 0 ? server.Plain : server.Tls, stallTls: i % 2 == 1));
                }

                // Once full, every newer hoarding connection pushes out an older silent one: the server stays at its limit.
                await LimitTests.WaitUntilAsync(() => server.Host.Limiter.Evictions >= 160);
                Assert.Equal(40, server.Host.OpenConnections);
                Assert.Equal(0, server.Host.RefusedConnections);
                string line = await server.Log.WaitForAsync("the oldest that sent nothing", TimeSpan.FromSeconds(5));
                Assert.Contains("--max-connections 40", line);

                // The server really closed those 160 (poll shows an end of stream or reset; nothing else arrives on them).
                await LimitTests.WaitUntilAsync(() => hoard.FindAll(socket => socket.Poll(0, SelectMode.SelectRead)).Count == 160);

                await WritePromptlyFromBoardAsync(server, 20);
            }
            finally
            {
                hoard.ForEach(socket => socket.Dispose());
            }
        }

        private static async Task<Socket> HoardAsync(IPEndPoint target, bool stallTls)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            await socket.ConnectAsync(target);
            if (stallTls)
            {
                // The first bytes of a ClientHello, then nothing.
                await socket.SendAsync(new byte[] { 0x16, 0x03, 0x01, 0x00, 0xC8, 0x01, 0x00, 0x00, 0xC4, 0x03, 0x03 }, SocketFlags.None);
            }

            return socket;
        }

        // The board writes both ports in turn; each write must be acknowledged, and promptly.
        private static async Task WritePromptlyFromBoardAsync(TestServer server, int writes)
        {
            for (int i = 0; i < writes; i++)
            {
                bool tls = i % 2 == 1;
                string request = "W0FAC05" + i.ToString("X4");
                var watch = Stopwatch.StartNew();
                string reply = tls
                    ? await TlsFromBoardAsync(server.Tls, request)
                    : await PlainFromBoardAsync(server.Plain, request);
                watch.Stop();
                Assert.Equal("A" + request.Substring(1), reply);
                Assert.True(watch.Elapsed < Prompt, (tls ? "TLS" : "plain") + " write " + i + " took " + watch.Elapsed.TotalMilliseconds + " ms");
            }
        }

        private static async Task<string> PlainFromBoardAsync(IPEndPoint server, string request)
        {
            using var bound = new CancellationTokenSource(WwepTestClient.Bound);
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(Board, 0));
            await socket.ConnectAsync(server, bound.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), bound.Token);
            return await WwepTestClient.ReadToCloseAsync(stream, bound.Token);
        }

        private static async Task<string> TlsFromBoardAsync(IPEndPoint server, string request)
        {
            using var bound = new CancellationTokenSource(WwepTestClient.Bound);
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(Board, 0));
            await socket.ConnectAsync(server, bound.Token);
            await using var tls = await WwepTestClient.HandshakeAsync(socket, null, System.Security.Authentication.SslProtocols.None, TestPki.Shared.Ca, bound.Token);
            await tls.WriteAsync(Encoding.ASCII.GetBytes(request), bound.Token);
            return await WwepTestClient.ReadToCloseAsync(tls, bound.Token);
        }
    }
}
