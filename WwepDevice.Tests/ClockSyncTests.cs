using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Settings;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    // The ESP32 firmware's SNTP asks only 0/1.pool.ntp.org (nf-interpreter targets/ESP32/_common/targetHAL_Network.cpp)
    // and the reference images lack the Sntp API: on a LAN without internet nothing sets the clock but this.
    [TestClass]
    public class ClockSyncTests
    {
        [TestMethod]
        public void ASetClockIsLeftAlone()
        {
            FakeClock clock = FakeClock.Synced();
            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29));
            ClockSync sync = NewSync(new WwepSettings(), clock, server, new RecordingLog(), new FakeSignal());
            Assert.IsTrue(sync.RunWhileNetworkUp());
            Assert.AreEqual(0, server.Requests);
            Assert.AreEqual(new DateTime(2026, 11, 21, 12, 0, 0), clock.UtcNow);
        }

        [TestMethod]
        public void InternetTimeWithinTheWaitNeedsNoServer()
        {
            FakeClock clock = Unset();
            FakeSignal pause = new FakeSignal();
            pause.DuringWait = delegate(int wait)
            {
                if (wait == 3)
                {
                    clock.UtcNow = new DateTime(2026, 11, 29, 8, 0, 0);
                }
            };
            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29));
            RecordingLog log = new RecordingLog();
            WwepSettings settings = new WwepSettings();
            settings.InternetTimeWaitMilliseconds = 5000;
            Assert.IsTrue(NewSync(settings, clock, server, log, pause).RunWhileNetworkUp());
            Assert.AreEqual(0, server.Requests);
            Assert.AreEqual("clock set by internet SNTP: 2026-11-29 08:00:00 UTC", log.Line(0));
        }

        [TestMethod]
        public void WithoutInternetTheServersTimeIsTakenAndNamed()
        {
            FakeClock clock = Unset();
            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29, 22, 1, 5));
            RecordingLog log = new RecordingLog();
            FakeSignal pause = new FakeSignal();
            Assert.IsTrue(NewSync(new WwepSettings(), clock, server, log, pause).RunWhileNetworkUp());
            Assert.AreEqual(2026, clock.UtcNow.Year);
            Assert.AreEqual(1, server.Requests);
            Assert.AreEqual("192.168.4.2", server.LastAddress);
            Assert.AreEqual(123, server.LastPort);
            Assert.AreEqual("clock set to 2026-11-29 22:01:05 UTC from the WWEP server 192.168.4.2:123 by SNTP (unauthenticated LAN time; TimeFromServer turns it off)", log.Line(0));
            Assert.AreEqual(0, pause.WaitCount, "the LAN server is asked as soon as the network is up");
        }

        [TestMethod]
        public void InternetTimeDuringThePauseIsTakenWhenItComes()
        {
            FakeClock clock = Unset();
            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29));
            server.Answers = false;
            FakeSignal pause = new FakeSignal();
            pause.DuringWait = delegate(int wait)
            {
                if (wait == 4)
                {
                    clock.UtcNow = new DateTime(2026, 11, 29, 8, 0, 0);
                }
            };
            RecordingLog log = new RecordingLog();
            Assert.IsTrue(NewSync(new WwepSettings(), clock, server, log, pause).RunWhileNetworkUp());
            Assert.AreEqual(ClockSync.QueriesPerRound, server.Requests, "the server first, then internet time in the pause");
            Assert.AreEqual(4, pause.WaitCount, "taken 2 s into the 30 s pause, not at its end");
            Assert.AreEqual("clock set by internet SNTP: 2026-11-29 08:00:00 UTC", log.Line(1));
        }

        [TestMethod]
        public void ATimeBeforeTheFirmwareBuildIsRefused()
        {
            FakeClock clock = Unset();
            SntpServerScript server = new SntpServerScript(new DateTime(2025, 6, 1));
            RecordingLog log = new RecordingLog();
            ClockSync sync = NewSync(new WwepSettings(), clock, server, log, new FakeSignal());
            Assert.IsFalse(sync.TryServerTime());
            Assert.AreEqual(1970, clock.UtcNow.Year);
            Assert.IsTrue(log.Line(0).IndexOf("before this firmware was built (2026-11-01 00:00:00 UTC)") >= 0, log.Line(0));
        }

        [TestMethod]
        public void TheSettingTurnsTheServerTimeOff()
        {
            WwepSettings settings = new WwepSettings();
            settings.TimeFromServer = false;
            FakeClock clock = Unset();
            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29));
            RecordingLog log = new RecordingLog();
            FakeSignal pause = new FakeSignal();
            ClockSync sync = NewSync(settings, clock, server, log, pause);
            pause.DuringWait = delegate(int wait)
            {
                if (wait > 10)
                {
                    sync.OnNetworkDown();
                }
            };
            Assert.IsFalse(sync.RunWhileNetworkUp());
            Assert.AreEqual(0, server.Requests);
            Assert.IsTrue(log.Line(0).IndexOf("TimeFromServer is off") >= 0, log.Line(0));
        }

        [TestMethod]
        public void NoAnswerIsRetriedThenExplainedWithTheFix()
        {
            FakeClock clock = Unset();
            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29));
            server.Answers = false;
            RecordingLog log = new RecordingLog();
            ClockSync sync = NewSync(new WwepSettings(), clock, server, log, new FakeSignal());
            Assert.IsFalse(sync.TryServerTime());
            Assert.AreEqual(ClockSync.QueriesPerRound, server.Requests);
            Assert.AreEqual("clock not set: the WWEP server 192.168.4.2:123 gave no usable time (no answer to 3 queries, 2000 ms each); start WwepServer with --sntp-port 123 (port 123 needs root or CAP_NET_BIND_SERVICE) or give the network internet access; trying again in 30 s", log.Line(0));
        }

        [TestMethod]
        public void AnUnsynchronizedServerIsNotBelieved()
        {
            FakeClock clock = Unset();
            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29));
            server.Stratum = 0;
            RecordingLog log = new RecordingLog();
            Assert.IsFalse(NewSync(new WwepSettings(), clock, server, log, new FakeSignal()).TryServerTime());
            Assert.AreEqual(1970, clock.UtcNow.Year);
            Assert.IsTrue(log.Line(0).IndexOf("not synchronized") >= 0, log.Line(0));
        }

        [TestMethod]
        public void AClockSetWhileTheQueryWasOutIsNotMoved()
        {
            FakeClock clock = Unset();
            SntpServerScript server = new SntpServerScript(new DateTime(2027, 1, 1));
            server.BeforeAnswer = delegate(int request) { clock.UtcNow = new DateTime(2026, 11, 29, 9, 0, 0); };
            RecordingLog log = new RecordingLog();
            Assert.IsTrue(NewSync(new WwepSettings(), clock, server, log, new FakeSignal()).TryServerTime());
            Assert.AreEqual(2026, clock.UtcNow.Year, "internet SNTP won; the server's 2027 was not applied");
            Assert.IsTrue(log.Line(0).IndexOf("was not needed") >= 0, log.Line(0));
        }

        [TestMethod]
        public void TheServerAddressComesFromTheSharedCache()
        {
            FakeClock clock = Unset();
            int[] lookups = new int[1];
            WwepSettings settings = new WwepSettings();
            ServerAddressCache cache = new ServerAddressCache(settings, delegate(string host) { lookups[0]++; return new string[] { "192.168.4.2" }; }, clock, new RecordingLog());
            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29));
            server.Answers = false;
            ClockSync sync = new ClockSync(settings, clock, delegate(DateTime utc) { clock.UtcNow = utc; }, server.Exchange, cache, BuildDate(), new FakeSignal(), new RecordingLog());
            sync.TryServerTime();
            sync.TryServerTime();
            cache.Resolve();
            Assert.AreEqual(1, lookups[0], "one blocking DNS lookup per network-up, shared with the WWEP connections");
        }

        [TestMethod]
        public void TheConfiguredSntpPortIsAsked()
        {
            WwepSettings settings = new WwepSettings();
            settings.SntpPort = 10123;
            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29));
            Assert.IsTrue(NewSync(settings, Unset(), server, new RecordingLog(), new FakeSignal()).TryServerTime());
            Assert.AreEqual(10123, server.LastPort);
        }

        [TestMethod]
        public void NetworkDownEndsTheRounds()
        {
            FakeClock clock = Unset();
            SntpServerScript server = new SntpServerScript(new DateTime(2026, 11, 29));
            server.Answers = false;
            FakeSignal pause = new FakeSignal();
            ClockSync sync = NewSync(new WwepSettings(), clock, server, new RecordingLog(), pause);
            pause.DuringWait = delegate(int wait)
            {
                if (wait == 11)
                {
                    sync.OnNetworkDown();
                }
            };
            Assert.IsFalse(sync.RunWhileNetworkUp());
            Assert.AreEqual(ClockSync.QueriesPerRound, server.Requests, "one round, then the network went down");
        }

        private static FakeClock Unset()
        {
            return new FakeClock(new DateTime(1970, 1, 1, 0, 0, 12));
        }

        private static DateTime BuildDate()
        {
            return new DateTime(2026, 11, 1, 0, 0, 0);
        }

        private static ClockSync NewSync(WwepSettings settings, FakeClock clock, SntpServerScript server, RecordingLog log, FakeSignal pause)
        {
            ServerAddressCache cache = new ServerAddressCache(settings, delegate(string host) { return new string[] { "192.168.4.2" }; }, clock, new RecordingLog());
            return new ClockSync(settings, clock, delegate(DateTime utc) { clock.UtcNow = utc; }, server.Exchange, cache, BuildDate(), pause, log);
        }
    }
}
