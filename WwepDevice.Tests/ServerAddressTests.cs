using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Settings;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    // Dns.GetHostEntry on ESP32 is lwIP's blocking getaddrinfo (nf-interpreter src/DeviceInterfaces/System.Net,
    // sys_net_native_System_Net_Dns.cpp; nanoframework.md "Network behaviour on ESP32"): every managed thread waits,
    // so the cache must look the name up once per network-up and never per retry.
    [TestClass]
    public class ServerAddressTests
    {
        [TestMethod]
        public void ResolvedNameIsUsed()
        {
            RecordingLog log = new RecordingLog();
            ServerAddressCache cache = new ServerAddressCache(new WwepSettings(), delegate(string host) { return new string[] { "192.168.4.2" }; }, FakeClock.Synced(), log);
            Assert.AreEqual("192.168.4.2", cache.Resolve());
            Assert.AreEqual(0, log.Count);
        }

        [TestMethod]
        public void UnresolvedNameFallsBackToTheConfiguredIp()
        {
            WwepSettings settings = new WwepSettings();
            settings.ServerFallbackIp = "192.168.4.9";
            RecordingLog log = new RecordingLog();
            ServerAddressCache cache = new ServerAddressCache(settings, delegate(string host) { throw new Exception("no such host"); }, FakeClock.Synced(), log);
            Assert.AreEqual("192.168.4.9", cache.Resolve());
            Assert.AreEqual("cannot resolve server name 'wwep.local': using ServerFallbackIp 192.168.4.9", log.Line(0));
        }

        [TestMethod]
        public void UnresolvedNameWithoutFallbackIsAClearError()
        {
            ServerAddressCache cache = new ServerAddressCache(new WwepSettings(), delegate(string host) { return new string[0]; }, FakeClock.Synced(), new RecordingLog());
            try
            {
                cache.Resolve();
                Assert.IsTrue(false, "must throw");
            }
            catch (WwepTransportException ex)
            {
                Assert.AreEqual((int)TransportFailure.NameNotResolved, (int)ex.Failure);
                Assert.AreEqual("cannot resolve server name 'wwep.local' and no ServerFallbackIp is set: fix the name or set ServerFallbackIp", ex.Message);
            }
        }

        [TestMethod]
        public void AnIpHostNeedsNoLookup()
        {
            WwepSettings settings = new WwepSettings();
            settings.ServerHost = "10.1.2.3";
            ServerAddressCache cache = new ServerAddressCache(settings, delegate(string host) { throw new Exception("must not be called"); }, FakeClock.Synced(), new RecordingLog());
            Assert.AreEqual("10.1.2.3", cache.Resolve());
            Assert.AreEqual(0, cache.Lookups);
        }

        [TestMethod]
        public void TheFirstIPv4AnswerIsTaken()
        {
            ServerAddressCache cache = new ServerAddressCache(new WwepSettings(), delegate(string host) { return new string[] { "fe80::1", "10.9.8.7" }; }, FakeClock.Synced(), new RecordingLog());
            Assert.AreEqual("10.9.8.7", cache.Resolve());
        }

        [TestMethod]
        public void AFoundAddressIsLookedUpOncePerNetworkUp()
        {
            int[] calls = new int[1];
            ServerAddressCache cache = new ServerAddressCache(new WwepSettings(), delegate(string host) { calls[0]++; return new string[] { "192.168.4.2" }; }, FakeClock.Synced(), new RecordingLog());
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual("192.168.4.2", cache.Resolve());
            }

            Assert.AreEqual(1, calls[0]);
            cache.Forget();
            cache.Resolve();
            Assert.AreEqual(2, calls[0], "a new network-up looks the name up again");
        }

        [TestMethod]
        public void AfterOneFailureEveryRetryGoesToTheFallbackWithoutALookup()
        {
            WwepSettings settings = new WwepSettings();
            settings.ServerFallbackIp = "192.168.4.9";
            int[] calls = new int[1];
            RecordingLog log = new RecordingLog();
            ServerAddressCache cache = new ServerAddressCache(settings, delegate(string host) { calls[0]++; throw new Exception("timeout"); }, FakeClock.Synced(), log);
            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual("192.168.4.9", cache.Resolve());
            }

            Assert.AreEqual(1, calls[0]);
            Assert.AreEqual(1, log.Count, "the fallback is announced once");
        }

        [TestMethod]
        public void WithoutFallbackAFailedNameIsRetriedOnlyAfterTheInterval()
        {
            FakeClock clock = FakeClock.Synced();
            int[] calls = new int[1];
            ServerAddressCache cache = new ServerAddressCache(new WwepSettings(), delegate(string host) { calls[0]++; return new string[0]; }, clock, new RecordingLog());
            for (int i = 0; i < 3; i++)
            {
                Assert.ThrowsException(typeof(WwepTransportException), delegate { cache.Resolve(); });
            }

            Assert.AreEqual(1, calls[0]);
            clock.UtcNow = clock.UtcNow.AddMilliseconds(ServerAddressCache.RelookupAfterFailureMilliseconds);
            Assert.ThrowsException(typeof(WwepTransportException), delegate { cache.Resolve(); });
            Assert.AreEqual(2, calls[0]);
        }
    }
}
