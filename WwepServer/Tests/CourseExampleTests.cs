using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>The course's four examples (docs/wwep.md) and the register rules, over plain TCP and TLS.</summary>
    public sealed class CourseExampleTests
    {
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task CourseExamplesHoldInOrderOnAFreshServer(bool tls)
        {
            await using var server = TestServer.Start();
            IPEndPoint port = tls ? server.Tls : server.Plain;

            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(port, "W0FAC0B1234", tls));
            Assert.Equal("X", await WwepTestClient.RequestAsync(port, "W01234", tls));
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(port, "R0FAC0B", tls));
            Assert.Equal("X", await WwepTestClient.RequestAsync(port, "R0BAC0B", tls));
        }

        [Fact]
        public async Task EachTransactionPrintsOneNumberedLineWithTransportPeerRequestAndReply()
        {
            await using var server = TestServer.Start();
            await WwepTestClient.RequestAsync(server.Plain, "W0FAC0B1234");
            await WwepTestClient.RequestAsync(server.Tls, "R0BAC0B", tls: true);

            string[] lines = await WaitForLinesAsync(server, 2);
            Assert.Matches(@"^#1 plain 127\.0\.0\.1:\d+ W0FAC0B1234 -> A0FAC0B1234$", lines[0]);
            Assert.Matches(@"^#2 TLS 127\.0\.0\.1:\d+ R0BAC0B -> X \(never written\)$", lines[1]);
        }

        [Fact]
        public async Task LowercaseHexIsAcceptedAndAnsweredInUppercase()
        {
            await using var server = TestServer.Start();
            Assert.Equal("A0FAC0BABCD", await WwepTestClient.RequestAsync(server.Plain, "W0fac0babcd"));
            Assert.Equal("A0FAC0BABCD", await WwepTestClient.RequestAsync(server.Plain, "R0Fac0B"));
        }

        [Fact]
        public async Task PlainAndTlsShareTheSameRegisters()
        {
            await using var server = TestServer.Start();
            Assert.Equal("A12340100AA", await WwepTestClient.RequestAsync(server.Plain, "W12340100AA"));
            Assert.Equal("A12340100AA", await WwepTestClient.RequestAsync(server.Tls, "R123401", tls: true));
            Assert.Equal("A123401BEEF", await WwepTestClient.RequestAsync(server.Tls, "W123401BEEF", tls: true));
            Assert.Equal("A123401BEEF", await WwepTestClient.RequestAsync(server.Plain, "R123401"));
        }

        [Fact]
        public async Task DevicesAndRegistersNeverShareValues()
        {
            await using var server = TestServer.Start();
            Assert.Equal("A0001050001", await WwepTestClient.RequestAsync(server.Plain, "W0001050001"));

            Assert.Equal("X", await WwepTestClient.RequestAsync(server.Plain, "R000205"));
            Assert.Equal("X", await WwepTestClient.RequestAsync(server.Plain, "R000106"));
            Assert.Equal("A0001050001", await WwepTestClient.RequestAsync(server.Plain, "R000105"));
        }

        [Fact]
        public async Task ALaterWriteReplacesTheValueAndTheExtremesOfEveryFieldWork()
        {
            await using var server = TestServer.Start();
            Assert.Equal("AFFFFFFFFFF", await WwepTestClient.RequestAsync(server.Plain, "WFFFFFFFFFF"));
            Assert.Equal("A0000000000", await WwepTestClient.RequestAsync(server.Plain, "W0000000000"));
            Assert.Equal("AFFFFFF0000", await WwepTestClient.RequestAsync(server.Plain, "WFFFFFF0000"));
            Assert.Equal("AFFFFFF0000", await WwepTestClient.RequestAsync(server.Plain, "RFFFFFF"));
            Assert.Equal("A0000000000", await WwepTestClient.RequestAsync(server.Plain, "R000000"));
        }

        private static async Task<string[]> WaitForLinesAsync(TestServer server, int count)
        {
            DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (true)
            {
                string[] lines = server.Transactions.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (lines.Length >= count || DateTime.UtcNow > deadline)
                {
                    Assert.Equal(count, lines.Length);
                    return lines.ToArray();
                }

                await Task.Delay(20);
            }
        }
    }
}
