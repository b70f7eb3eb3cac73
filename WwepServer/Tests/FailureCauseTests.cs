using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace WwepServer.Tests
{
    /// <summary>
    /// Real clients that fail against the server, each named in the log with its cause and its fix: openssl s_client
    /// (a foreign CA, TLS 1.1, no shared cipher, a wrong name, no or a bad client certificate under mutual TLS), .NET's
    /// own client refusing the certificate, and raw bytes of the wrong protocol on each port.
    /// </summary>
    public sealed class FailureCauseTests
    {
        private static readonly TimeSpan LogWait = TimeSpan.FromSeconds(10);
        private readonly ITestOutputHelper _output;

        public FailureCauseTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task AClientThatTrustsAnotherCaIsToldToEmbedThisServersCa()
        {
            using var foreign = new TestPki("WWEP TEST ONLY foreign CA");
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            string? line = await OpenSslFailureLineAsync(server, foreign.CaPath, "(untrusted-server)");
            if (line == null)
            {
                return;
            }

            Assert.StartsWith("Warning: TLS 127.0.0.1:", line);
            Assert.Contains("the board does not trust this server's certificate", line);
            Assert.Contains("the client's alert: unknown CA (48)", line);
            Assert.Contains("fix: put this server's CA into the firmware: dotnet run --project certs/tool -- embed, then rebuild and deploy", line);
            Assert.Equal(1, server.Host.Failures.Count(FailureCause.UntrustedServer));

            // The same on the classroom view: the address names no device, so the failure is listed apart under it.
            JsonElement failure = await ClassroomApi.WaitForFailureAsync(server, "127.0.0.1", "untrusted-server");
            Assert.Contains("does not trust this server's certificate", failure.GetProperty("title").GetString());
            Assert.Contains("dotnet run --project certs/tool -- embed", failure.GetProperty("fix").GetString());
            Assert.Contains("unknown CA", failure.GetProperty("detail").GetString());
        }

        [Fact]
        public async Task AClientOfferingOnlyTls11IsToldWhichVersionsTheServerSpeaks()
        {
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            string? line = await OpenSslFailureLineAsync(server, TestPki.Shared.CaPath, "(tls-version)", "-tls1_1");
            if (line == null)
            {
                return;
            }

            Assert.Contains("OpenSSL: unsupported protocol; the client offers TLS 1.1 at most", line);
            Assert.Contains("this server speaks TLS 1.2 and 1.3", line);
            JsonElement failure = await ClassroomApi.WaitForFailureAsync(server, "127.0.0.1", "tls-version");
            Assert.Contains("TLS 1.1 at most", failure.GetProperty("detail").GetString());
        }

        [Fact]
        public async Task AClientWithoutACommonCipherIsToldWhatCertificateWouldDo()
        {
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            string? line = await OpenSslFailureLineAsync(server, TestPki.Shared.CaPath, "(no-common-cipher)", "-tls1_2", "-cipher", "AES128-SHA");
            if (line == null)
            {
                return;
            }

            Assert.Contains("OpenSSL: no shared cipher", line);
            Assert.Contains("dotnet run --project certs/tool -- server --algorithm rsa-2048", line);
        }

        [Fact]
        public async Task AClientThatChecksAnotherNameIsToldToPutThatNameIntoTheCertificate()
        {
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            string? line = await OpenSslFailureLineAsync(server, TestPki.Shared.CaPath, "(server-name-refused)", "-servername", "wwep.lan", "-verify_hostname", "wwep.lan");
            if (line == null)
            {
                return;
            }

            Assert.Contains("the client's alert: bad certificate (42)", line);
            Assert.Contains("it asked for 'wwep.lan'", line);
            Assert.Contains("dotnet run --project certs/tool -- server --name wwep.lan --ip", line);
        }

        [Fact]
        public async Task NoClientCertificateUnderMutualTlsIsToldHowToMakeOne()
        {
            await using var server = TestServer.Start(configure: o => { o.RequireClientCertificate = true; o.WebPort = FreePorts.Tcp(); });
            string? line = await OpenSslFailureLineAsync(server, TestPki.Shared.CaPath, "(client-cert-missing)", "-tls1_2");
            if (line == null)
            {
                return;
            }

            Assert.Contains("the board sent no device certificate, and this server requires one (--require-client-cert)", line);
            Assert.Contains("dotnet run --project certs/tool -- device --mac", line);
            Assert.Contains("embed --device", line);
            JsonElement failure = await ClassroomApi.WaitForFailureAsync(server, "127.0.0.1", "client-cert-missing");
            Assert.Contains("device --mac", failure.GetProperty("fix").GetString());
        }

        [Fact]
        public async Task AnExpiredClientCertificateIsNamedWithItsDateAndTheCommandForItsDevice()
        {
            DateTimeOffset ended = DateTimeOffset.UtcNow.AddDays(-2);
            TestPki.Shared.WriteClientFiles("0FAC", out string certificate, out string key, DateTimeOffset.UtcNow.AddDays(-10), ended);
            await using var server = TestServer.Start(configure: o => { o.RequireClientCertificate = true; o.WebPort = FreePorts.Tcp(); });
            string? line = await OpenSslFailureLineAsync(server, TestPki.Shared.CaPath, "(client-cert-expired)", "-cert", certificate, "-key", key);
            if (line == null)
            {
                return;
            }

            Assert.Contains("(CN=0FAC): the board's device certificate has expired", line);
            Assert.Contains("expired " + ended.UtcDateTime.ToString("yyyy-MM-dd"), line);
            Assert.Contains("dotnet run --project certs/tool -- device --id 0FAC, then dotnet run --project certs/tool -- embed --device", line);

            // The certificate names the board: its card is 0FAC's.
            JsonElement failure = await ClassroomApi.WaitForFailureAsync(server, "0FAC", "client-cert-expired");
            Assert.Contains("device --id 0FAC", failure.GetProperty("fix").GetString());
            Assert.Equal("0FAC", failure.GetProperty("identity").GetString());
        }

        [Fact]
        public async Task AClientCertificateFromAnotherCaNamesBothCas()
        {
            using var foreign = new TestPki("WWEP TEST ONLY foreign CA");
            foreign.WriteClientFiles("0FAC", out string certificate, out string key);
            await using var server = TestServer.Start(configure: o => { o.RequireClientCertificate = true; o.WebPort = FreePorts.Tcp(); });
            string? line = await OpenSslFailureLineAsync(server, TestPki.Shared.CaPath, "(client-cert-other-ca)", "-cert", certificate, "-key", key);
            if (line == null)
            {
                return;
            }

            Assert.Contains("issued by CN=WWEP TEST ONLY foreign CA; this server trusts CN=WWEP TEST ONLY CA", line);
            Assert.Contains("--client-ca", line);
        }

        // .NET's client on Linux (the simulator's) checks the server certificate after the handshake and closes without
        // an alert: the server can only say what that most likely means.
        [Fact]
        public async Task ADotNetClientThatRefusesTheCertificateIsNamedByHowItEnds()
        {
            using var foreign = new TestPki("WWEP TEST ONLY foreign CA");
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            await Assert.ThrowsAnyAsync<AuthenticationException>(() => WwepTestClient.ExchangeAsync(
                server.Tls, true, new[] { Encoding.ASCII.GetBytes("W0FAC050001") }, TimeSpan.Zero, halfClose: false, trustedCa: foreign.Ca));

            string line = await server.Log.WaitForAsync("(closed-after-handshake)", LogWait);
            Assert.Contains("a .NET client, such as the simulator, that refuses this server's certificate", line);
            Assert.Contains("--ca certs/ca.crt.pem", line);
            Assert.Equal(0, server.Host.TransactionCount);
            JsonElement failure = await ClassroomApi.WaitForFailureAsync(server, "127.0.0.1", "closed-after-handshake");
            Assert.Contains("--ca certs/ca.crt.pem", failure.GetProperty("fix").GetString());
        }

        [Theory]
        [InlineData("W0FAC050001", "(plain-on-tls-port)", "[sent: W0FAC050001]")]
        [InlineData("GET / HTTP/1.1\r\nHost: wwep.local\r\n\r\n", "(http-on-wwep-port)", "[sent: GET / HTTP/1.1\\x0D\\x0AHost: wwep.local")]
        [InlineData("\u0001\u0002\u0003garbage", "(not-tls)", "[sent: \\x01\\x02\\x03garbage]")]
        [InlineData("", "(closed-before-hello)", "[closed by the client]")]
        public async Task RawBytesOnTheTlsPortAreNamedByWhatTheyAre(string sent, string cause, string evidence)
        {
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            Assert.Equal(string.Empty, await WwepTestClient.SendRawAsync(server.Tls, Encoding.Latin1.GetBytes(sent)));

            string line = await server.Log.WaitForAsync(cause, LogWait);
            Assert.Contains(evidence, line);
            Assert.Contains("; fix: ", line);
            // A WWEP request names its device, and so its board; other bytes are nobody's known board.
            JsonElement failure = await ClassroomApi.WaitForFailureAsync(server, sent.StartsWith('W') ? sent.Substring(1, 4) : "127.0.0.1", cause.Trim('(', ')'));
            Assert.False(string.IsNullOrEmpty(failure.GetProperty("fix").GetString()));
        }

        [Fact]
        public async Task AClientHelloOnThePlainPortGetsXAndIsNamed()
        {
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            byte[] hello = await ClientHelloCapture.CaptureAsync("wwep.local", SslProtocols.Tls12 | SslProtocols.Tls13);
            Assert.Equal("X", await WwepTestClient.SendRawAsync(server.Plain, hello));

            string line = await server.Log.WaitForAsync("(tls-on-plain-port)", LogWait);
            Assert.Contains("a TLS handshake came to the plain port", line);
            Assert.Contains("[sent: \\x16\\x03", line);
            // The fix quotes this server's TLS port (a free one here), not the default.
            Assert.Contains("use the TLS port for TLS (" + server.Tls.Port + "; the board's TlsPort)", line);

            // Named as what it is, not as an over-long request.
            Assert.Equal(0, server.Host.Connections.OversizedRequests);
            await LimitTests.WaitUntilAsync(() => server.Transactions.ToString().Contains("-> X (a TLS handshake came to the plain port", StringComparison.Ordinal));

            // On the view: the failure, and what the client sent, escaped and cut to a fixed width.
            JsonElement failure = await ClassroomApi.WaitForFailureAsync(server, "127.0.0.1", "tls-on-plain-port");
            string sent = failure.GetProperty("sent").GetString()!;
            Assert.StartsWith("\\x16\\x03", sent);
            Assert.Equal(ClientText.ViewWidth, sent.Length);
        }

        [Fact]
        public async Task ABrowserOnThePlainPortGetsXAndIsPointedAtTheClassroomView()
        {
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            Assert.Equal("X", await WwepTestClient.SendRawAsync(server.Plain, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: wwep.local\r\n\r\n")));

            string line = await server.Log.WaitForAsync("(http-on-wwep-port)", LogWait);
            Assert.Contains("plain 127.0.0.1:", line);
            Assert.Contains("the classroom view is at http://127.0.0.1:" + server.Host.Web!.EndPoint.Port + "/;", line);
        }

        [Fact]
        public async Task ARequestForAnotherDeviceUnderMutualTlsIsOneCountedFailure()
        {
            await using var server = TestServer.Start(configure: o => { o.RequireClientCertificate = true; o.WebPort = FreePorts.Tcp(); });
            using X509Certificate2 device = TestPki.Shared.IssueClient("0FAC");
            Assert.Equal("X", await WwepTestClient.RequestAsync(server.Tls, "W0BAC0B1234", tls: true, device));
            Assert.Equal("X", await WwepTestClient.RequestAsync(server.Tls, "W0BAC0B1234", tls: true, device));

            string line = await server.Log.WaitForAsync("(other-device)", LogWait);
            Assert.Contains("(CN=0FAC)", line);
            Assert.Contains("device 0BAC is not the client certificate's (CN=0FAC)", line);
            Assert.Contains("dotnet run --project certs/tool -- device --mac", line);
            await LimitTests.WaitUntilAsync(() => server.Host.Failures.Count(FailureCause.OtherDevice) == 2);
            Assert.Single(server.Log.Lines, l => l.Contains("(other-device)", StringComparison.Ordinal));
        }

        // openssl s_client sends one request; the server's line for the cause it gave, or null without openssl.
        private async Task<string?> OpenSslFailureLineAsync(TestServer server, string caPath, string cause, params string[] extra)
        {
            if (!OpenSslClient.Installed(_output))
            {
                return null;
            }

            await OpenSslClient.RunAsync(_output, server.Tls, caPath, "W0FAC050001", extra);
            return await server.Log.WaitForAsync(cause, LogWait);
        }
    }
}
