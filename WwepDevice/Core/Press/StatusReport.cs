using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Protocol;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;

namespace WwepDevice.Core.Press
{
    /// <summary>
    /// What a long press tells: one block of lines, the first <c>status:</c>, with everything a person without the
    /// boot log needs (firmware, identity, settings and their sources, Wi-Fi, clock and its source, the server address
    /// and how it was found, the counts, the last failure, the free heap); then an undelivered state is retried at once.
    /// </summary>
    public sealed class StatusReport
    {
        /// <summary>The first line of the block.</summary>
        public const string FirstLine = "status:";

        private readonly DeviceFacts _facts;
        private readonly ButtonLedController _controller;
        private readonly NetworkEvents _network;
        private readonly ServerAddressCache _addresses;
        private readonly IClock _clock;
        private readonly ClockSync _clockSync;
        private readonly WwepSettings _settings;
        private readonly TrustedCas _trust;
        private readonly ILog _log;

        /// <summary>Creates the report over the device's parts.</summary>
        /// <param name="facts">What the platform says about the device.</param>
        /// <param name="settings">The settings in use (mode, ports).</param>
        /// <param name="controller">LED, counts, delivery, last failure.</param>
        /// <param name="network">Whether the network is up.</param>
        /// <param name="addresses">The server address and how it was found.</param>
        /// <param name="clock">The device clock.</param>
        /// <param name="clockSync">Where the clock keeper got the time; null when no button uses TLS.</param>
        /// <param name="log">Where the block goes.</param>
        public StatusReport(DeviceFacts facts, WwepSettings settings, ButtonLedController controller, NetworkEvents network, ServerAddressCache addresses, IClock clock, ClockSync clockSync, ILog log)
            : this(facts, settings, controller, network, addresses, clock, clockSync, null, log)
        {
        }

        /// <summary>Creates the report, with the CAs the board trusts listed after the server line.</summary>
        /// <param name="facts">What the platform says about the device.</param>
        /// <param name="settings">The settings in use (mode, ports).</param>
        /// <param name="controller">LED, counts, delivery, last failure.</param>
        /// <param name="network">Whether the network is up.</param>
        /// <param name="addresses">The server address and how it was found.</param>
        /// <param name="clock">The device clock.</param>
        /// <param name="clockSync">Where the clock keeper got the time; null when no button uses TLS.</param>
        /// <param name="trust">Every CA the board trusts; null when unknown.</param>
        /// <param name="log">Where the block goes.</param>
        public StatusReport(DeviceFacts facts, WwepSettings settings, ButtonLedController controller, NetworkEvents network, ServerAddressCache addresses, IClock clock, ClockSync clockSync, TrustedCas trust, ILog log)
        {
            _trust = trust;
            _facts = facts;
            _settings = settings;
            _controller = controller;
            _network = network;
            _addresses = addresses;
            _clock = clock;
            _clockSync = clockSync;
            _log = log;
        }

        /// <summary>A <see cref="LongPressed"/>: prints the block, then retries an undelivered state at once.</summary>
        public void OnLongPress()
        {
            string[] lines = Lines();
            for (int i = 0; i < lines.Length; i++)
            {
                _log.Write(LogLevel.Info, lines[i]);
            }

            if (_controller.RetryNow())
            {
                _log.Write(LogLevel.Info, "status: delivering the LED state now");
            }
        }

        /// <summary>The block as it is now.</summary>
        /// <returns>The lines, the first <see cref="FirstLine"/>.</returns>
        public string[] Lines()
        {
            string[] settingLines = _facts.SettingLines;
            string[] tlsLines = _trust != null ? _trust.TlsLines(_settings.UsesTls, _settings.UseClientCertificate) : new string[0];
            string[] lines = new string[settingLines.Length + tlsLines.Length + 11];
            int n = 0;
            lines[n++] = FirstLine;
            lines[n++] = "  firmware: " + _facts.Firmware;
            lines[n++] = "  device: " + DeviceIdentity.ToHex(_facts.DeviceId) + ", MAC " + MacText(_facts.Mac);
            for (int i = 0; i < settingLines.Length; i++)
            {
                lines[n++] = "  " + settingLines[i];
            }

            if (settingLines.Length == 0)
            {
                lines[n++] = "  settings: all defaults";
            }

            lines[n++] = "  Wi-Fi: " + (_network.IsUp ? "up, address " + _facts.StationAddress() : "down");
            lines[n++] = "  clock: " + ClockText();
            lines[n++] = "  server: " + _addresses.Description + ", " + ModeText();
            for (int i = 0; i < tlsLines.Length; i++)
            {
                lines[n++] = "  " + tlsLines[i];
            }

            lines[n++] = "  LED: " + LedText();
            lines[n++] = "  counts: " + _controller.Presses.ToString() + " presses, " + _controller.Sends.ToString() + " sends, " + _controller.Acknowledged.ToString() + " acknowledged";
            string failure = _controller.LastFailureLine;
            lines[n++] = "  last failure: " + (failure.Length > 0 ? failure : "none");
            long heap = _facts.FreeHeap();
            lines[n++] = "  free managed heap: " + (heap >= 0 ? heap.ToString() + " bytes" : "not measured on this runtime");
            if (n == lines.Length)
            {
                return lines;
            }

            string[] result = new string[n];
            System.Array.Copy(lines, result, n);
            return result;
        }

        /// <summary>A MAC as <c>24:0A:C4:12:34:56</c>.</summary>
        /// <param name="mac">The bytes.</param>
        /// <returns>The text; "unknown" without bytes.</returns>
        public static string MacText(byte[] mac)
        {
            if (mac == null || mac.Length == 0)
            {
                return "unknown";
            }

            string text = string.Empty;
            for (int i = 0; i < mac.Length; i++)
            {
                text += (i > 0 ? ":" : string.Empty) + HexAscii.Format(mac[i], 2);
            }

            return text;
        }

        private string ClockText()
        {
            string now = ClockSync.FormatTime(_clock.UtcNow);
            if (_clock.UtcNow < WwepSettings.EarliestPlausibleUtc)
            {
                return now + ", not set" + (_settings.UsesTls ? " (TLS waits for it)" : " (plain mode does not need it)");
            }

            string source = _clockSync != null ? _clockSync.Source : string.Empty;
            return now + ", set by " + (source.Length > 0 ? source : _facts.ClockSetBefore);
        }

        private string ModeText()
        {
            if (_settings.Mode == LinkMode.Plain)
            {
                return "plain port " + _settings.PlainPort.ToString();
            }

            string tls = "TLS port " + _settings.TlsPort.ToString() + " verifying '" + _settings.EffectiveTlsHostName + "'" + (_settings.UseClientCertificate ? " with the device certificate" : string.Empty);
            return _settings.Mode == LinkMode.Tls ? tls : "plain port " + _settings.PlainPort.ToString() + " and " + tls;
        }

        private string LedText()
        {
            string led = _controller.LedOn ? "ON" : "OFF";
            if (_controller.IsSending || _controller.HasPending)
            {
                return led + ", being sent";
            }

            if (_controller.HasUndelivered)
            {
                int code = _controller.BlinkCode;
                return led + ", NOT stored on the server" + (code != BlinkCodes.None ? " (blink code " + code.ToString() + ": " + BlinkCodes.ClassName(code) + ")" : string.Empty);
            }

            return led + (_controller.Acknowledged > 0 ? ", as stored on the server" : ", nothing sent yet");
        }
    }
}
