using System;
using System.Diagnostics;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;

namespace WwepSimulator
{
    /// <summary>
    /// The firmware's own <see cref="ButtonLedController"/> and <see cref="LedStateSender"/>, wired as the board's
    /// Program wires them, with the simulator's adapters in place of GPIO and the ESP32 network stack.
    /// </summary>
    public sealed class SimulatedDevice
    {
        private readonly WorkerSignal _signal = new WorkerSignal();
        private readonly WwepSettings _settings;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
        private readonly PressRecognizer _button;
        private NetworkEvents? _network;
        private ServerAddressCache? _addresses;
        private ClockSync? _clockSync;

        /// <summary>Wires the device; the LED turns off.</summary>
        /// <param name="settings">The device settings.</param>
        /// <param name="deviceId">This device's ID.</param>
        /// <param name="transport">Opens connections.</param>
        /// <param name="clock">The device clock.</param>
        /// <param name="log">The board's log lines.</param>
        /// <param name="led">The LED.</param>
        public SimulatedDevice(WwepSettings settings, int deviceId, IWwepTransport transport, IClock clock, ILog log, ILed led)
        {
            _settings = settings;
            _clock = clock;
            _log = log;
            Controller = new ButtonLedController(
                settings,
                new StatusLed(led, new ThreadingOneShotTimer()),
                new LedStateSender(transport, clock, settings, deviceId),
                new RetryPolicy(settings.MaxAttempts, settings.InitialBackoffMilliseconds, settings.MaxBackoffMilliseconds, new Random()),
                _signal,
                log);

            // The simulated button reports its edges with their times, as the board's GPIO adapter does; a long press
            // is a press edge and a release 3 s later, so the core's release rule tells it at once.
            _button = new PressRecognizer(settings.DebounceMilliseconds, false, Controller.OnButtonPressed, OnLongPress, null);
        }

        /// <summary>What the status block says about the simulated board; null: a long press prints no block.</summary>
        public DeviceFacts? Facts { get; set; }

        /// <summary>The CAs the simulated board trusts, for the status block's TLS lines; null: none shown.</summary>
        public TrustedCas? Trust { get; set; }

        /// <summary>The firmware's controller (LED state, counts).</summary>
        public ButtonLedController Controller { get; }

        /// <summary>True when no state is waiting and the newest one was acknowledged (or nothing was pressed).</summary>
        public bool AllDelivered
        {
            get { return !Controller.HasPending && !Controller.HasUndelivered; }
        }

        /// <summary>
        /// The longest the worker can take for one state: every attempt's connect and reply timeouts plus the
        /// longest backoffs, with a margin for the machine.
        /// </summary>
        public TimeSpan WorstCaseDelivery
        {
            get
            {
                long total = 5000;
                for (int attempt = 1; attempt <= _settings.MaxAttempts; attempt++)
                {
                    total += _settings.ConnectTimeoutMilliseconds + (2L * _settings.ReplyTimeoutMilliseconds);
                    total += Math.Min((long)_settings.InitialBackoffMilliseconds << Math.Min(attempt - 1, 30), _settings.MaxBackoffMilliseconds);
                }

                return TimeSpan.FromMilliseconds(total);
            }
        }

        /// <summary>Starts the network worker.</summary>
        public void Start()
        {
            Controller.Start();
        }

        /// <summary>The network came up: what the board's Wi-Fi link reports, with the firmware's own reactions.</summary>
        /// <param name="addresses">The transport's address cache.</param>
        /// <param name="clockSync">Sets an unset clock; null when no button uses TLS.</param>
        public void NetworkUp(ServerAddressCache addresses, ClockSync? clockSync)
        {
            _addresses = addresses;
            _clockSync = clockSync;
            _network = new NetworkEvents(delegate(bool up) { }, addresses, clockSync, Controller);
            _network.OnChanged(true);
        }

        /// <summary>
        /// The network went away, with the firmware's own reactions: the clock keeper's thread, which otherwise goes
        /// on retrying every 30 s while the clock stays unset, returns. The end of a run calls it, so that a thread
        /// the run no longer needs does not keep the process alive.
        /// </summary>
        public void NetworkDown()
        {
            if (_network != null)
            {
                _network.OnChanged(false);
            }
        }

        /// <summary>
        /// A long press of the first button: the press toggles at once, and being held for
        /// <see cref="PressRecognizer.LongPressMilliseconds"/> prints the status block and retries an undelivered state.
        /// </summary>
        public void LongPress()
        {
            long now = _sinceStart.ElapsedMilliseconds;
            _button.OnEdge(true, now);
            _button.OnEdge(false, now + PressRecognizer.LongPressMilliseconds);
        }

        /// <summary>A press of the first button, or of the second (TLS) one in two-button mode.</summary>
        /// <param name="secondButton">True for the second button.</param>
        public void Press(bool secondButton)
        {
            Controller.OnButtonPressed(secondButton);
        }

        /// <summary>Waits until the worker has nothing left to do.</summary>
        /// <param name="timeout">How long at most.</param>
        /// <returns>False when it was still busy.</returns>
        public bool WaitUntilIdle(TimeSpan timeout)
        {
            return _signal.WaitUntilIdle(timeout);
        }

        private void OnLongPress()
        {
            if (Facts == null || _network == null || _addresses == null)
            {
                _log.Write(LogLevel.Warning, "status: the network is not up yet in this simulation");
                return;
            }

            new StatusReport(Facts, _settings, Controller, _network, _addresses, _clock, _clockSync, Trust, _log).OnLongPress();
        }

        /// <summary>Stops the worker after its current attempt.</summary>
        public void Stop()
        {
            Controller.Stop((int)WorstCaseDelivery.TotalMilliseconds);
        }
    }
}
