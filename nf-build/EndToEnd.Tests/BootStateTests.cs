using System.Linq;
using WwepDevice.Core.Settings;
using Xunit;

namespace WwepEndToEnd.Tests
{
    /// <summary>After a reset the real server and the LED agree: the boot state stored over TLS, or the stored state read and shown.</summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class BootStateTests
    {
        private readonly CraftedPki _pki;

        /// <summary>Gets the shared PKI.</summary>
        /// <param name="pki">The crafted certificates.</param>
        public BootStateTests(CraftedPki pki)
        {
            _pki = pki;
        }

        /// <summary>Once the network is up, the board stores LED OFF over TLS; nothing goes in the clear.</summary>
        [Fact]
        public void TheBootStateIsStoredOnceTheNetworkIsUp()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer);
            using PlainPortSentinel plain = new PlainPortSentinel();
            using DeviceUnderTest device = new DeviceUnderTest(DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort), DeviceUnderTest.Credentials(_pki.ProjectCa));

            device.NetworkUp();
            bool settled = device.Settle();

            Expect.NoCrash(device, settled, server);
            Expect.Printed(device, "[WWEP] boot: storing LED OFF on the server, so that it agrees with the LED (LedAtBoot off)");
            Expect.Printed(device, "[WWEP] LED OFF stored on the server (TLS, attempt 1)");
            Assert.Equal("A02E8050000", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
            Assert.Equal(0, plain.Connections);
        }

        /// <summary>With LedAtBoot restore, a board reset after a press shows the stored ON again, and writes nothing.</summary>
        [Fact]
        public void RestoreShowsTheStateTheServerHolds()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer);
            using (DeviceUnderTest before = new DeviceUnderTest(DeviceUnderTest.Settings(LinkMode.Plain, server.PlainPort, server.TlsPort), null))
            {
                Expect.NoCrash(before, before.PressAndSettle(), server);
            }

            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Tls, server.PlainPort, server.TlsPort);
            settings.LedAtBoot = LedAtBoot.Restore;
            using DeviceUnderTest device = new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa));
            device.NetworkUp();
            bool settled = device.Settle();

            Expect.NoCrash(device, settled, server);
            Expect.Printed(device, "[WWEP] boot: reading the LED state stored on the server (LedAtBoot restore)");
            Expect.Printed(device, "[WWEP] LED ON restored from the server (TLS, attempt 1)");
            Assert.Equal("LED ON", device.Lines.Last(line => line.StartsWith("LED ", System.StringComparison.Ordinal)));
            Assert.True(device.Controller.LedOn);
            Assert.Equal(1, device.Controller.Sends);
            Assert.Single(server.TransactionsContaining(" W02E805", 1));
            Assert.Single(server.TransactionsContaining(" TLS ", 1));
        }

        /// <summary>With LedAtBoot restore and a register never written, the server answers X and the LED stays off.</summary>
        [Fact]
        public void RestoreOfARegisterNeverWrittenLeavesTheLedOff()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer);
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Plain, server.PlainPort, server.TlsPort);
            settings.LedAtBoot = LedAtBoot.Restore;
            using DeviceUnderTest device = new DeviceUnderTest(settings, null);

            device.NetworkUp();
            bool settled = device.Settle();

            Expect.NoCrash(device, settled, server);
            Expect.Printed(device, "[WWEP] the server holds no LED state for this device yet (X: never written): the LED stays off (plain, attempt 1)");
            Assert.False(device.Controller.LedOn);
            Assert.Equal("X", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
        }
    }
}
