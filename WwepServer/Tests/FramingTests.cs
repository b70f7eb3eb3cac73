using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>
    /// When a request is complete (docs/wwep.md): at its full length, at half-close, or after the idle time; a trailing
    /// line end is ignored; pieces and slow senders are put together.
    /// </summary>
    public sealed class FramingTests
    {
        // Long enough that a test which relied on it would run into WwepTestClient.Bound and fail.
        private static readonly TimeSpan NeverInThisTest = TimeSpan.FromSeconds(60);

        // For tests that send in pieces: pauses of tens of milliseconds must not end the request even on a machine
        // so busy that a 40 ms delay takes over 100 ms (the idle rule itself is tested with the real 100 ms).
        private static readonly TimeSpan PatientIdleTime = TimeSpan.FromSeconds(5);

        [Theory]
        [InlineData(false, "\n")]
        [InlineData(false, "\r\n")]
        [InlineData(true, "\n")]
        [InlineData(true, "\r\n")]
        public async Task ATrailingLineEndIsIgnored(bool tls, string lineEnd)
        {
            await using var server = TestServer.Start();
            IPEndPoint port = tls ? server.Tls : server.Plain;
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(port, "W0FAC0B1234" + lineEnd, tls));
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(port, "R0FAC0B" + lineEnd, tls));
        }

        [Fact]
        public async Task ACarriageReturnAndItsLineFeedMayArriveSeparately()
        {
            await using var server = TestServer.Start(configure: o => o.RequestIdleTime = PatientIdleTime);
            string reply = await WwepTestClient.ExchangeAsync(server.Plain, false, Chunks("W0FAC0B1234\r", "\n"), TimeSpan.FromMilliseconds(30), halfClose: false);
            Assert.Equal("A0FAC0B1234", reply);
        }

        [Fact]
        public async Task ALineEndArrivingAfterTheReplyDoesNotDestroyIt()
        {
            await using var server = TestServer.Start();
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(server.Plain, "W0FAC0B1234"));

            // The server answers at full length; the late "\n" lands while it waits for the client to close.
            string reply = await WwepTestClient.ExchangeAsync(server.Plain, false, Chunks("R0FAC0B", "\n"), TimeSpan.FromMilliseconds(50), halfClose: false);
            Assert.Equal("A0FAC0B1234", reply);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task ARequestSplitIntoPiecesIsPutTogether(bool tls)
        {
            await using var server = TestServer.Start(configure: o => o.RequestIdleTime = PatientIdleTime);
            IPEndPoint port = tls ? server.Tls : server.Plain;
            Assert.Equal("A0FAC0B1234", await WwepTestClient.ExchangeAsync(port, tls, Chunks("W0F", "AC0B", "1234"), TimeSpan.FromMilliseconds(40), halfClose: false));
            Assert.Equal("A0FAC0B1234", await WwepTestClient.ExchangeAsync(port, tls, Chunks("R", "0FAC0", "B"), TimeSpan.FromMilliseconds(40), halfClose: false));
        }

        [Fact]
        public async Task ASlowSenderOneByteAtATimeIsServed()
        {
            await using var server = TestServer.Start(configure: o => o.RequestIdleTime = PatientIdleTime);
            byte[][] bytes = Encoding.ASCII.GetBytes("W0FAC0B1234").Select(b => new[] { b }).ToArray();
            Assert.Equal("A0FAC0B1234", await WwepTestClient.ExchangeAsync(server.Plain, false, bytes, TimeSpan.FromMilliseconds(20), halfClose: false));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task AFullLengthRequestIsAnsweredWithoutWaitingForCloseOrIdleTime(bool tls)
        {
            await using var server = TestServer.Start(configure: o => o.RequestIdleTime = NeverInThisTest);
            IPEndPoint port = tls ? server.Tls : server.Plain;
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(port, "W0FAC0B1234", tls));
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(port, "R0FAC0B", tls));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task HalfCloseEndsAShortRequestWithX(bool tls)
        {
            await using var server = TestServer.Start(configure: o => o.RequestIdleTime = NeverInThisTest);
            IPEndPoint port = tls ? server.Tls : server.Plain;
            Assert.Equal("X", await WwepTestClient.ExchangeAsync(port, tls, Chunks("R0FAC"), TimeSpan.Zero, halfClose: true));
        }

        [Fact]
        public async Task HalfCloseWithNothingSentIsAnsweredX()
        {
            await using var server = TestServer.Start(configure: o => o.RequestIdleTime = NeverInThisTest);
            Assert.Equal("X", await WwepTestClient.ExchangeAsync(server.Plain, false, Array.Empty<byte[]>(), TimeSpan.Zero, halfClose: true));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task SilenceAfterAShortRequestEndsItWithX(bool tls)
        {
            await using var server = TestServer.Start(configure: o => o.RequestIdleTime = TimeSpan.FromMilliseconds(100));
            IPEndPoint port = tls ? server.Tls : server.Plain;

            // No close: only the idle time can end these.
            Assert.Equal("X", await WwepTestClient.RequestAsync(port, "W01234", tls));
            Assert.Equal("X", await WwepTestClient.RequestAsync(port, "Q", tls));
            Assert.Equal("X", await WwepTestClient.RequestAsync(port, "R0FAC0B\r", tls));
        }

        private static IReadOnlyList<byte[]> Chunks(params string[] pieces)
        {
            return pieces.Select(piece => Encoding.ASCII.GetBytes(piece)).ToArray();
        }
    }
}
