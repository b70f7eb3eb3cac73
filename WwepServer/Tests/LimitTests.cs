using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>
    /// Clients that connect and stall (before or during the TLS handshake, or before the first byte) are dropped
    /// with a log line and hold up no one; the connection limit closes extra connections at once.
    /// </summary>
    public sealed class LimitTests
    {
        [Fact]
        public async Task StalledTlsHandshakesAreDroppedAndDisturbNoOne()
        {
            await using var server = TestServer.Start(configure: o => o.TlsHandshakeTimeout = TimeSpan.FromSeconds(3));
            var stalled = new List<Socket>();
            try
            {
                // Ten that send nothing, ten that stop in the middle of a ClientHello.
                for (int i = 0; i < 20; i++)
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    await socket.ConnectAsync(server.Tls);
                    if (i % 2 == 1)
                    {
                        await socket.SendAsync(new byte[] { 0x16, 0x03, 0x01, 0x00, 0xC8, 0x01, 0x00, 0x00, 0xC4, 0x03, 0x03 }, SocketFlags.None);
                    }

                    stalled.Add(socket);
                }

                await WaitUntilAsync(() => server.Host.OpenConnections == 20);

                // Meanwhile boards are served on both ports.
                Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(server.Tls, "W0FAC0B1234", tls: true));
                Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(server.Plain, "R0FAC0B"));
                Assert.True(server.Host.Connections.HandshakeTimeouts == 0, "the stalled clients were dropped before the others were served; the test proves nothing");

                // Then every stalled one is closed by the server, without a byte of reply.
                foreach (Socket socket in stalled)
                {
                    Assert.Equal(string.Empty, await ReadUntilClosedAsync(socket));
                }

                Assert.Equal(20, server.Host.Connections.HandshakeTimeouts);

                // Ten of each, from one address: one line each, the rest counted.
                string silent = await server.Log.WaitForAsync("(silent-before-hello)", TimeSpan.FromSeconds(5));
                string stalledLine = await server.Log.WaitForAsync("(stalled-mid-handshake)", TimeSpan.FromSeconds(5));
                Assert.Contains("nothing sent for 3 s (--handshake-timeout)", silent);
                Assert.Contains("11 byte(s) of handshake, then nothing for 3 s (--handshake-timeout)", stalledLine);
                Assert.Single(server.Log.Lines, line => line.Contains("(silent-before-hello)", StringComparison.Ordinal));
                Assert.Equal(10, server.Host.Failures.Count(FailureCause.SilentBeforeHello));
                Assert.Equal(10, server.Host.Failures.Count(FailureCause.StalledMidHandshake));
            }
            finally
            {
                stalled.ForEach(socket => socket.Dispose());
            }
        }

        // On Linux the plain port defers accepting until the first bytes arrive (about 1 s for a silent client), so
        // the plain case also shows that a deferred silent client still meets the first-byte wait.
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task AClientThatSendsNothingGetsXAsFromTheCourseServer(bool tls)
        {
            await using var server = TestServer.Start(configure: o => o.FirstByteWait = TimeSpan.FromMilliseconds(500));
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(tls ? server.Tls : server.Plain);
            using var bound = new CancellationTokenSource(WwepTestClient.Bound);
            DateTime connected = DateTime.UtcNow;
            if (tls)
            {
                // Handshake done, then silence.
                await using var ssl = await WwepTestClient.HandshakeAsync(socket, null, System.Security.Authentication.SslProtocols.None, TestPki.Shared.Ca, bound.Token);
                Assert.Equal("X", await WwepTestClient.ReadToCloseAsync(ssl, bound.Token));
            }
            else
            {
                Assert.Equal("X", await ReadUntilClosedAsync(socket));
            }

            // Well before the old 10 s idle limit: the wait, plus about a second of deferred accept on plain.
            Assert.True(DateTime.UtcNow - connected < TimeSpan.FromSeconds(5), "the X took " + (DateTime.UtcNow - connected));
            string line = await server.Log.WaitForAsync("first-byte wait", TimeSpan.FromSeconds(5));
            Assert.Contains("--first-byte-wait 0.5", line);
            Assert.Equal(1, server.Host.Connections.FirstByteTimeouts);
            await WaitUntilAsync(() => server.Transactions.ToString().Contains("-> X (nothing sent within 0.5 s)", StringComparison.Ordinal));
        }

        [Fact]
        public async Task ConnectionsBeyondTheLimitAreClosedAtOnceAndTheLimitFreesUp()
        {
            await using var server = TestServer.Start(configure: o =>
            {
                o.MaxConnections = 3;
                o.RequestIdleTime = TimeSpan.FromSeconds(60);
            });
            var holders = new List<Socket>();
            try
            {
                // Three clients that started a request and then went quiet hold the three places.
                for (int i = 0; i < 3; i++)
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    await socket.ConnectAsync(server.Plain);
                    await socket.SendAsync(new byte[] { (byte)'W' }, SocketFlags.None);
                    holders.Add(socket);
                }

                await WaitUntilAsync(() => server.Host.OpenConnections == 3);
                Assert.Equal(string.Empty, await WwepTestClient.RequestAsync(server.Plain, "W0FAC0B1234"));
                Assert.Equal(1, server.Host.RefusedConnections);
                string line = await server.Log.WaitForAsync("connection limit", TimeSpan.FromSeconds(5));
                Assert.Contains("--max-connections 3", line);

                holders.ForEach(socket => socket.Dispose());
                await WaitUntilAsync(() => server.Host.OpenConnections == 0);
                Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(server.Plain, "W0FAC0B1234"));
            }
            finally
            {
                holders.ForEach(socket => socket.Dispose());
            }
        }

        private static async Task<string> ReadUntilClosedAsync(Socket socket)
        {
            using var bound = new CancellationTokenSource(WwepTestClient.Bound);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            return await WwepTestClient.ReadToCloseAsync(stream, bound.Token);
        }

        /// <summary>Polls until the condition holds; fails the test after 10 s.</summary>
        /// <param name="condition">What to wait for.</param>
        /// <returns>Completes when it holds.</returns>
        internal static Task WaitUntilAsync(Func<bool> condition)
        {
            return WaitUntilAsync(condition, TimeSpan.FromSeconds(10));
        }

        /// <summary>Polls until the condition holds; fails the test when it has not within the bound.</summary>
        /// <param name="condition">What to wait for.</param>
        /// <param name="within">The bound (a guard against a hang, not a measurement).</param>
        /// <returns>Completes when it holds.</returns>
        internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within)
        {
            DateTime deadline = DateTime.UtcNow + within;
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "condition not met within " + within.TotalSeconds + " s");
                await Task.Delay(10);
            }
        }
    }
}
