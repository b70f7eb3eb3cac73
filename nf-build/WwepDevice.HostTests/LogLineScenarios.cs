using System;
using System.Collections;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    /// <summary>
    /// Drives the core into the situation of every row of the table of log lines in WwepDevice/README.md, with the
    /// device tests' fakes and the very functions the board's adapters call (ExchangeFailure, HandshakeFailure,
    /// TransportMessages), and keeps what it printed. Each scenario names its row by the row's pattern.
    /// </summary>
    public static class LogLineScenarios
    {
        private const int DeviceId = ControllerRig.DeviceId;
        private const string Server = "192.168.4.2";

        /// <summary>Every scenario, each with the lines the core printed.</summary>
        /// <returns>The scenarios.</returns>
        public static LogLineScenario[] All()
        {
            ArrayList all = new ArrayList();
            Settings(all);
            Wifi(all);
            Clock(all);
            Boot(all);
            Sends(all);
            Diagnoses(all);
            Tls(all);
            Status(all);
            LogLineScenario[] result = new LogLineScenario[all.Count];
            all.CopyTo(result);
            return result;
        }

        private static void Settings(ArrayList all)
        {
            RecordingLog bad = new RecordingLog();
            Board("Mode=fast\n").Report(bad);
            Add(all, "setting: ...", bad);
            Add(all, "the board does not start with these settings: ...", bad);

            RecordingLog good = new RecordingLog();
            Board("ServerHost=wwep.lan\n").Report(good);
            Add(all, "setting ...=... (...)", good);
            Add(all, "I:\\wwep.conf sets ...", good);

            RecordingLog missing = new RecordingLog();
            BoardSettingsLoader.Load(new WwepSettings(), SettingsFileRead.Missing()).Report(missing);
            Add(all, "no I:\\wwep.conf on the board: the compiled settings apply ...", missing);
        }

        private static void Wifi(ArrayList all)
        {
            RecordingLog log = new RecordingLog();
            FakeSignal wake = new FakeSignal();
            WifiLink link = null;
            wake.DuringWait = delegate(int wait) { link.OnAvailabilityChanged(false, "0.0.0.0"); };
            link = new WifiLink(new WwepSettings(), delegate(bool withSettings, int timeout) { return new WifiJoinResult(false, "192.168.4.7", 2, string.Empty); }, delegate { return "0.0.0.0"; }, delegate(bool up) { }, wake, log);
            link.Step();
            Add(all, "joining Wi-Fi ...", log);
            Add(all, "Wi-Fi up, address ...", log);
            Add(all, "Wi-Fi lost: no IP address; the station rejoins by itself, ...", log);

            RecordingLog failed = new RecordingLog();
            WifiLink unlucky = new WifiLink(new WwepSettings(), delegate(bool withSettings, int timeout) { return new WifiJoinResult(false, "0.0.0.0", 4, string.Empty); }, delegate { return "0.0.0.0"; }, delegate(bool up) { }, new FakeSignal(), failed);

            unlucky.Step();
            Add(all, "Wi-Fi join failed (...): ...", failed);

            ControllerRig down = new ControllerRig(LinkMode.Plain);
            down.Controller.OnNetworkDown();
            down.Controller.OnButtonPressed(false);
            down.Controller.ProcessPending();
            down.Controller.OnNetworkUp();
            Add(all, "network down: Wi-Fi is not connected; ...", down.Log);
            Add(all, "LED blink ...: ...", down.Log);
            Add(all, "network is back: sending the undelivered LED state ...", down.Log);
        }

        private static void Clock(ArrayList all)
        {
            RecordingLog internet = new RecordingLog();
            FakeClock clock = Unset();
            FakeSignal pause = new FakeSignal();
            pause.DuringWait = delegate(int wait) { clock.UtcNow = new DateTime(2026, 11, 29, 8, 0, 0); };
            SntpServerScript silentForInternet = new SntpServerScript(new DateTime(2026, 11, 29));
            silentForInternet.Answers = false;
            Sync(new WwepSettings(), clock, silentForInternet, internet, pause).RunWhileNetworkUp();
            Add(all, "clock set by internet SNTP: ...", internet);

            RecordingLog lan = new RecordingLog();
            Sync(new WwepSettings(), Unset(), new SntpServerScript(new DateTime(2026, 11, 29, 22, 1, 5)), lan, new FakeSignal()).TryServerTime();
            Add(all, "clock set to ... from the WWEP server ... by SNTP (...)", lan);

            RecordingLog silent = new RecordingLog();
            SntpServerScript mute = new SntpServerScript(new DateTime(2026, 11, 29));
            mute.Answers = false;
            Sync(new WwepSettings(), Unset(), mute, silent, new FakeSignal()).TryServerTime();
            Add(all, "clock not set: the WWEP server ... gave no usable time (...); ...", silent);

            RecordingLog early = new RecordingLog();
            Sync(new WwepSettings(), Unset(), new SntpServerScript(new DateTime(2025, 6, 1)), early, new FakeSignal()).TryServerTime();
            Add(all, "clock not set: ... says ..., before this firmware was built (...); fix the server's clock", early);

            RecordingLog off = new RecordingLog();
            WwepSettings noServerTime = new WwepSettings();
            noServerTime.TimeFromServer = false;
            FakeSignal waits = new FakeSignal();
            ClockSync sync = Sync(noServerTime, Unset(), new SntpServerScript(new DateTime(2026, 11, 29)), off, waits);
            waits.DuringWait = delegate(int wait)
            {
                if (wait > 10)
                {
                    sync.OnNetworkDown();
                }
            };
            sync.RunWhileNetworkUp();
            Add(all, "clock not set: no internet time within ... s and TimeFromServer is off; ...", off);

            RecordingLog unnamed = new RecordingLog();
            FakeClock unset = Unset();
            ServerAddressCache nowhere = new ServerAddressCache(new WwepSettings(), delegate(string host) { return null; }, unset, new RecordingLog());
            new ClockSync(new WwepSettings(), unset, delegate(DateTime utc) { }, new SntpServerScript(new DateTime(2026, 11, 29)).Exchange, nowhere, BuildDate(), new FakeSignal(), unnamed).TryServerTime();
            Add(all, "clock not set: cannot resolve server name '...' and no ServerFallbackIp is set: ...", unnamed);
        }

        private static void Boot(ArrayList all)
        {
            Add(all, "boot: storing LED OFF on the server, so that it agrees with the LED (LedAtBoot off)", Replied(new ControllerRig(LinkMode.Plain), "A02E8050000", true));

            string[] restored = Replied(Restoring(), "A02E8050001", true);
            Add(all, "boot: reading the LED state stored on the server (LedAtBoot restore)", restored);
            Add(all, "LED ... restored from the server (...)", restored);
            Add(all, "the server holds no LED state for this device yet (X: never written): the LED stays off ...", Replied(Restoring(), "X", true));
            Add(all, "the server holds ... in register 05, not an LED state (0000 or 0001): the LED stays off ...", Replied(Restoring(), "A02E8050002", true));

            ControllerRig late = Restoring();
            late.Reply("A02E8050001");
            late.Transport.OnConnect = delegate(int connects)
            {
                if (connects == 1)
                {
                    late.Controller.OnButtonPressed(false);
                }
            };
            late.Controller.OnNetworkUp();
            late.Controller.ProcessPending();
            Add(all, "the stored LED state came after a press: the press wins ...", late.Log);

            ControllerRig unread = Restoring();
            unread.Fail(TransportFailure.ConnectFailed);
            unread.Controller.OnNetworkUp();
            unread.Controller.ProcessPending();
            unread.Controller.OnNetworkDown();
            unread.Controller.OnNetworkAvailable();
            Add(all, "the stored LED state not read after ... attempts; ...", unread.Log);
            Add(all, "network is back: reading the stored LED state again", unread.Log);

            ControllerRig refused = Restoring();
            refused.Settings.Mode = LinkMode.Tls;
            refused.Transport.Enqueue(HandshakeFailure.FromVerifyFlags("CryptographicException", TlsDiagnosis.FlagNotTrusted, false, refused.Settings, 40508, DeviceId, refused.Clock.UtcNow));
            refused.Controller.OnNetworkUp();
            refused.Controller.ProcessPending();
            Add(all, "the stored LED state not read: this will fail again until the cause above is fixed; ...", refused.Log);
            Add(all, "server answered A... to R...: not this device's register 05, ...", Replied(Restoring(), "A0FAC050001", true));
        }

        private static void Sends(ArrayList all)
        {
            ControllerRig stored = new ControllerRig(LinkMode.Tls);
            stored.Transport.Enqueue(ExchangeFailure.ConnectFailed(Server, 40508, "SocketException", true, 10061));
            stored.Reply("A02E8050001");
            stored.Controller.OnButtonPressed(false);
            stored.Controller.ProcessPending();
            Add(all, "... (attempt ... of ..., retrying in ... ms)", stored.Log);
            Add(all, "LED ... stored on the server (..., attempt ...)", stored.Log);

            Add(all, "LED ... not stored after ... attempts; the next press or the network's return tries again", Failed(LinkMode.Plain, ExchangeFailure.ConnectFailed(Server, 27708, "SocketException", true, 10061)));
            Add(all, "LED ... not stored: this will fail again until the cause above is fixed; the next press tries again", Replied(new ControllerRig(LinkMode.Plain), "X", false));

            ControllerRig broken = new ControllerRig(LinkMode.Plain);
            broken.Transport.OnConnect = delegate(int connects) { throw new InvalidOperationException("a bug in an adapter"); };
            AutoResetSignal seen = new AutoResetSignal();
            broken.Signal.DuringWait = delegate(int wait)
            {
                // The worker waits once before the press's send and once after it: by then the line is written.
                if (wait == 2)
                {
                    seen.Set();
                }
            };
            broken.Controller.OnButtonPressed(false);
            broken.Controller.Start();
            seen.Wait(10000);
            broken.Controller.Stop(10000);
            Add(all, "unexpected ... in the network worker: ...; the next press tries again", broken.Log);
        }

        private static void Diagnoses(ArrayList all)
        {
            ServerAddressCache unnamed = new ServerAddressCache(new WwepSettings(), delegate(string host) { return null; }, FakeClock.Synced(), new RecordingLog());
            Add(all, "cannot resolve server name '...' and no ServerFallbackIp is set: ...", Failed(LinkMode.Plain, Thrown(unnamed)));

            RecordingLog fallback = new RecordingLog();
            WwepSettings withFallback = new WwepSettings();
            withFallback.ServerFallbackIp = Server;
            new ServerAddressCache(withFallback, delegate(string host) { return null; }, FakeClock.Synced(), fallback).Resolve();
            Add(all, "cannot resolve server name '...': using ServerFallbackIp ...", fallback);

            Add(all, "cannot connect to ... (refused or unreachable; the firmware's code ... may be stale): ...", Failed(LinkMode.Plain, ExchangeFailure.ConnectFailed(Server, 27708, "SocketException", true, 10061)));
            Add(all, "no answer from ... within ... ms: ...", Failed(LinkMode.Plain, new WwepTransportException(TransportFailure.ConnectTimeout, TransportMessages.ConnectTimeout(Server, 27708, 5000))));
            Add(all, "no reply from ... within ... ms after sending the request", Failed(LinkMode.Plain, ExchangeFailure.WhileExchanging("SocketException", true, ExchangeFailure.SocketTimedOut, "wwep.local", 27708, 3000)));
            Add(all, "connection to ... lost (...)", Failed(LinkMode.Plain, ExchangeFailure.WhileExchanging("SocketException", true, 10054, "wwep.local", 27708, 3000)));

            ControllerRig tlsPort = new ControllerRig(LinkMode.Plain);
            tlsPort.Settings.PlainPort = WwepSettings.DefaultTlsPort;
            Add(all, "server closed the connection without replying to W...: port ... is the TLS port (TlsPort ...); ...", Replied(tlsPort, string.Empty, false));
            Add(all, "server closed the connection without replying to W...: it may refuse this device ...", Replied(new ControllerRig(LinkMode.Plain), string.Empty, false));
            Add(all, "bad reply to W...: ...", Replied(new ControllerRig(LinkMode.Plain), "HELLO", false));
            Add(all, "server answered A... to W...: not the echo of the write, ...", Replied(new ControllerRig(LinkMode.Plain), "A02E8050000", false));
            Add(all, "server rejected W... with X...: ...", Replied(new ControllerRig(LinkMode.Plain), "X", false));
        }

        private static void Tls(ArrayList all)
        {
            ControllerRig early = new ControllerRig(LinkMode.Tls);
            early.Clock.UtcNow = new DateTime(1970, 1, 1);
            early.Controller.OnButtonPressed(false);
            early.Controller.ProcessPending();
            early.Clock.UtcNow = new DateTime(2026, 11, 29);
            early.Controller.OnClockSet();
            Add(all, "TLS handshake ... [not attempted]: clock not set: ...", early.Log);
            Add(all, "clock set: sending the kept LED state ...", early.Log);

            ControllerRig unread = Restoring();
            unread.Settings.Mode = LinkMode.Tls;
            unread.Clock.UtcNow = new DateTime(1970, 1, 1);
            unread.Controller.OnNetworkUp();
            unread.Controller.ProcessPending();
            unread.Controller.OnClockSet();
            Add(all, "clock set: reading the stored LED state", unread.Log);

            Add(all, "TLS handshake ... unknown CA: ...", Handshake("CryptographicException", true, TlsDiagnosis.FlagNotTrusted));
            Add(all, "TLS handshake ... name mismatch: ...", Handshake("CryptographicException", true, TlsDiagnosis.FlagNameMismatch));
            Add(all, "TLS handshake ... certificate expired: ...", Handshake("CryptographicException", true, TlsDiagnosis.FlagExpired));
            Add(all, "TLS handshake ... certificate not yet valid: ...", Handshake("CryptographicException", true, TlsDiagnosis.FlagFuture));
            Add(all, "TLS handshake ... unacceptable algorithm: ...", Handshake("CryptographicException", true, TlsDiagnosis.FlagBadKey));
            Add(all, "TLS handshake ... [SocketException, mbedTLS -0x2700, no verify flags]: the server certificate did not verify ...", Handshake("SocketException", true, TlsDiagnosis.ErrorVerifyFailed));
            Add(all, "TLS handshake ... [..., mbedTLS -0x7780]: the server ended the handshake with a fatal alert ...", Handshake("CryptographicException", true, TlsDiagnosis.ErrorFatalAlert));
            Add(all, "TLS handshake ... TLS setup failed before the handshake: most likely no contiguous heap ...", Handshake("CryptographicException", true, HandshakeFailure.SetupFailed));
            Add(all, "TLS handshake ... [SocketException -1, no mbedTLS code]: TLS setup failed before the handshake and this firmware gives no reason; ...", Handshake("SocketException", true, HandshakeFailure.OlderFirmwareSetupError));
            Add(all, "TLS handshake ... handshake reset: ...", Handshake("CryptographicException", true, TlsDiagnosis.ErrorConnectionEof));
            Add(all, "TLS handshake ... no common protocol: ...", Handshake("CryptographicException", true, TlsDiagnosis.ErrorBadProtocolVersion));
            Add(all, "TLS handshake ... out of memory: ...", Handshake("OutOfMemoryException", false, 0));
            Add(all, "TLS handshake ... embedded certificate or key unusable: ...", Handshake("CryptographicException", true, HandshakeFailure.SetupPrivateKeyParse));
            Add(all, "TLS handshake ... [IOException]: the firmware gave no mbedTLS code ...", Handshake("IOException", false, 0));
            Add(all, "TLS handshake ... unrecognized TLS failure; look the code up in mbedTLS's error list", Handshake("CryptographicException", true, -0x1234));

            Add(all, "TLS handshake ... server certificate unusable for TLS: ...", Handshake("CryptographicException", true, TlsDiagnosis.ErrorBadCertificate));

            // The boot log's TLS lines: the versions, then every CA with its source (the stored one as configure recorded it).
            EmbeddedCa embedded = new EmbeddedCa("CN=WWEP Test CA", new DateTime(2036, 11, 28));
            Add(all, "TLS offers ...", Trust(embedded, "CN=Old CA until 2030-01-31"));
            Add(all, "trusts CA ..., embedded in the image", Trust(embedded, "none"));
            Add(all, "trusts CA ..., stored on the board by nf-build/configure", Trust(embedded, "CN=Old CA until 2030-01-31"));
            Add(all, "trusts no CA stored on the board (nf-build/configure --remove-ca emptied the bundle)", Trust(embedded, "none"));
            Add(all, "I:\\wwep-ca.conf ...", StoredRecordWarning("LedPin=5\n"));
            Add(all, "trusts also any CA bundle stored on the board before: ...", Trust(embedded, string.Empty));

            // A server that ends the session after the handshake: always retried.
            ControllerRig closing = new ControllerRig(LinkMode.Tls);
            closing.Reply(string.Empty);
            closing.Controller.OnButtonPressed(false);
            closing.Controller.ProcessPending();
            Add(all, "TLS handshake ... [TLS session ... after the handshake, before any reply]: ...", closing.Log);
        }

        private static void Status(ArrayList all)
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            ServerAddressCache addresses = new ServerAddressCache(rig.Settings, delegate(string host) { return new string[] { Server }; }, rig.Clock, new RecordingLog());
            NetworkEvents network = new NetworkEvents(delegate(bool up) { }, addresses, null, rig.Controller);
            DeviceFacts facts = new DeviceFacts("WwepDevice built 2026-11-28 10:00:00 UTC", DeviceId, new byte[] { 0xC4, 0x7F, 0x51, 0x01, 0x6A, 0xE9 }, new string[0], "internet SNTP (the firmware's own)", delegate { return "192.168.4.7"; }, delegate { return 41234; });
            StatusReport status = new StatusReport(facts, rig.Settings, rig.Controller, network, addresses, rig.Clock, null, rig.Log);
            rig.Fail(TransportFailure.ConnectFailed);
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            status.OnLongPress();
            Add(all, "status:", rig.Log);
            Add(all, "status: delivering the LED state now", rig.Log);
        }

        // What the controller prints when every attempt meets this failure.
        private static string[] Failed(LinkMode mode, WwepTransportException failure)
        {
            ControllerRig rig = new ControllerRig(mode);
            rig.Transport.Enqueue(failure);
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            return Lines(rig.Log);
        }

        // What the controller prints when the server replies this, after a press or at the network's first coming up
        // (the boot write, or with LedAtBoot restore the boot read).
        private static string[] Replied(ControllerRig rig, string reply, bool atBoot)
        {
            rig.Reply(reply);
            if (atBoot)
            {
                rig.Controller.OnNetworkUp();
            }
            else
            {
                rig.Controller.OnButtonPressed(false);
            }

            rig.Controller.ProcessPending();
            return Lines(rig.Log);
        }

        // What the controller prints when the board's handshake throws this (the facts as the ESP32 adapter hands them over).
        private static string[] Handshake(string exceptionType, bool hasCode, int code)
        {
            ControllerRig rig = new ControllerRig(LinkMode.Tls);
            rig.Transport.Enqueue(HandshakeFailure.FromPlatform(exceptionType, hasCode, code, false, rig.Settings, rig.Settings.TlsPort, DeviceId, rig.Clock.UtcNow, null));
            rig.Controller.OnButtonPressed(false);
            rig.Controller.ProcessPending();
            return Lines(rig.Log);
        }

        private static RecordingLog StoredRecordWarning(string file)
        {
            RecordingLog log = new RecordingLog();
            StoredCaRecord.FromFile(SettingsFileRead.Read(Ascii.Bytes(file), file.Length)).Report(log);
            return log;
        }

        private static RecordingLog Trust(EmbeddedCa embedded, string storedRecord)
        {
            RecordingLog log = new RecordingLog();
            new TrustedCas(embedded, storedRecord).Report(true, false, log);
            return log;
        }

        private static WwepTransportException Thrown(ServerAddressCache addresses)
        {
            try
            {
                addresses.Resolve();
            }
            catch (WwepTransportException ex)
            {
                return ex;
            }

            throw new InvalidOperationException("the name resolved");
        }

        private static ControllerRig Restoring()
        {
            ControllerRig rig = new ControllerRig(LinkMode.Plain);
            rig.Settings.LedAtBoot = LedAtBoot.Restore;
            return rig;
        }

        private static BoardSettingsOutcome Board(string file)
        {
            return BoardSettingsLoader.Load(new WwepSettings(), SettingsFileRead.Read(Ascii.Bytes(file), file.Length));
        }

        private static ClockSync Sync(WwepSettings settings, FakeClock clock, SntpServerScript server, RecordingLog log, FakeSignal pause)
        {
            ServerAddressCache cache = new ServerAddressCache(settings, delegate(string host) { return new string[] { Server }; }, clock, new RecordingLog());
            return new ClockSync(settings, clock, delegate(DateTime utc) { clock.UtcNow = utc; }, server.Exchange, cache, BuildDate(), pause, log);
        }

        private static FakeClock Unset()
        {
            return new FakeClock(new DateTime(1970, 1, 1, 0, 0, 12));
        }

        private static DateTime BuildDate()
        {
            return new DateTime(2026, 11, 1, 0, 0, 0);
        }

        private static void Add(ArrayList all, string pattern, RecordingLog log)
        {
            Add(all, pattern, Lines(log));
        }

        private static void Add(ArrayList all, string pattern, string[] lines)
        {
            all.Add(new LogLineScenario(pattern, lines));
        }

        private static string[] Lines(RecordingLog log)
        {
            string[] lines = new string[log.Count];
            for (int i = 0; i < lines.Length; i++)
            {
                lines[i] = log.Line(i);
            }

            return lines;
        }
    }
}
