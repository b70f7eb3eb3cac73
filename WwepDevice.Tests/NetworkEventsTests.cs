using System;
using System.Collections;
using nanoFramework.TestFramework;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    [TestClass]
    public class NetworkEventsTests
    {
        [TestMethod]
        public void AStateTlsCouldNotSendGoesOutOnceTheClockIsSet()
        {
            FakeClock clock = new FakeClock(new DateTime(1970, 1, 1));
            WwepSettings settings = new WwepSettings();
            settings.MaxAttempts = 1;
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose));
            FakeSignal wake = new FakeSignal();
            ButtonLedController controller = new ButtonLedController(settings, new FakeLed(), new LedStateSender(transport, clock, settings, 0x02E8), new RetryPolicy(1, 10, 10, new Random(1)), wake, new RecordingLog());
            controller.OnButtonPressed(false);
            controller.ProcessPending();
            Assert.AreEqual(0, transport.Connects, "TLS is not attempted with the clock at 1970");
            Assert.IsTrue(controller.HasUndelivered);

            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29, 22, 0, 0));
            ServerAddressCache cache = new ServerAddressCache(settings, delegate(string host) { return new string[] { "192.168.4.2" }; }, clock, new RecordingLog());
            ClockSync sync = new ClockSync(settings, clock, delegate(DateTime utc) { clock.UtcNow = utc; }, server.Exchange, cache, new DateTime(2026, 11, 1), new FakeSignal(), new RecordingLog());
            ArrayList transportStates = new ArrayList();
            NetworkEvents events = new NetworkEvents(delegate(bool up) { transportStates.Add(up); }, cache, sync, controller);
            events.SetClock();

            Assert.IsTrue(controller.HasPending, "the undelivered state is queued again once the clock is set");
            controller.ProcessPending();
            Assert.AreEqual(1, transport.Connects);
            Assert.IsFalse(controller.HasUndelivered);
        }

        [TestMethod]
        public void TheBootWriteWaitsForTheClockWithoutSpendingAttempts()
        {
            // The ESP32's order (nf-interpreter targets/ESP32/_common/targetHAL_Network.cpp, 3367392a and a3e8139a):
            // availability(true) at STA_CONNECTED, then GOT_IP raises NetworkAddressChanged and starts internet SNTP.
            // WifiLink reports the network up at the address; the clock is still 1970 then.
            FakeClock clock = new FakeClock(new DateTime(1970, 1, 1));
            WwepSettings settings = new WwepSettings();
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050000"), ReplyScript.ReplyThenClose));
            RecordingLog log = new RecordingLog();
            ButtonLedController controller = new ButtonLedController(settings, new FakeLed(), new LedStateSender(transport, clock, settings, 0x02E8), new RetryPolicy(5, 500, 15000, new Random(1)), new FakeSignal(), log);
            controller.OnNetworkDown();
            FakeSignal pause = new FakeSignal();
            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29, 22, 0, 0));
            ServerAddressCache cache = new ServerAddressCache(settings, delegate(string host) { return new string[] { "192.168.4.2" }; }, clock, new RecordingLog());
            ClockSync sync = new ClockSync(settings, clock, delegate(DateTime utc) { clock.UtcNow = utc; }, server.Exchange, cache, new DateTime(2026, 11, 1), pause, log);
            NetworkEvents events = new NetworkEvents(delegate(bool up) { }, cache, sync, controller);

            // What OnChanged(true) does before it starts the clock's thread: the boot write is queued and tried.
            controller.OnNetworkUp();
            controller.ProcessPending();
            Assert.AreEqual(0, controller.Sends, "no attempt spent on an unset clock");
            Assert.AreEqual(0, log.CountContaining("ERROR"));
            Assert.AreEqual(1, log.CountContaining("no attempt spent: the state is kept"));
            Assert.IsTrue(controller.HasUndelivered);

            events.SetClock();
            Assert.AreEqual(0, pause.WaitCount, "the WWEP server was asked at once, no wait for internet time first");
            controller.ProcessPending();
            Assert.AreEqual(1, transport.Connects);
            Assert.AreEqual(1, log.CountContaining("LED OFF stored on the server (TLS, attempt 1)"));
            Assert.IsFalse(controller.HasUndelivered);
        }

        [TestMethod]
        public void AClockSetWhileTheSenderLookedIsNotMissed()
        {
            FakeClock clock = new FakeClock(new DateTime(1970, 1, 1));
            WwepSettings settings = new WwepSettings();
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose));
            ButtonLedController controller = null;
            RecordingLog log = new RecordingLog();
            clock.OnRead = delegate(int read)
            {
                // The clock keeper sets the clock just after the sender's check read 1970, before the worker keeps the state.
                if (read == 2)
                {
                    clock.UtcNow = new DateTime(2026, 11, 29);
                    controller.OnClockSet();
                }
            };
            controller = new ButtonLedController(settings, new FakeLed(), new LedStateSender(transport, clock, settings, 0x02E8), new RetryPolicy(5, 500, 15000, new Random(1)), new FakeSignal(), log);
            controller.OnButtonPressed(false);
            controller.ProcessPending();
            Assert.AreEqual(1, transport.Connects, "the worker tried again at once");
            Assert.IsFalse(controller.HasUndelivered);
        }

        [TestMethod]
        public void EveryChangeForgetsTheServerAddressAndTellsTheTransport()
        {
            int[] lookups = new int[1];
            WwepSettings settings = new WwepSettings();
            settings.Mode = LinkMode.Plain;
            ServerAddressCache cache = new ServerAddressCache(settings, delegate(string host) { lookups[0]++; return new string[] { "192.168.4.2" }; }, FakeClock.Synced(), new RecordingLog());
            ButtonLedController controller = new ButtonLedController(settings, new FakeLed(), new LedStateSender(new FakeTransport(), FakeClock.Synced(), settings, 1), new RetryPolicy(1, 10, 10, new Random(1)), new FakeSignal(), new RecordingLog());
            ArrayList transportStates = new ArrayList();
            NetworkEvents events = new NetworkEvents(delegate(bool up) { transportStates.Add(up); }, cache, null, controller);
            cache.Resolve();
            events.OnChanged(false);
            events.OnChanged(true);
            cache.Resolve();
            Assert.AreEqual(2, lookups[0]);
            Assert.AreEqual(false, (bool)transportStates[0]);
            Assert.AreEqual(true, (bool)transportStates[1]);
        }
    }
}
