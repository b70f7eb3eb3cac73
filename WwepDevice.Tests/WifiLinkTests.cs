using System.Collections;
using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    // Sources: System.Net NetworkHelper/NetworkHelperStatus.cs (the status values); System.Device.Wifi
    // WifiNetworkHelper.cs v1.5.147 (ConnectDhcp stores the credentials with SaveConfiguration(); Reconnect only waits:
    // NetworkHelper.InternalWaitNetworkAvailable(setupEvents: false) -> SetupHelper(false) ->
    // NetworkHelperInternal.InternalSetupHelper with _workingNetworkInterface = Ethernet, never assigned, System.Net
    // v1.11.54 NetworkHelper.cs 26 and 346); the station rejoins by itself, esp_wifi_connect() on every
    // STA_DISCONNECTED while NF_ESP32_IsToConnect; availability(true) at STA_CONNECTED before DHCP, the address only
    // with NetworkAddressChanged at IP_EVENT_STA_GOT_IP, availability(false) on every STA_DISCONNECTED
    // (nf-interpreter targets/ESP32/_common/targetHAL_Network.cpp at 3367392a and a3e8139a).
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
        public void OnlyTheFirstJoinCallsTheHelper()
        {
            ArrayList asked = new ArrayList();
            WifiLink link = new WifiLink(Settings("class-ap"), delegate(bool withSettings, int timeout)
            {
                asked.Add(withSettings);
                return new WifiJoinResult(false, "0.0.0.0", 4, string.Empty);
            }, NoAddress, delegate(bool up) { }, new FakeSignal(), new RecordingLog());
            for (int step = 0; step < 2000; step++)
            {
                link.Step();
            }

            Assert.AreEqual(1, asked.Count, "Reconnect does nothing on ESP32: the station rejoins by itself");
            Assert.AreEqual(true, (bool)asked[0]);
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
            Assert.AreEqual("Wi-Fi join failed (TokenExpiredWaitingIPAddress): no IP address within 60 s: check WifiSsid/WifiPassword, that the access point is 2.4 GHz and in range, and that it gives out addresses (DHCP); the station keeps trying by itself, the board watches for its address", log.Line(1));
            Assert.IsFalse(link.Step());
            Assert.AreEqual(WifiLink.StationPollMilliseconds, pause.WaitMilliseconds(0));
        }

        [TestMethod]
        public void TheHelpersExceptionIsEvidence()
        {
            RecordingLog log = new RecordingLog();
            WifiLink link = NewLink(new WwepSettings(), Joins(new WifiJoinResult(false, string.Empty, 7, "no stored configuration")), new ArrayList(), new FakeSignal(), log);
            link.Step();
            Assert.AreEqual("Wi-Fi join failed (ExceptionOccurred, no stored configuration): no credentials stored on the board? run nf-build/configure --port <serial>; the station keeps trying by itself, the board watches for its address", log.Line(1));
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
            Assert.AreEqual(1, joins, "no helper call for a rejoin the station did itself");
            Assert.AreEqual(4, changes.Count);
            Assert.AreEqual(true, (bool)changes[2]);
            Assert.AreEqual(1, log.CountContaining("Wi-Fi up, address 192.168.4.9 (the station rejoined by itself)"));
        }

        [TestMethod]
        public void TheRejoinIsNoticedAtTheAddressEventInTheEsp32sOrder()
        {
            ArrayList changes = new ArrayList();
            FakeSignal wake = new FakeSignal();
            string station = "192.168.4.7";
            WifiLink link = null;
            wake.DuringWait = delegate(int wait)
            {
                if (wait == 1)
                {
                    // STA_DISCONNECTED: availability(false), the address gone.
                    station = "0.0.0.0";
                    link.OnAvailabilityChanged(false, station);
                }
                else if (wait == 2)
                {
                    // STA_CONNECTED: availability(true) before DHCP, no address yet; then IP_EVENT_STA_GOT_IP.
                    Assert.IsFalse(link.OnAvailabilityChanged(true, station));
                    station = "192.168.4.9";
                    Assert.IsTrue(link.OnAddressChanged(station), "the address event wakes the poll");
                }
                else
                {
                    Assert.IsFalse(link.OnAddressChanged(station), "an address event while up wakes nobody");
                    link.OnAvailabilityChanged(false, "0.0.0.0");
                }
            };
            link = new WifiLink(Settings("class-ap"), Joins(new WifiJoinResult(true, station, 2, string.Empty)), delegate { return station; }, delegate(bool up) { changes.Add(up); }, wake, new RecordingLog());
            Assert.IsTrue(link.Step());
            Assert.AreEqual(1, wake.Sets, "only the loss has woken so far");
            Assert.IsTrue(link.Step(), "up at the address event, then lost again");
            Assert.AreEqual(3, wake.Sets);
            Assert.AreEqual(4, changes.Count);
            Assert.AreEqual(true, (bool)changes[2]);
        }

        [TestMethod]
        public void APressDuringALossIsSentOnceAtTheRejoin()
        {
            // The whole path in the ESP32's order (sources above): the link, the events, the sender. A press while
            // the network is down spends no attempt; availability(true) before DHCP is not the network; the address
            // event is, and the kept state then goes out exactly once.
            WwepSettings settings = Settings("class-ap");
            settings.Mode = LinkMode.Plain;
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050000"), ReplyScript.ReplyThenClose));
            transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose));
            RecordingLog log = new RecordingLog();
            ButtonLedController controller = new ButtonLedController(settings, new FakeLed(), new LedStateSender(transport, FakeClock.Synced(), settings, 0x02E8), new RetryPolicy(5, 500, 15000, new System.Random(1)), new FakeSignal(), log);
            ServerAddressCache cache = new ServerAddressCache(settings, delegate(string host) { return new string[] { "192.168.4.2" }; }, FakeClock.Synced(), new RecordingLog());
            NetworkEvents events = new NetworkEvents(delegate(bool up) { }, cache, null, controller);
            controller.OnNetworkDown();
            string station = "192.168.4.7";
            FakeSignal wake = new FakeSignal();
            WifiLink link = null;
            wake.DuringWait = delegate(int wait)
            {
                controller.ProcessPending();
                if (wait == 1)
                {
                    Assert.AreEqual(1, transport.Connects, "the boot write, while up");
                    station = "0.0.0.0";
                    link.OnAvailabilityChanged(false, station);
                }
                else if (wait == 2)
                {
                    controller.OnButtonPressed(false);
                    controller.ProcessPending();
                    link.OnAvailabilityChanged(true, station);
                    controller.ProcessPending();
                    Assert.AreEqual(1, transport.Connects, "no attempt while down, nor at availability without an address");
                    station = "192.168.4.9";
                    link.OnAddressChanged(station);
                }
                else
                {
                    controller.ProcessPending();
                    link.OnAvailabilityChanged(false, "0.0.0.0");
                }
            };
            link = new WifiLink(settings, Joins(new WifiJoinResult(true, station, 2, string.Empty)), delegate { return station; }, events.OnChanged, wake, new RecordingLog());
            link.Step();
            link.Step();
            Assert.AreEqual(2, transport.Connects, "the kept state went out once");
            Assert.AreEqual(1, log.CountContaining("network is back: sending the undelivered LED state ON"));
            Assert.AreEqual(1, log.CountContaining("LED ON stored on the server"));
            Assert.IsFalse(controller.HasUndelivered);
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
