using System.Collections;
using nanoFramework.TestFramework;
using WwepDevice.Core;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    // Sources: System.Net NetworkHelper/NetworkHelperStatus.cs (the status values); System.Device.Wifi
    // WifiNetworkHelper.cs (ConnectDhcp calls Disconnect() and StoreWifiConfiguration -> SaveConfiguration() on every
    // call; Reconnect only waits for the stored network); nf-interpreter targets/ESP32/_common/targetHAL_Network.cpp
    // (NetworkAvailabilityChanged(false) on every STA_DISCONNECTED, SNTP only from pool.ntp.org).
    [TestClass]
    public class WifiLinkTests
    {
        [TestMethod]
        public void AnAddressIsEnoughEvenWhenTheHelperWaitedForTheClock()
        {
            ArrayList changes = new ArrayList();
            FakeSignal wake = new FakeSignal();
            WifiLink link = null;
            wake.DuringWait = delegate(int wait) { link.OnAvailabilityChanged(false, "0.0.0.0"); };
            link = NewLink(Settings("class-ap"), Joins(new WifiJoinResult(false, "192.168.4.7", 5, string.Empty)), changes, wake, new RecordingLog());
            link.Step();
            Assert.AreEqual(true, (bool)changes[0], "plain mode must work on an access point without internet");
        }

        [TestMethod]
        public void SettingsCredentialsAreWrittenOnlyByTheFirstJoin()
        {
            ArrayList asked = new ArrayList();
            WifiLink link = new WifiLink(Settings("class-ap"), delegate(bool withSettings, int timeout)
            {
                asked.Add(withSettings);
                return new WifiJoinResult(false, "0.0.0.0", 4, string.Empty);
            }, delegate(bool up) { }, new FakeSignal(), new RecordingLog());
            link.Step();
            link.Step();
            link.Step();
            Assert.AreEqual(true, (bool)asked[0]);
            Assert.AreEqual(false, (bool)asked[1], "ConnectDhcp rewrites flash on every call: rejoin with the stored credentials");
            Assert.AreEqual(false, (bool)asked[2]);
        }

        [TestMethod]
        public void WithoutSsidTheStoredCredentialsAreUsed()
        {
            ArrayList asked = new ArrayList();
            RecordingLog log = new RecordingLog();
            WifiLink link = new WifiLink(new WwepSettings(), delegate(bool withSettings, int timeout)
            {
                asked.Add(withSettings);
                return new WifiJoinResult(false, string.Empty, 4, string.Empty);
            }, delegate(bool up) { }, new FakeSignal(), log);
            link.Step();
            Assert.AreEqual(false, (bool)asked[0]);
            Assert.AreEqual("joining Wi-Fi with the credentials stored on the board", log.Line(0));
        }

        [TestMethod]
        public void AFailedJoinNamesTheStatusNotItsNumber()
        {
            RecordingLog log = new RecordingLog();
            FakeSignal pause = new FakeSignal();
            WifiLink link = NewLink(Settings("class-ap"), Joins(new WifiJoinResult(false, "0.0.0.0", 4, string.Empty)), new ArrayList(), pause, log);
            Assert.IsFalse(link.Step());
            Assert.AreEqual("Wi-Fi join failed (TokenExpiredWaitingIPAddress): no IP address within 60 s: check WifiSsid/WifiPassword, that the access point is 2.4 GHz and in range, and that it gives out addresses (DHCP); retrying in 10 s", log.Line(1));
            Assert.AreEqual(WifiLink.RetryPauseMilliseconds, pause.WaitMilliseconds(0));
        }

        [TestMethod]
        public void TheHelpersExceptionIsEvidence()
        {
            RecordingLog log = new RecordingLog();
            WifiLink link = NewLink(new WwepSettings(), Joins(new WifiJoinResult(false, string.Empty, 7, "no stored configuration")), new ArrayList(), new FakeSignal(), log);
            link.Step();
            Assert.AreEqual("Wi-Fi join failed (ExceptionOccurred, no stored configuration): no credentials stored on the board? run nf-build/configure --port <serial>; retrying in 10 s", log.Line(1));
        }

        [DataRow(0, "None")]
        [DataRow(2, "NetworkIsReady")]
        [DataRow(3, "FailedNoNetworkInterface")]
        [DataRow(6, "ErrorConnetingToWiFiWhileScanning")]
        [DataRow(8, "Reconnecting")]
        [DataRow(42, "status 42")]
        public void StatusNamesFollowNetworkHelperStatus(int status, string name)
        {
            Assert.AreEqual(name, WifiLink.StatusName(status));
        }

        [TestMethod]
        public void ADisconnectEventWhileTheAddressStaysIsNotALoss()
        {
            ArrayList changes = new ArrayList();
            FakeSignal wake = new FakeSignal();
            RecordingLog log = new RecordingLog();
            WifiLink link = null;
            wake.DuringWait = delegate(int wait)
            {
                // First wait: the helper's own Disconnect() raised availability-false, the address is still there.
                // Second wait: the address is gone: a real loss.
                link.OnAvailabilityChanged(false, wait == 1 ? "192.168.4.7" : "0.0.0.0");
            };
            link = NewLink(Settings("class-ap"), Joins(new WifiJoinResult(true, "192.168.4.7", 2, string.Empty)), changes, wake, log);
            Assert.IsTrue(link.Step());
            Assert.AreEqual(2, wake.WaitCount, "the first event did not end the wait");
            Assert.AreEqual(1, link.IgnoredDisconnects);
            Assert.AreEqual(2, changes.Count);
            Assert.AreEqual(false, (bool)changes[1]);
            Assert.AreEqual(1, log.CountContaining("Wi-Fi lost"));
        }

        [TestMethod]
        public void AnEventFromBeforeTheJoinDoesNotEndTheNextWait()
        {
            ArrayList changes = new ArrayList();
            FakeSignal wake = new FakeSignal();
            WifiLink link = null;
            wake.DuringWait = delegate(int wait)
            {
                if (wait == 2)
                {
                    link.OnAvailabilityChanged(false, "0.0.0.0");
                }
            };
            link = NewLink(Settings("class-ap"), Joins(new WifiJoinResult(true, "192.168.4.7", 2, string.Empty)), changes, wake, new RecordingLog());

            // A failed automatic reconnect before the helper returned: not up yet, so nothing to lose.
            Assert.IsFalse(link.OnAvailabilityChanged(false, "0.0.0.0"));
            link.Step();
            Assert.AreEqual(2, wake.WaitCount, "only the loss during the wait ended it");
        }

        [TestMethod]
        public void AddressRulesMatchThePlatformsReport()
        {
            Assert.IsFalse(WifiLink.HasAddress("0.0.0.0"));
            Assert.IsFalse(WifiLink.HasAddress(string.Empty));
            Assert.IsFalse(WifiLink.HasAddress(null));
            Assert.IsTrue(WifiLink.HasAddress("10.0.0.5"));
        }

        private static WwepSettings Settings(string ssid)
        {
            WwepSettings settings = new WwepSettings();
            settings.WifiSsid = ssid;
            settings.WifiPassword = "not-a-real-password";
            return settings;
        }

        private static WifiJoin Joins(WifiJoinResult result)
        {
            return delegate(bool withSettings, int timeout) { return result; };
        }

        private static WifiLink NewLink(WwepSettings settings, WifiJoin join, ArrayList changes, FakeSignal wake, RecordingLog log)
        {
            return new WifiLink(settings, join, delegate(bool up) { changes.Add(up); }, wake, log);
        }
    }
}
