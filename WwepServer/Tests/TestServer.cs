using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;

namespace WwepServer.Tests
{
    /// <summary>
    /// A real server in this process on 127.0.0.1 with free ports, a fresh data folder (unless one is given) and
    /// captured logs.
    /// </summary>
    public sealed class TestServer : IAsyncDisposable
    {
        private readonly bool _ownsDataFolder;

        private TestServer(WwepServerHost host, ServerOptions options, CapturedLog log, CapturedText transactions, bool ownsDataFolder)
        {
            Host = host;
            Options = options;
            Log = log;
            Transactions = transactions;
            _ownsDataFolder = ownsDataFolder;
        }

        /// <summary>The server.</summary>
        public WwepServerHost Host { get; }

        /// <summary>Its settings.</summary>
        public ServerOptions Options { get; }

        /// <summary>Its structured log.</summary>
        public CapturedLog Log { get; }

        /// <summary>Its transaction lines.</summary>
        public CapturedText Transactions { get; }

        /// <summary>The plain port.</summary>
        public IPEndPoint Plain
        {
            get { return Host.PlainEndPoint!; }
        }

        /// <summary>The TLS port.</summary>
        public IPEndPoint Tls
        {
            get { return Host.TlsEndPoint; }
        }

        /// <summary>Starts a server.</summary>
        /// <param name="pki">Certificates (default: the shared test PKI).</param>
        /// <param name="dataFolder">Data folder to use (kept afterwards), or null for a fresh one (deleted afterwards).</param>
        /// <param name="configure">Changes to the settings.</param>
        /// <returns>The running server.</returns>
        public static TestServer Start(TestPki? pki = null, string? dataFolder = null, Action<ServerOptions>? configure = null)
        {
            pki ??= TestPki.Shared;
            bool ownsDataFolder = dataFolder == null;
            var options = new ServerOptions
            {
                PlainPort = 0,
                TlsPort = 0,
                BindAddress = IPAddress.Loopback,
                CertificatePath = pki.ServerCertificatePath,
                KeyPath = pki.ServerKeyPath,
                ClientCaPath = pki.CaPath,
                DataDirectory = dataFolder ?? NewDataFolder(),
                SntpPort = 0, // port 123 needs root; the SNTP tests choose a free port
                WebPort = 0,  // 8080 may be taken; the web view tests choose a free port
                MdnsEnabled = false, // the mDNS tests turn it on
            };
            configure?.Invoke(options);
            var log = new CapturedLog();
            var transactions = new CapturedText();
            WwepServerHost host;
            try
            {
                host = WwepServerHost.Start(options, log.CreateFactory(), transactions);
            }
            catch when (ownsDataFolder)
            {
                // A start that fails (the tests of startup errors) must not leave its fresh folder behind.
                if (Directory.Exists(options.DataDirectory))
                {
                    Directory.Delete(options.DataDirectory, recursive: true);
                }

                throw;
            }

            return new TestServer(host, options, log, transactions, ownsDataFolder);
        }

        /// <summary>A new, empty folder under the temp folder.</summary>
        /// <returns>Its path.</returns>
        public static string NewDataFolder()
        {
            return Path.Combine(Path.GetTempPath(), "wwep-test-data-" + Guid.NewGuid().ToString("N"));
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            if (_ownsDataFolder)
            {
                Directory.Delete(Options.DataDirectory, recursive: true);
            }
        }
    }
}
