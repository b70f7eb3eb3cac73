using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>
    /// Every class of illegal request gets exactly <c>X</c> and stores nothing. The shared server never receives a
    /// legal write, so its store must stay empty.
    /// </summary>
    public sealed class MalformedRequestTests : IClassFixture<SharedServerFixture>
    {
        private readonly TestServer _server;

        public MalformedRequestTests(SharedServerFixture fixture)
        {
            _server = fixture.Server;
        }

        [Theory]
        [InlineData("W01234")] // the course's example: too short for W
        [InlineData("R0FAC0")] // too short for R
        [InlineData("W0FAC0B12345")] // too long for W
        [InlineData("R0FAC0B0")] // too long for R
        [InlineData("W0FAG0B1234")] // device is not hex
        [InlineData("R0FAC0Z")] // register is not hex
        [InlineData("W0FAC0B12G4")] // value is not hex
        [InlineData("W 0FAC0B123")] // a space inside
        [InlineData("W-FAC0B1234")] // a sign is not a digit
        [InlineData("Q0FAC0B1234")] // unknown command letter
        [InlineData("A0FAC0B1234")] // a reply is not a request
        [InlineData("X")] // neither is a reject
        [InlineData("w0fac0b1234")] // the command letter is uppercase only
        [InlineData(" R0FAC0B")] // leading space
        [InlineData("\n")] // a line end alone
        [InlineData("W0FAC0B1234\n\n")] // two line ends
        [InlineData("W0FAC0B1234\r\r")] // CR CR is not a line end
        [InlineData("R0FAC0B\n\r")] // LF CR is not a line end either
        [InlineData("\u0000\u0001\u00ff\u0010binary")] // binary noise
        public async Task IllegalRequestsGetExactlyXAndStoreNothing(string request)
        {
            Assert.Equal("X", await WwepTestClient.RequestAsync(_server.Plain, request));
            Assert.Equal(0, _server.Host.Store.RegisterCount);
        }

        [Theory]
        [InlineData("W01234")]
        [InlineData("W0FAG0B1234")]
        [InlineData("Q0FAC0B1234")]
        public async Task IllegalRequestsOverTlsGetExactlyX(string request)
        {
            Assert.Equal("X", await WwepTestClient.RequestAsync(_server.Tls, request, tls: true));
            Assert.Equal(0, _server.Host.Store.RegisterCount);
        }

        [Fact]
        public async Task ARequestLongerThanTheLimitGetsXAndALogLine()
        {
            string flood = "W" + new string('7', _server.Options.MaxRequestBytes * 4);
            Assert.Equal("X", await WwepTestClient.RequestAsync(_server.Plain, flood));
            string line = await _server.Log.WaitForAsync("request size limit", TimeSpan.FromSeconds(10));
            Assert.Contains("--max-request-bytes " + _server.Options.MaxRequestBytes, line);
            Assert.True(_server.Host.Connections.OversizedRequests >= 1);
            Assert.Equal(0, _server.Host.Store.RegisterCount);
        }

        [Fact]
        public async Task TheTransactionLineGivesTheReasonForX()
        {
            Assert.Equal("X", await WwepTestClient.RequestAsync(_server.Plain, "W0FAG0B1234"));
            DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            string? line = null;
            while (line == null && DateTime.UtcNow < deadline)
            {
                line = _server.Transactions.ToString().Split('\n').FirstOrDefault(l => l.Contains(" W0FAG0B1234 -> X", StringComparison.Ordinal));
                await Task.Delay(20);
            }

            Assert.NotNull(line);
            Assert.EndsWith("(a field holds a character that is not a hex digit)", line);
        }
    }
}
