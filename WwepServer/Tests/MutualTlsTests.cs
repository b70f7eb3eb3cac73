using System;
using System.IO;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>
    /// --require-client-cert: only certificates from the project CA get in, and a certificate's CN (a device ID) limits
    /// it to that device (docs/wwep.md, "device identity").
    /// </summary>
    public sealed class MutualTlsTests
    {
        [Fact]
        public async Task ADeviceCertificateMayReadAndWriteItsOwnDeviceOnly()
        {
            await using var server = TestServer.Start(configure: o => o.RequireClientCertificate = true);
            using X509Certificate2 device = TestPki.Shared.IssueClient("0FAC");

            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(server.Tls, "W0FAC0B1234", tls: true, device));
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(server.Tls, "R0FAC0B", tls: true, device));
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(server.Tls, "R0fac0B", tls: true, device));

            Assert.Equal("X", await WwepTestClient.RequestAsync(server.Tls, "W0BAC0B1234", tls: true, device));
            Assert.Equal("X", await WwepTestClient.RequestAsync(server.Tls, "R0BAC0B", tls: true, device));
            string line = await server.Log.WaitForAsync("device 0BAC is not the client certificate's (CN=0FAC)", TimeSpan.FromSeconds(5));
            Assert.StartsWith("Warning:", line);
            Assert.Equal(1, server.Host.Store.RegisterCount);
        }

        [Fact]
        public async Task ACertificateWhoseCnIsNoDeviceIdGetsXForEverything()
        {
            await using var server = TestServer.Start(configure: o => o.RequireClientCertificate = true);
            using X509Certificate2 teacher = TestPki.Shared.IssueClient("teacher");
            Assert.Equal("X", await WwepTestClient.RequestAsync(server.Tls, "W0FAC0B1234", tls: true, teacher));
            string line = await server.Log.WaitForAsync("(client-cert-not-a-device)", TimeSpan.FromSeconds(5));
            Assert.Contains("(CN=teacher)", line);
            Assert.Equal(0, server.Host.Store.RegisterCount);
        }

        [Fact]
        public async Task AClientWithoutACertificateIsRefused()
        {
            await using var server = TestServer.Start(configure: o => o.RequireClientCertificate = true);
            string reply = await ReplyOrEmptyAsync(() => WwepTestClient.RequestAsync(server.Tls, "W0FAC0B1234", tls: true));
            Assert.Equal(string.Empty, reply);
            await server.Log.WaitForAsync("(client-cert-missing)", TimeSpan.FromSeconds(5));
            Assert.Equal(0, server.Host.Store.RegisterCount);
        }

        [Fact]
        public async Task ACertificateFromAnotherCaIsRefused()
        {
            using var otherPki = new TestPki("WWEP TEST ONLY other CA");
            using X509Certificate2 stranger = otherPki.IssueClient("0FAC");
            await using var server = TestServer.Start(configure: o => o.RequireClientCertificate = true);

            string reply = await ReplyOrEmptyAsync(() => WwepTestClient.RequestAsync(server.Tls, "W0FAC0B1234", tls: true, stranger));
            Assert.Equal(string.Empty, reply);
            string line = await server.Log.WaitForAsync("(CN=0FAC): the board's device certificate was not made by the CA this server trusts", TimeSpan.FromSeconds(5));
            Assert.Contains("this server trusts CN=WWEP TEST ONLY CA", line);
            Assert.Equal(0, server.Host.Store.RegisterCount);
        }

        [Fact]
        public async Task WithoutMutualTlsNoIdentityRuleApplies()
        {
            await using var server = TestServer.Start();
            using X509Certificate2 device = TestPki.Shared.IssueClient("0FAC");
            Assert.Equal("A0BAC0B1234", await WwepTestClient.RequestAsync(server.Tls, "W0BAC0B1234", tls: true, device));
        }

        [Fact]
        public async Task TheClientCaFileMustExist()
        {
            string missing = Path.Combine(TestPki.Shared.Folder, "no-such-ca.pem");
            StartupException error = Assert.Throws<StartupException>(() => TestServer.Start(configure: o =>
            {
                o.RequireClientCertificate = true;
                o.ClientCaPath = missing;
            }));
            Assert.Contains("client CA certificate not found: " + missing, error.Message);
            Assert.Contains("dotnet run --project certs/tool -- init", error.Message);
        }

        private static async Task<string> ReplyOrEmptyAsync(Func<Task<string>> exchange)
        {
            // Under TLS 1.3 the client learns of the refusal after its handshake, as a closed connection.
            try
            {
                return await exchange();
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException)
            {
                return string.Empty;
            }
        }
    }
}
