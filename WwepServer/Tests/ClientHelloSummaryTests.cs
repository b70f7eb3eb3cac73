using System;
using System.Security.Authentication;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>The ClientHello's newest version and server name, read from real ClientHellos of .NET's TLS client.</summary>
    public sealed class ClientHelloSummaryTests
    {
        [Theory]
        [InlineData(SslProtocols.Tls12, 0x0303, "TLS 1.2")]
        [InlineData(SslProtocols.Tls12 | SslProtocols.Tls13, 0x0304, "TLS 1.3")]
        public async Task TheNewestVersionAndTheServerNameAreRead(SslProtocols offered, int newest, string name)
        {
            byte[] hello = await ClientHelloCapture.CaptureAsync("wwep.local", offered);
            ClientHelloSummary? summary = ClientHelloSummary.TryRead(hello);
            Assert.NotNull(summary);
            Assert.Equal(newest, summary!.NewestVersion);
            Assert.Equal(name, summary.NewestVersionName);
            Assert.Equal("wwep.local", summary.ServerName);
        }

        [Fact]
        public async Task ACutOffClientHelloClaimsNoVersionItCannotSee()
        {
            byte[] hello = await ClientHelloCapture.CaptureAsync("wwep.local", SslProtocols.Tls12 | SslProtocols.Tls13);
            ClientHelloSummary? summary = ClientHelloSummary.TryRead(hello.AsSpan(0, 60));
            Assert.NotNull(summary);
            Assert.Equal(0, summary!.NewestVersion);
        }

        [Fact]
        public void BytesThatAreNoClientHelloAreNotRead()
        {
            Assert.Null(ClientHelloSummary.TryRead(System.Text.Encoding.ASCII.GetBytes("W0FAC050001 and more bytes than a header needs, to be sure")));
        }
    }
}
