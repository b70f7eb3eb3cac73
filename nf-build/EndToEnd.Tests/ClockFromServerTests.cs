using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using WwepDevice.Core.Settings;
using Xunit;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// A classroom without internet: the board's clock is unset (1970) and nothing but the WWEP server's host can
    /// give it the time. The firmware's logic asks WwepServer's SNTP responder, sets the clock, and then stores the
    /// press that TLS could not send before.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class ClockFromServerTests
    {
        private readonly CraftedPki _pki;

        /// <summary>Gets the shared PKI.</summary>
        /// <param name="pki">The crafted certificates.</param>
        public ClockFromServerTests(CraftedPki pki)
        {
            _pki = pki;
        }

        /// <summary>Press at 1970, clock from WwepServer by SNTP, then the same press stored over TLS.</summary>
        [Fact]
        public void AnUnsetClockIsSetFromWwepServerThenThePressIsStoredOverTls()
        {
            using WwepServerProcess server = StartServerWithTime();
            using PlainPortSentinel plain = new PlainPortSentinel();
            using DeviceUnderTest device = DeviceAt1970(server, plain, true);

            bool settled = device.PressAndSettle();
            Expect.NoCrash(device, settled, server);
            Assert.Contains(device.BoardLines, line => line.Contains("failed [not attempted]: clock not set: the device clock says 1970-01-01", StringComparison.Ordinal));
            Assert.Equal("X", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));

            device.NetworkUp();
            Stopwatch waited = Stopwatch.StartNew();
            while (!device.BoardLines.Any(line => line.Contains("LED ON stored on the server (TLS", StringComparison.Ordinal)) && waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                Thread.Sleep(50);
            }

            Assert.True(device.Settle(), device.Transcript);
            string clockLine = Assert.Single(device.BoardLines, line => line.Contains("clock set to ", StringComparison.Ordinal));
            Assert.StartsWith("[WWEP] clock set to " + DateTime.UtcNow.ToString("yyyy-MM-dd"), clockLine);
            Assert.EndsWith(" from the WWEP server 127.0.0.1:" + server.SntpPort.ToString() + " by SNTP (unauthenticated LAN time; TimeFromServer turns it off)", clockLine);
            Assert.True(Math.Abs((device.Clock.UtcNow - DateTime.UtcNow).TotalSeconds) < 5, "device clock " + device.Clock.UtcNow.ToString("o"));
            Assert.Contains("[WWEP] LED ON stored on the server (TLS, attempt 1)", device.BoardLines);
            Assert.Equal("A02E8050001", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
            Assert.Equal(0, plain.Connections);
        }

        /// <summary>With the server's time turned off, the clock stays unset and no SNTP request leaves the device.</summary>
        [Fact]
        public void WithTimeFromServerOffTheClockStaysUnset()
        {
            using WwepServerProcess server = StartServerWithTime();
            using PlainPortSentinel plain = new PlainPortSentinel();
            using DeviceUnderTest device = DeviceAt1970(server, plain, false);

            device.NetworkUp();
            Stopwatch waited = Stopwatch.StartNew();
            while (!device.BoardLines.Any(line => line.Contains("TimeFromServer is off", StringComparison.Ordinal)) && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(50);
            }

            Assert.Contains(device.BoardLines, line => line.Contains("clock not set: no internet time within 0 s and TimeFromServer is off", StringComparison.Ordinal));
            Assert.Equal(1970, device.Clock.UtcNow.Year);
        }

        private WwepServerProcess StartServerWithTime()
        {
            WwepServerProcess server = new WwepServerProcess();
            server.SntpPort = FreePort.Next();
            server.Start(_pki.ProjectServer);
            return server;
        }

        // TLS, the clock at 1970, the server's SNTP port, and no wait for the internet time a test machine cannot give.
        private DeviceUnderTest DeviceAt1970(WwepServerProcess server, PlainPortSentinel plain, bool timeFromServer)
        {
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort);
            settings.SntpPort = server.SntpPort;
            settings.InternetTimeWaitMilliseconds = 0;
            settings.TimeFromServer = timeFromServer;
            return new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa), new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }
    }
}
