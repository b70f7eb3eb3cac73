using System;
using System.Device.Gpio;
using System.Threading;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Protocol;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;
using WwepDevice.Esp32;

namespace WwepDevice
{
    /// <summary>
    /// Boot: settings, LED off, buttons, device ID from the MAC, then Wi-Fi, the clock and the network worker; a long
    /// press prints the status block.
    /// Everything that can be wrong with the settings or the embedded certificates is reported here, once, in plain
    /// words. The decisions are the core's; this file only wires the board's adapters to it.
    /// </summary>
    public static class Program
    {
        /// <summary>The firmware's entry point.</summary>
        public static void Main()
        {
            ILog log = new ConsoleLog();
            // Settings: compiled (defaults, LocalSettings.cs), then the board's settings file over them (nf-build/configure).
            BoardSettingsOutcome board = BoardSettingsLoader.Load(DeviceSettings.Create(), SettingsFileReader.Read(BoardSettingsFile.FilePath));
            board.Report(log);
            if (!board.IsUsable)
            {
                Thread.Sleep(Timeout.Infinite);
            }

            WwepSettings settings = board.Settings;

            byte[] mac = WifiConnector.StationMac();
            int deviceId;
            try
            {
                deviceId = DeviceIdentity.FromMac(mac);
            }
            catch (ArgumentException ex)
            {
                log.Write(LogLevel.Error, "no device ID: " + ex.Message);
                Thread.Sleep(Timeout.Infinite);
                return;
            }

            log.Write(LogLevel.Info, "device " + DeviceIdentity.ToHex(deviceId) + ", server " + settings.ServerHost + ", mode " + ModeName(settings.Mode));

            IClock clock = new SystemClock();
            EmbeddedCredentials credentials = settings.UsesTls ? EmbeddedCredentials.Load(settings.UseClientCertificate, log) : null;
            // The stored CA bundle cannot be read back, so its part of the trust is what nf-build/configure recorded.
            StoredCaRecord stored = StoredCaRecord.FromFile(SettingsFileReader.Read(StoredCaRecord.FilePath));
            stored.Report(log);
            TrustedCas trust = new TrustedCas(credentials != null ? credentials.CaFacts : null, stored.Record);
            trust.Report(settings.UsesTls, settings.UseClientCertificate, log);
            ServerAddressCache addresses = new ServerAddressCache(settings, Esp32Transport.LookUp, clock, log);
            Esp32Transport transport = new Esp32Transport(settings, credentials, addresses, deviceId, trust);
            GpioController gpio = new GpioController();
            ButtonLedController controller = new ButtonLedController(
                settings,
                new StatusLed(new GpioLed(gpio, settings.LedPin), new ThreadingOneShotTimer()),
                new LedStateSender(transport, clock, settings, deviceId),
                new RetryPolicy(settings.MaxAttempts, settings.InitialBackoffMilliseconds, settings.MaxBackoffMilliseconds, new Random()),
                new AutoResetSignal(),
                log);

            ClockSync clockSync = settings.UsesTls
                ? new ClockSync(settings, clock, RtcClockSetter.Set, SntpUdpClient.Exchange, addresses, new DateTime(FirmwareBuild.UtcTicks), new AutoResetSignal(), log)
                : null;
            NetworkEvents network = new NetworkEvents(delegate(bool up) { transport.NetworkUp = up; }, addresses, clockSync, controller);
            DeviceFacts facts = new DeviceFacts(
                "WwepDevice built " + ClockSync.FormatTime(new DateTime(FirmwareBuild.UtcTicks)),
                deviceId,
                mac,
                board.Notes,
                "internet SNTP (the firmware's own)",
                WifiConnector.StationAddress,
                ManagedHeap.Free);
            StatusReport status = new StatusReport(facts, settings, controller, network, addresses, clock, clockSync, trust, log);

            // A long press is what the pin says when the hold timer runs out, not what the handlers' times say.
            GpioButton button = new GpioButton(gpio, settings.ButtonPin, settings.DebounceMilliseconds);
            button.Listen(new PressRecognizer(settings.DebounceMilliseconds, false, controller.OnButtonPressed, status.OnLongPress, new ThreadingOneShotTimer(), button.IsHeld));
            if (settings.Mode == LinkMode.TwoButton)
            {
                GpioButton second = new GpioButton(gpio, settings.SecondButtonPin, settings.DebounceMilliseconds);
                second.Listen(new PressRecognizer(settings.DebounceMilliseconds, true, controller.OnButtonPressed, status.OnLongPress, new ThreadingOneShotTimer(), second.IsHeld));
            }

            // Until Wi-Fi says it is up the network is down: a press made before waits for it instead of spending attempts.
            controller.OnNetworkDown();
            controller.Start();
            WifiConnector wifi = new WifiConnector(settings);
            wifi.Start(new WifiLink(settings, wifi.Join, WifiConnector.StationAddress, network.OnChanged, new AutoResetSignal(), log));

            Thread.Sleep(Timeout.Infinite);
        }

        private static string ModeName(LinkMode mode)
        {
            return mode == LinkMode.Plain ? "plain" : mode == LinkMode.Tls ? "TLS" : "two buttons (plain + TLS)";
        }
    }
}
