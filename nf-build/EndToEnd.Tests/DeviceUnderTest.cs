using System;
using System.IO;
using System.Linq;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;
using WwepSimulator;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// The firmware's logic wired as the simulator wires it (SimulatedDevice, HostTransport, ConsoleLog, the real or a
    /// chosen running clock), its console captured: the <c>[WWEP]</c> lines are exactly what the board prints.
    /// </summary>
    public sealed class DeviceUnderTest : IDisposable
    {
        /// <summary>The device ID of the project's device certificate (CN=02E8).</summary>
        public const int Id = 0x02E8;

        private readonly StringWriter _buffer = new StringWriter();
        private readonly TextWriter _output;
        private readonly SimulatedDevice _device;
        private readonly HostTransport _transport;
        private readonly WwepSettings _settings;
        private readonly ConsoleLog _log;
        private bool _stopped;

        /// <summary>Wires and starts the device.</summary>
        /// <param name="settings">Its settings (see <see cref="Settings"/>).</param>
        /// <param name="credentials">CA and optional device certificate; null for plain only.</param>
        /// <param name="clockStartUtc">A device clock that starts here and runs; null for this PC's clock.</param>
        public DeviceUnderTest(WwepSettings settings, TlsCredentials? credentials, DateTime? clockStartUtc = null)
        {
            string[] problems = settings.Validate();
            if (problems.Length > 0)
            {
                throw new ArgumentException("test settings invalid: " + string.Join("; ", problems));
            }

            _output = TextWriter.Synchronized(_buffer);
            Clock = new SimulatedClock(clockStartUtc);
            _log = new ConsoleLog(_output);
            _settings = settings;
            _transport = new HostTransport(settings, credentials, Id, Clock, _log, new ExchangeTrace(_output));
            _device = new SimulatedDevice(settings, Id, _transport, Clock, _log, new ConsoleLed(_output));
            _device.Start();
        }

        /// <summary>The device clock.</summary>
        public SimulatedClock Clock { get; }

        /// <summary>The firmware's controller: LED state and counts.</summary>
        public ButtonLedController Controller
        {
            get { return _device.Controller; }
        }

        /// <summary>True when the newest state was acknowledged.</summary>
        public bool AllDelivered
        {
            get { return _device.AllDelivered; }
        }

        /// <summary>Every console line so far ([WWEP], [SIM], LED).</summary>
        public string[] Lines
        {
            get { return _buffer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries); }
        }

        /// <summary>The lines the board itself would print ([WWEP] ...).</summary>
        public string[] BoardLines
        {
            get { return Lines.Where(line => line.StartsWith("[WWEP]", StringComparison.Ordinal)).ToArray(); }
        }

        /// <summary>All console lines, for a failure message.</summary>
        public string Transcript
        {
            get { return _buffer.ToString(); }
        }

        /// <summary>Short timeouts and backoff for loopback.</summary>
        /// <param name="mode">Plain or TLS.</param>
        /// <param name="plainPort">The plain port the device uses.</param>
        /// <param name="tlsPort">The TLS port the device uses.</param>
        /// <returns>Settings with ServerHost 127.0.0.1 verified as localhost (a name the certificates carry), 2 attempts, 50-100 ms backoff.</returns>
        public static WwepSettings Settings(LinkMode mode, int plainPort, int tlsPort)
        {
            return new WwepSettings
            {
                ServerHost = "127.0.0.1",
                TlsHostName = "localhost",
                Mode = mode,
                PlainPort = plainPort,
                TlsPort = tlsPort,
                ConnectTimeoutMilliseconds = 2000,
                ReplyTimeoutMilliseconds = 1000,
                MaxAttempts = 2,
                InitialBackoffMilliseconds = 50,
                MaxBackoffMilliseconds = 100,
            };
        }

        /// <summary>The trust the board embeds: the project CA, and optionally a device certificate.</summary>
        /// <param name="ca">The CA file.</param>
        /// <param name="deviceCert">Device certificate file, or null.</param>
        /// <param name="deviceKey">Its key file, or null.</param>
        /// <returns>The credentials.</returns>
        public static TlsCredentials Credentials(string ca, string? deviceCert = null, string? deviceKey = null)
        {
            return TlsCredentials.Load(ca, deviceCert, deviceKey);
        }

        /// <summary>
        /// The network comes up, as the board's Wi-Fi link reports it: the firmware's reactions run, including the
        /// clock keeper when a button uses TLS (it asks the WWEP server by SNTP while the clock is unset).
        /// </summary>
        public void NetworkUp()
        {
            _device.NetworkUp(_transport.Addresses, _settings.UsesTls ? SimulatedTime.ClockSyncFor(_settings, Clock, _transport.Addresses, _log) : null);
        }

        /// <summary>Presses the button and waits until the worker is idle (delivered, refused or given up).</summary>
        /// <returns>True when the worker became idle in time.</returns>
        public bool PressAndSettle()
        {
            _device.Press(false);
            return Settle();
        }

        /// <summary>A long press (held 3 s): it toggles, prints the status block and retries an undelivered state.</summary>
        public void LongPress()
        {
            _device.Facts ??= new DeviceFacts("WwepEndToEnd.Tests", Id, new byte[] { 0x24, 0x0A, 0xC4, 0, 0x02, 0xE8 }, Array.Empty<string>(), "this PC's clock", () => "127.0.0.1", () => -1);
            _device.LongPress();
        }

        /// <summary>The network goes down, as the board's Wi-Fi link reports it.</summary>
        public void NetworkDown()
        {
            _device.NetworkDown();
        }

        /// <summary>Presses the button without waiting.</summary>
        public void Press()
        {
            _device.Press(false);
        }

        /// <summary>Waits until the worker is idle.</summary>
        /// <returns>True when it became idle within the worst-case delivery time.</returns>
        public bool Settle()
        {
            return _device.WaitUntilIdle(_device.WorstCaseDelivery);
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            if (!_stopped)
            {
                _stopped = true;
                _device.Stop();
            }
        }
    }
}
