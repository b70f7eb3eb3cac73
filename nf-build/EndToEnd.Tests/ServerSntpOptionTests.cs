using System;
using System.Linq;
using Xunit;

namespace WwepEndToEnd.Tests
{
    /// <summary>The server process helper passes <c>--sntp-port</c>: off by default, on a free port when asked.</summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class ServerSntpOptionTests
    {
        private readonly CraftedPki _pki;

        /// <summary>Gets the shared PKI.</summary>
        /// <param name="pki">The crafted certificates.</param>
        public ServerSntpOptionTests(CraftedPki pki)
        {
            _pki = pki;
        }

        /// <summary>By default no SNTP (nothing tries port 123); with SntpPort set the server says it serves time there.</summary>
        [Fact]
        public void SntpIsOffUnlessAPortIsGiven()
        {
            using (WwepServerProcess quiet = new WwepServerProcess())
            {
                quiet.Start(_pki.ProjectServer);
                Assert.Contains(quiet.Lines, line => line.Trim() == "SNTP off (--sntp-port 0)");
            }

            using WwepServerProcess server = new WwepServerProcess { SntpPort = FreePort.Next() };
            server.Start(_pki.ProjectServer);
            Assert.Contains(server.Lines, line => line.Contains("SNTP time served on UDP 127.0.0.1:" + server.SntpPort.ToString(), StringComparison.Ordinal));
        }
    }
}
