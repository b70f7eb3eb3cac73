using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>
    /// Mutual TLS means what it says: with --require-client-cert the plain port (which carries no identity) is not
    /// served unless --allow-plain is given, and then the banner says that plain clients can write any device.
    /// </summary>
    public sealed class MutualTlsPlainPortTests
    {
        [Fact]
        public async Task RequiringClientCertificatesClosesThePlainPort()
        {
            await using var server = TestServer.Start(configure: o => o.RequireClientCertificate = true);
            Assert.Null(server.Host.PlainEndPoint);
            Assert.Contains(StartupBanner.Lines(server.Host, server.Options), line => line.Contains("plain TCP off: --require-client-cert", StringComparison.Ordinal));
        }

        [Fact]
        public async Task WithAllowPlainTheBannerWarnsInOneLineAndPlainClientsAreServed()
        {
            string data = TestServer.NewDataFolder();
            try
            {
                using ServerProcess server = await StartMutualAsync(data, "--allow-plain");
                string warning = Assert.Single(server.Output.Split('\n'), line => line.Contains("--allow-plain", StringComparison.Ordinal));
                Assert.Contains("plain clients have no certificate and can write any device", warning);

                // The very request of the issue: anonymous, over plain TCP, for a device a certificate would protect.
                Assert.Equal("A02E8059999", await WwepTestClient.RequestAsync(server.Plain, "W02E8059999"));
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        [Fact]
        public async Task WithoutAllowPlainTheProcessListensOnTlsOnly()
        {
            string data = TestServer.NewDataFolder();
            try
            {
                using ServerProcess server = await StartMutualAsync(data);
                Assert.DoesNotContain("plain TCP listening", server.Output);
                Assert.Contains("plain TCP off: --require-client-cert protects devices only on TLS (add --allow-plain to serve it anyway)", server.Output);
            }
            finally
            {
                if (Directory.Exists(data))
                {
                    Directory.Delete(data, recursive: true);
                }
            }
        }

        private static Task<ServerProcess> StartMutualAsync(string data, params string[] more)
        {
            string[] args =
            {
                "--bind", "127.0.0.1", "--plain-port", "0", "--tls-port", "0", "--data", data,
                "--cert", TestPki.Shared.ServerCertificatePath, "--key", TestPki.Shared.ServerKeyPath,
                "--require-client-cert", "--client-ca", TestPki.Shared.CaPath,
            };
            return ServerProcess.StartAsync(args.Concat(more).ToArray());
        }
    }
}
