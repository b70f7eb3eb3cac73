using System.Collections;
using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Settings;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    // Sources: System.Net NetworkHelper/NetworkHelperStatus.cs (the status values); System.Device.Wifi
    // WifiNetworkHelper.cs v1.5.147 (ConnectDhcp calls Disconnect() and StoreWifiConfiguration -> SaveConfiguration() on
    // every call); every helper call, Reconnect too, writes flash: Reconnect -> NetworkHelper.SetupHelper ->
    // NetworkHelperInternal.InternalSetupHelper -> NetworkInterface.EnableDhcp -> UpdateConfiguration (System.Net
    // v1.11.54) -> ESP32 ConfigurationManager_UpdateConfigurationBlock -> StoreConfigBlock (nf-interpreter a3e8139a,
    // targets/ESP32/_common/targetHAL_ConfigurationManager.cpp); the station rejoins by itself, esp_wifi_connect() on
    // every STA_DISCONNECTED while NF_ESP32_IsToConnect (targetHAL_Network.cpp, targets/ESP32/_Network/
    // NF_ESP32_Wireless.cpp); NetworkAvailabilityChanged(false) on every STA_DISCONNECTED, SNTP only from pool.ntp.org.
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
            }, NoAddress, delegate(bool up) { }, new FakeSignal(), new RecordingLog());
            for (int step = 0; step < 10000 && asked.Count < 3; step++)
            {
                link.Step();
            }

            Assert.AreEqual(3, asked.Count);
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
            }, NoAddress, delegate(bool up) { }, new FakeSignal(), log);
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
            Assert.AreEqual("Wi-Fi join failed (TokenExpiredWaitingIPAddress): no IP address within 60 s: check WifiSsid/WifiPassword, that the access point is 2.4 GHz and in range, and that it gives out addresses (DHCP); the station keeps trying by itself, the board watches for its address (next helper call in 5 min)", log.Line(1));
            Assert.IsFalse(link.Step());
            Assert.AreEqual(WifiLink.StationPollMilliseconds, pause.WaitMilliseconds(0));
        }

        [TestMethod]
        public void TheHelpersExceptionIsEvidence()
        {
            RecordingLog log = new RecordingLog();
            WifiLink link = NewLink(new WwepSettings(), Joins(new WifiJoinResult(false, string.Empty, 7, "no stored configuration")), new ArrayList(), new FakeSignal(), log);
            link.Step();
            Assert.AreEqual("Wi-Fi join failed (ExceptionOccurred, no stored configuration): no credentials stored on the board? run nf-build/configure --port <serial>; the station keeps trying by itself, the board watches for its address (next helper call in 5 min)", log.Line(1));
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
        public void ALossIsLeftToTheStationsOwnReconnect()
        {
            ArrayList changes = new ArrayList();
            RecordingLog log = new RecordingLog();
            FakeSignal wake = new FakeSignal();
            int joins = 0;
            int polls = 0;
            WifiLink link = null;
            wake.DuringWait = delegate(int wait)
            {
                if (wait == 1)
                {
                    link.OnAvailabilityChanged(false, "0.0.0.0");
                }
            };
            link = new WifiLink(Settings("class-ap"), delegate(bool withSettings, int timeout)
            {
                joins++;
                return new WifiJoinResult(true, "192.168.4.7", 2, string.Empty);
            }, delegate
            {
                // The access point comes back after three polls: the station found it again by itself.
                polls++;
                return polls < 3 ? "0.0.0.0" : "192.168.4.9";
            }, delegate(bool up) { changes.Add(up); }, wake, log);
            Assert.IsTrue(link.Step());
            Assert.IsFalse(link.Step());
            Assert.IsFalse(link.Step());
            wake.DuringWait = delegate(int wait) { if (wait == 5) { link.OnAvailabilityChanged(false, "0.0.0.0"); } };
            Assert.IsTrue(link.Step());
            Assert.AreEqual(1, joins, "no helper call, so no flash write, for a rejoin the station did itself");
            Assert.AreEqual(4, changes.Count);
            Assert.AreEqual(true, (bool)changes[2]);
            Assert.AreEqual(1, log.CountContaining("Wi-Fi up, address 192.168.4.9 (the station rejoined by itself)"));
        }

        [TestMethod]
        public void TheHelperIsCalledAgainOnlyAfterTheStationHadItsInterval()
        {
            FakeSignal wake = new FakeSignal();
            WifiLink link = NewLink(Settings("class-ap"), Joins(new WifiJoinResult(false, "0.0.0.0", 4, string.Empty)), new ArrayList(), wake, new RecordingLog());
            link.Step();
            int pollsBeforeSecondCall = 0;
            while (link.HelperCalls == 1 && pollsBeforeSecondCall < 1000)
            {
                link.Step();
                pollsBeforeSecondCall++;
            }

            // The second call is the step after the interval: 30 polls of 10 s make the 5 minutes.
            Assert.AreEqual(WifiLink.FirstHelperIntervalMilliseconds / WifiLink.StationPollMilliseconds + 1, pollsBeforeSecondCall);
            Assert.AreEqual(2, link.HelperCalls);
        }

        [TestMethod]
        public void AWeekendWithoutTheAccessPointRewritesFlashAFewDozenTimes()
        {
            // Before: a helper call every 70 s (60 s join, 10 s pause), about 2,500 over a weekend.
            WifiLink link = NewLink(Settings("class-ap"), Joins(new WifiJoinResult(false, "0.0.0.0", 4, string.Empty)), new ArrayList(), new FakeSignal(), new RecordingLog());
            int polls = 60 * 60 * 60 / (WifiLink.StationPollMilliseconds / 1000);
            for (int i = 0; i < polls; i++)
            {
                link.Step();
            }

            // 5 + 10 + 20 + 40 minutes, then one an hour: 63 calls in 60 hours.
            Assert.IsTrue(link.HelperCalls >= 55 && link.HelperCalls <= 70, link.HelperCalls.ToString() + " helper calls");
        }

        [TestMethod]
        public void TheHelperIntervalGrowsThenStartsAgainOnceUp()
        {
            RecordingLog log = new RecordingLog();
            int calls = 0;
            FakeSignal wake = new FakeSignal();
            WifiLink link = null;
            link = new WifiLink(Settings("class-ap"), delegate(bool withSettings, int timeout)
            {
                calls++;
                return calls < 3 ? new WifiJoinResult(false, "0.0.0.0", 4, string.Empty) : new WifiJoinResult(true, "192.168.4.7", 2, string.Empty);
            }, NoAddress, delegate(bool up) { }, wake, log);
            wake.DuringWait = delegate(int wait) { if (calls == 3) { link.OnAvailabilityChanged(false, "0.0.0.0"); } };
            for (int i = 0; i < 1000 && calls < 3; i++)
            {
                link.Step();
            }

            Assert.AreEqual(1, log.CountContaining("(next helper call in 5 min)"));
            Assert.AreEqual(1, log.CountContaining("(next helper call in 10 min)"));
            Assert.AreEqual(1, log.CountContaining("the helper, which rewrites the network settings in flash, only after 5 min"), "once up, the interval starts again at 5 minutes");
        }

        [TestMethod]
        public void AReturnedAddressEndsThePollAtOnce()
        {
            FakeSignal wake = new FakeSignal();
            WifiLink link = NewLink(Settings("class-ap"), Joins(new WifiJoinResult(false, "0.0.0.0", 4, string.Empty)), new ArrayList(), wake, new RecordingLog());
            link.Step();
            Assert.IsFalse(link.OnAvailabilityChanged(true, "192.168.4.9"));
            Assert.AreEqual(1, wake.Sets, "the waiting poll reads the address now, not after 10 s");
            Assert.IsFalse(link.OnAvailabilityChanged(true, "0.0.0.0"));
            Assert.AreEqual(1, wake.Sets, "an event without an address wakes nobody");
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
            return new WifiLink(settings, join, NoAddress, delegate(bool up) { changes.Add(up); }, wake, log);
        }

        private static string NoAddress()
        {
            return "0.0.0.0";
        }
    }
}
