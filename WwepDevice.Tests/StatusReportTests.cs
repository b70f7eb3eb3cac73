using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Protocol;
using WwepDevice.Core.Settings;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    /// <summary>
    /// A long press tells the whole state in one block starting with "status:", and retries an undelivered state at
    /// once. The facts the platform gives (MAC, address, free heap) are fed as the adapters report them.
    /// </summary>
    [TestClass]
    public class StatusReportTests
    {
        private static readonly byte[] Mac = { 0xC4, 0x7F, 0x51, 0x01, 0x6A, 0xE9 };

        [TestMethod]
        public void TheBlockNamesEverythingAPersonWithoutTheBootLogNeeds()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Tls);
            BoardSettingsOutcome board = BoardSettingsLoader.Load(rig.Settings, SettingsFileRead.Read(Ascii.Bytes("ServerHost=wwep.lan\n"), 20));
            rig.Clock.UtcNow = new DateTime(1970, 1, 1);
            ServerAddressCache addresses = new ServerAddressCache(rig.Settings, delegate(string host) { return new string[] { "192.168.4.2" }; }, rig.Clock, new RecordingLog());
            ClockSync clockSync = new ClockSync(rig.Settings, rig.Clock, delegate(DateTime utc) { rig.Clock.UtcNow = utc; }, new SntpServerScript(new DateTime(2026, 11, 29, 22, 0, 0)).Exchange, addresses, new DateTime(2026, 11, 1), new FakeSignal(), new RecordingLog());
            NetworkEvents network = new NetworkEvents(delegate(bool up) { }, addresses, clockSync, rig.Controller);
            StatusReport status = new StatusReport(Facts(board.Notes, 41234), rig.Settings, rig.Controller, network, addresses, rig.Clock, clockSync, rig.Log);

            // The clock first: with it set, the network's return starts no clock thread of its own.
            Assert.IsTrue(clockSync.TryServerTime());
            network.OnChanged(true);
            addresses.Resolve();
            rig.Transport.Enqueue(new WwepTransportException(TransportFailure.ConnectFailed, TransportMessages.ConnectFailed("192.168.4.2", 40508, "refused or unreachable")));
            rig.Reply("A02E8050001");
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            string[] lines = status.Lines();

            int n = 0;
            Assert.AreEqual("status:", lines[n++]);
            Assert.AreEqual("  firmware: WwepDevice built 2026-11-28 10:00:00 UTC", lines[n++]);
            Assert.AreEqual("  device: 02E8, MAC C4:7F:51:01:6A:E9", lines[n++]);
            Assert.AreEqual("  setting ServerHost=wwep.lan (from I:\\wwep.conf)", lines[n++]);
            Assert.AreEqual("  setting SecondButtonPin=4 (compiled in, LocalSettings.cs)", lines[n++]);
            Assert.AreEqual("  I:\\wwep.conf sets 1 value", lines[n++]);
            Assert.AreEqual("  Wi-Fi: up, address 192.168.4.7", lines[n++]);
            Assert.IsTrue(lines[n].StartsWith("  clock: 2026-11-29 22:00:0"), lines[n]);
            Assert.IsTrue(lines[n].EndsWith(" UTC, set by the WWEP server 192.168.4.2:123 by SNTP"), lines[n++]);
            Assert.AreEqual("  server: 192.168.4.2 ('wwep.lan' found by DNS), TLS port 40508 verifying 'wwep.lan'", lines[n++]);
            Assert.AreEqual("  LED: ON, as stored on the server", lines[n++]);
            Assert.AreEqual("  counts: 1 presses, 2 sends, 1 acknowledged", lines[n++]);
            Assert.AreEqual("  last failure: " + TransportMessages.ConnectFailed("192.168.4.2", 40508, "refused or unreachable"), lines[n++]);
            Assert.AreEqual("  free managed heap: 41234 bytes", lines[n++]);
            Assert.AreEqual(n, lines.Length);
        }

        [TestMethod]
        public void WhatIsNotKnownIsSaidSo()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Clock.UtcNow = new DateTime(1970, 1, 1);
            ServerAddressCache addresses = new ServerAddressCache(rig.Settings, delegate(string host) { return null; }, rig.Clock, new RecordingLog());
            NetworkEvents network = new NetworkEvents(delegate(bool up) { }, addresses, null, rig.Controller);
            StatusReport status = new StatusReport(Facts(new string[0], -1), rig.Settings, rig.Controller, network, addresses, rig.Clock, null, rig.Log);

            string text = Joined(status.Lines());

            Assert.Contains("|  settings: all defaults|", text);
            Assert.Contains("|  Wi-Fi: down|", text);
            Assert.Contains("|  clock: 1970-01-01 00:00:00 UTC, not set (plain mode does not need it)|", text);
            Assert.Contains("|  server: not looked up yet: 'wwep.local' is looked up at the next send, plain port 27708|", text);
            Assert.Contains("|  LED: OFF, nothing sent yet|", text);
            Assert.Contains("|  last failure: none|", text);
            Assert.Contains("|  free managed heap: not measured on this runtime|", text);

            rig.Clock.UtcNow = new DateTime(2026, 11, 29, 8, 0, 0);
            Assert.Contains("|  clock: 2026-11-29 08:00:00 UTC, set by internet SNTP (the firmware's own)|", Joined(status.Lines()));
        }

        [TestMethod]
        public void ALongPressPrintsTheBlockThenRetriesTheUndeliveredStateAtOnce()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            ServerAddressCache addresses = new ServerAddressCache(rig.Settings, delegate(string host) { return null; }, rig.Clock, new RecordingLog());
            NetworkEvents network = new NetworkEvents(delegate(bool up) { }, addresses, null, rig.Controller);
            StatusReport status = new StatusReport(Facts(new string[0], 1000), rig.Settings, rig.Controller, network, addresses, rig.Clock, null, rig.Log);
            FakeTimer hold = new FakeTimer();
            PressRecognizer button = new PressRecognizer(50, false, rig.Controller.OnButtonPressed, status.OnLongPress, hold);
            rig.Fail(TransportFailure.ConnectFailed);
            button.OnEdge(true, 100);
            button.OnEdge(false, 250);
            rig.Controller.ProcessPending();
            Assert.IsTrue(rig.Controller.HasUndelivered);
            Assert.AreEqual(BlinkCodes.ServerUnreachable, rig.Controller.BlinkCode);
            int before = rig.Log.Count;

            button.OnEdge(true, 10000);
            Assert.IsFalse(rig.Led.On, "the long press is a press: the LED toggled at once");
            hold.Fire();

            Assert.AreEqual("status:", rig.Log.Line(before));
            Assert.AreEqual(1, rig.Log.CountContaining("  LED: OFF, being sent"), "the press made a newer state");
            Assert.AreEqual("status: delivering the LED state now", rig.Log.Line(rig.Log.Count - 1));
            FakeConnection sent = rig.Reply("A02E8050000");
            rig.Controller.ProcessPending();
            Assert.AreEqual("W02E8050000", sent.SentText);
        }

        [TestMethod]
        public void ALongPressRequeuesAStateThatWasGivenUp()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            ServerAddressCache addresses = new ServerAddressCache(rig.Settings, delegate(string host) { return null; }, rig.Clock, new RecordingLog());
            NetworkEvents network = new NetworkEvents(delegate(bool up) { }, addresses, null, rig.Controller);
            StatusReport status = new StatusReport(Facts(new string[0], 1000), rig.Settings, rig.Controller, network, addresses, rig.Clock, null, rig.Log);
            rig.Fail(TransportFailure.ConnectFailed);
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            Assert.IsTrue(rig.Controller.HasUndelivered);
            Assert.Contains("  LED: ON, NOT stored on the server (blink code 3: server unreachable)", Joined(status.Lines()));
            rig.Signal.Clear();

            status.OnLongPress();

            Assert.IsTrue(rig.Controller.HasPending, "the undelivered state is queued again");
            FakeConnection sent = rig.Reply("A02E8050001");
            rig.Controller.ProcessPending();
            Assert.AreEqual("W02E8050001", sent.SentText);
            Assert.IsFalse(rig.Controller.HasUndelivered);
        }

        [TestMethod]
        public void AMacIsWrittenAsSixHexPairs()
        {
            Assert.AreEqual("C4:7F:51:01:6A:E9", StatusReport.MacText(Mac));
            Assert.AreEqual("unknown", StatusReport.MacText(null));
        }

        private static DeviceFacts Facts(string[] settingLines, long heap)
        {
            return new DeviceFacts(
                "WwepDevice built 2026-11-28 10:00:00 UTC",
                DeviceIdentity.FromMac(Mac),
                Mac,
                settingLines,
                "internet SNTP (the firmware's own)",
                delegate { return "192.168.4.7"; },
                delegate { return heap; });
        }

        private static string Joined(string[] lines)
        {
            string text = "|";
            for (int i = 0; i < lines.Length; i++)
            {
                text += lines[i] + "|";
            }

            return text;
        }
    }
}
