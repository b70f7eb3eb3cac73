using System.Linq;
using WwepDevice.Core.Settings;
using Xunit;

namespace WwepEndToEnd.Tests
{
    /// <summary>A server name that cannot resolve (the reserved .invalid TLD): the fallback IP is used; without one, a clear error.</summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class NameResolutionTests
    {
        private const string UnresolvableHost = "wwep-e2e.invalid";
        private readonly CraftedPki _pki;

        /// <summary>Gets the shared PKI.</summary>
        /// <param name="pki">The crafted certificates.</param>
        public NameResolutionTests(CraftedPki pki)
        {
            _pki = pki;
        }

        /// <summary>TLS to an unresolvable name with ServerFallbackIp 127.0.0.1: the fallback is announced and the press stored.</summary>
        [Fact]
        public void UnresolvableNameUsesTheFallbackIp()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer);
            using PlainPortSentinel plain = new PlainPortSentinel();
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Tls, plain.Port, server.TlsPort);
            settings.ServerHost = UnresolvableHost;
            settings.ServerFallbackIp = "127.0.0.1";
            using DeviceUnderTest device = new DeviceUnderTest(settings, DeviceUnderTest.Credentials(_pki.ProjectCa));

            bool settled = device.PressAndSettle();

            Expect.NoCrash(device, settled, server);
            Expect.Printed(device, "[WWEP] WARN  cannot resolve server name 'wwep-e2e.invalid': using ServerFallbackIp 127.0.0.1");
            Assert.Equal("[WWEP] LED ON stored on the server (TLS, attempt 1)", device.BoardLines.Last());
            Assert.Equal("A02E8050001", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
            Assert.Equal(0, plain.Connections);
        }

        /// <summary>Without a fallback: the name error on every attempt, nothing sent; setting the fallback fixes it.</summary>
        [Fact]
        public void UnresolvableNameWithoutFallbackIsAClearError()
        {
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(_pki.ProjectServer);
            WwepSettings settings = DeviceUnderTest.Settings(LinkMode.Plain, server.PlainPort, server.TlsPort);
            settings.ServerHost = UnresolvableHost;
            using DeviceUnderTest device = new DeviceUnderTest(settings, null);

            bool failed = device.PressAndSettle();

            Expect.NoCrash(device, failed, server);
            Expect.Printed(device, "[WWEP] ERROR cannot resolve server name 'wwep-e2e.invalid' and no ServerFallbackIp is set: fix the name or set ServerFallbackIp");
            Expect.Printed(device, "[WWEP] ERROR LED ON not stored after 2 attempts; the next press or the network's return tries again");
            Assert.Equal("X", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));

            // The fix the line names, made in the settings the running device reads on each connect.
            settings.ServerFallbackIp = "127.0.0.1";
            bool fixedRun = device.PressAndSettle();

            Expect.NoCrash(device, fixedRun, server);
            Assert.Equal("[WWEP] LED OFF stored on the server (plain, attempt 1)", device.BoardLines.Last());
            Assert.Equal("A02E8050000", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
        }
    }
}
