using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace WwepServer.Tests
{
    /// <summary>
    /// The server with the repository's own TEST ONLY PKI (certs/, made by the certificate tool) and no certificate
    /// options at all: the default paths, the server certificate and the device certificate (CN=02E8) fit together.
    /// </summary>
    public sealed class RepositoryCertificateTests
    {
        private readonly ITestOutputHelper _output;

        public RepositoryCertificateTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task TheDefaultCertificatesFromCertsServeMutualTlsWithTheDeviceCertificate()
        {
            string? root = RepositoryRoot.Find(AppContext.BaseDirectory);
            string certs = Path.Combine(root ?? string.Empty, "certs");
            string[] needed = { "ca.crt.pem", "server.crt.pem", "server.key.pem", "device.crt.pem", "device.key.pem" };
            foreach (string file in needed)
            {
                if (root == null || !File.Exists(Path.Combine(certs, file)))
                {
                    // xunit 2 has no dynamic skip: say clearly why this test checked nothing.
                    _output.WriteLine("SKIPPED: certs/" + file + " is missing; create the test PKI with: dotnet run --project certs/tool -- init (then server, device)");
                    return;
                }
            }

            string data = TestServer.NewDataFolder();
            try
            {
                using ServerProcess server = await ServerProcess.StartInAsync(root!, "--bind", "127.0.0.1", "--plain-port", "0", "--tls-port", "0", "--require-client-cert", "--data", data);
                Assert.Contains("certificate file: " + Path.Combine(certs, "server.crt.pem"), server.Output);

                using X509Certificate2 ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(certs, "ca.crt.pem")));
                using X509Certificate2 device = X509Certificate2.CreateFromPemFile(Path.Combine(certs, "device.crt.pem"), Path.Combine(certs, "device.key.pem"));
                string deviceId = device.GetNameInfo(X509NameType.SimpleName, false);

                Assert.Equal("A" + deviceId + "050001", await Exchange(server, "W" + deviceId + "050001", device, ca));
                Assert.Equal("X", await Exchange(server, "W0FAC050001", device, ca));
                Assert.Equal("A" + deviceId + "050001", await Exchange(server, "R" + deviceId + "05", device, ca));
                Assert.Contains("plain TCP off: --require-client-cert", server.Output);
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        private static Task<string> Exchange(ServerProcess server, string request, X509Certificate2 device, X509Certificate2 ca)
        {
            return WwepTestClient.ExchangeAsync(server.Tls, true, new[] { System.Text.Encoding.ASCII.GetBytes(request) }, TimeSpan.Zero, halfClose: false, device, trustedCa: ca);
        }
    }
}
