using System.Linq;
using System.Threading;
using WwepDevice.Core.Settings;
using Xunit;

namespace WwepEndToEnd.Tests
{
    /// <summary>Presses reach the real server's register 05, also when the server is down, killed or restarted.</summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class DeliveryTests
    {
        private readonly CraftedPki _pki;

        /// <summary>Gets the shared PKI.</summary>
        /// <param name="pki">The crafted certificates.</param>
        public DeliveryTests(CraftedPki pki)
        {
            _pki = pki;
        }

        /// <summary>A plain press stores ON; a raw read over plain TCP returns it.</summary>
        [Fact]
        public void PlainPressIsStoredAndReadsBack()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer);
            using DeviceUnderTest device = new DeviceUnderTest(DeviceUnderTest.Settings(LinkMode.Plain, server.PlainPort, server.TlsPort), null);

            bool settled = device.PressAndSettle();

            Expect.NoCrash(device, settled, server);
            Expect.Printed(device, "[WWEP] LED ON stored on the server (plain, attempt 1)");
            Assert.Equal("A02E8050001", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
        }

        /// <summary>TLS presses are stored, and none goes out in the clear: the plain port sees no connection and the server served TLS only.</summary>
        [Fact]
        public void TlsPressesAreStoredAndNothingGoesInTheClear()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer);
            using PlainPortSentinel plain = new PlainPortSentinel();
            using DeviceUnderTest device = new DeviceUnderTest(DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort), DeviceUnderTest.Credentials(_pki.ProjectCa));

            bool first = device.PressAndSettle();
            Assert.Equal("A02E8050001", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
            bool second = device.PressAndSettle();

            Expect.NoCrash(device, first && second, server);
            Expect.Printed(device, "[WWEP] LED ON stored on the server (TLS, attempt 1)");
            Expect.Printed(device, "[WWEP] LED OFF stored on the server (TLS, attempt 1)");
            Assert.Equal("A02E8050000", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
            Assert.Equal(0, plain.Connections);
            string[] writes = server.TransactionsContaining(" W02E805", 2);
            Assert.Equal(2, writes.Length);
            Assert.All(writes, t => Assert.Contains(" TLS ", t));
        }

        /// <summary>Seven presses in a row (TLS) collapse into few sends; the server ends with the final state, ON.</summary>
        [Fact]
        public void RapidPressesEndWithTheFinalState()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer);
            using PlainPortSentinel plain = new PlainPortSentinel();
            using DeviceUnderTest device = new DeviceUnderTest(DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort), DeviceUnderTest.Credentials(_pki.ProjectCa));

            for (int i = 0; i < 7; i++)
            {
                device.Press();
            }

            bool settled = device.Settle();

            Expect.NoCrash(device, settled, server);
            Assert.True(device.Controller.LedOn);
            Assert.True(device.AllDelivered, device.Transcript);
            Assert.Equal(7, device.Controller.Presses);
            Assert.InRange(device.Controller.Sends, 1, 7);
            Assert.EndsWith("[WWEP] LED ON stored on the server (TLS, attempt 1)", device.BoardLines.Last());
            Assert.Equal("A02E8050001", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
            Assert.Equal(0, plain.Connections);
        }

        /// <summary>
        /// The server is down at the first presses: each attempt prints the refused-connection line and backs off;
        /// once the server is up, the newest state (ON after three presses) arrives.
        /// </summary>
        [Fact]
        public void ServerDownAtStartThenUpGetsTheNewestState()
        {
            using WwepServerProcess server = new WwepServerProcess();
            using PlainPortSentinel plain = new PlainPortSentinel();
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort);
            settings.MaxAttempts = 30;
            settings.InitialBackoffMilliseconds = 100;
            settings.MaxBackoffMilliseconds = 400;
            using DeviceUnderTest device = new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa));

            device.Press();
            device.Press();
            device.Press();
            Thread.Sleep(300);
            server.Start(_pki.ProjectServer);
            bool settled = device.Settle();

            Expect.NoCrash(device, settled, server);
            string refused = "[WWEP] WARN  cannot connect to 127.0.0.1:" + server.TlsPort.ToString() + " (refused or unreachable; the firmware's code 10061 may be stale): is the WWEP server running and listening on that port? (attempt 1 of 30, retrying in ";
            Assert.Contains(device.BoardLines, line => line.StartsWith(refused, System.StringComparison.Ordinal));
            Assert.Matches(@"^\[WWEP\] LED ON stored on the server \(TLS, attempt ([2-9]|[12][0-9]|30)\)$", device.BoardLines.Last());
            Assert.True(device.AllDelivered, device.Transcript);
            Assert.Equal("A02E8050001", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
            Assert.Equal(0, plain.Connections);
        }

        /// <summary>
        /// The server is killed mid-run; a press while it is gone keeps retrying; the server restarts on the same ports
        /// and data folder and receives the newest state (OFF), while the earlier ON had survived on disk.
        /// </summary>
        [Fact]
        public void ServerKilledAndRestartedReceivesTheNewestState()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer);
            using PlainPortSentinel plain = new PlainPortSentinel();
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort);
            settings.MaxAttempts = 30;
            settings.InitialBackoffMilliseconds = 100;
            settings.MaxBackoffMilliseconds = 400;
            using DeviceUnderTest device = new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa));
            bool first = device.PressAndSettle();
            Assert.Equal("A02E8050001", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));

            server.Kill();
            device.Press();
            Thread.Sleep(300);
            server.Start(_pki.ProjectServer);
            bool second = device.Settle();

            Expect.NoCrash(device, first && second, server);
            Expect.Printed(device, "[WWEP] LED ON stored on the server (TLS, attempt 1)");
            Assert.Contains(device.BoardLines, line => line.StartsWith("[WWEP] WARN  cannot connect to 127.0.0.1:" + server.TlsPort.ToString() + " (refused or unreachable; the firmware's code 10061 may be stale): is the WWEP server running and listening on that port? (attempt 1 of 30, retrying in ", System.StringComparison.Ordinal));
            Assert.Matches(@"^\[WWEP\] LED OFF stored on the server \(TLS, attempt ([2-9]|[12][0-9]|30)\)$", device.BoardLines.Last());
            Assert.Equal("A02E8050000", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
            Assert.Equal(0, plain.Connections);
        }
    }
}
