using System;
using System.Threading;

namespace WwepDevice.Core
{
    /// <summary>
    /// The device's behaviour: the LED starts off; each press toggles it at once and makes the new state the one
    /// to send; one worker thread owns the network and delivers the newest state, retrying with backoff. Presses
    /// that come while a send is under way collapse into one send of the final state. The press path takes one
    /// short lock and never touches the network.
    /// </summary>
    public sealed class ButtonLedController
    {
        private readonly object _sync = new object();
        private readonly ILed _led;
        private readonly LedStateSender _sender;
        private readonly RetryPolicy _retry;
        private readonly IWaitSignal _wake;
        private readonly ILog _log;
        private readonly WwepSettings _settings;

        private bool _ledOn;
        private bool _pending;
        private bool _pendingState;
        private TransportKind _pendingKind;
        private bool _undelivered;
        private bool _stopping;
        private int _presses;
        private int _sends;
        private int _acknowledged;
        private Thread _worker;

        /// <summary>Creates the controller and turns the LED off.</summary>
        /// <param name="settings">The device settings (mode decides each button's transport).</param>
        /// <param name="led">The LED.</param>
        /// <param name="sender">Delivers states.</param>
        /// <param name="retry">Backoff between attempts.</param>
        /// <param name="wake">Wakes the worker.</param>
        /// <param name="log">Where diagnosis lines go.</param>
        public ButtonLedController(WwepSettings settings, ILed led, LedStateSender sender, RetryPolicy retry, IWaitSignal wake, ILog log)
        {
            _settings = settings;
            _led = led;
            _sender = sender;
            _retry = retry;
            _wake = wake;
            _log = log;
            _led.Set(false);
        }

        /// <summary>The LED state the device shows now.</summary>
        public bool LedOn
        {
            get
            {
                lock (_sync)
                {
                    return _ledOn;
                }
            }
        }

        /// <summary>True while a state is waiting to be sent.</summary>
        public bool HasPending
        {
            get
            {
                lock (_sync)
                {
                    return _pending;
                }
            }
        }

        /// <summary>True when the newest state has not been acknowledged by the server (gave up, waiting).</summary>
        public bool HasUndelivered
        {
            get
            {
                lock (_sync)
                {
                    return _undelivered;
                }
            }
        }

        /// <summary>Presses handled since start.</summary>
        public int Presses
        {
            get { return _presses; }
        }

        /// <summary>Send attempts made since start.</summary>
        public int Sends
        {
            get { return _sends; }
        }

        /// <summary>States the server acknowledged since start.</summary>
        public int Acknowledged
        {
            get { return _acknowledged; }
        }

        /// <summary>
        /// A debounced press. Called from the GPIO event thread: toggles the LED, records the new state for the
        /// worker and wakes it. No I/O beyond the LED pin.
        /// </summary>
        /// <param name="secondButton">True for the second (TLS) button of the two-button mode.</param>
        public void OnButtonPressed(bool secondButton)
        {
            bool on;
            lock (_sync)
            {
                _ledOn = !_ledOn;
                on = _ledOn;
                _pendingState = on;
                _pendingKind = _settings.TransportForButton(secondButton);
                _pending = true;
                _presses++;
                _led.Set(on);
            }

            _wake.Set();
        }

        /// <summary>
        /// The network is back (Wi-Fi reconnected): a state that could not be delivered is queued again.
        /// </summary>
        public void OnNetworkAvailable()
        {
            lock (_sync)
            {
                if (!_undelivered || _pending)
                {
                    return;
                }

                _pendingState = _ledOn;
                _pending = true;
            }

            _log.Write(LogLevel.Info, "network is back: sending the undelivered LED state " + StateName(_ledOn));
            _wake.Set();
        }

        /// <summary>Starts the worker thread that owns the network.</summary>
        public void Start()
        {
            _worker = new Thread(RunWorker);
            _worker.Start();
        }

        /// <summary>Asks the worker to stop after its current attempt and waits for it (up to the timeout).</summary>
        /// <param name="timeoutMilliseconds">How long to wait for the worker.</param>
        public void Stop(int timeoutMilliseconds)
        {
            lock (_sync)
            {
                _stopping = true;
            }

            _wake.Set();
            if (_worker != null)
            {
                _worker.Join(timeoutMilliseconds);
            }
        }

        /// <summary>
        /// Delivers the newest pending state, with retries and backoff; returns once it is acknowledged, refused,
        /// or given up after the last attempt. The worker calls it; tests call it directly.
        /// </summary>
        /// <returns>False when nothing was pending.</returns>
        public bool ProcessPending()
        {
            bool state;
            TransportKind kind;
            if (!TakePending(out state, out kind))
            {
                return false;
            }

            int attempt = 0;
            while (true)
            {
                attempt++;
                _sends++;
                SendOutcome outcome = _sender.Send(state, kind);
                if (outcome == SendOutcome.Acknowledged)
                {
                    _acknowledged++;
                    MarkDelivered(state);
                    _log.Write(LogLevel.Info, "LED " + StateName(state) + " stored on the server (" + KindName(kind) + ", attempt " + attempt.ToString() + ")");
                    return true;
                }

                if (IsStopping())
                {
                    MarkUndelivered();
                    return true;
                }

                if (_sender.LastFailureIsPermanent)
                {
                    MarkUndelivered();
                    _log.Write(LogLevel.Error, _sender.LastDiagnosis);
                    _log.Write(LogLevel.Error, "LED " + StateName(state) + " not stored: this will fail again until the cause above is fixed; the next press tries again");
                    return true;
                }

                if (attempt >= _retry.MaxAttempts)
                {
                    MarkUndelivered();
                    _log.Write(LogLevel.Error, _sender.LastDiagnosis);
                    _log.Write(LogLevel.Error, "LED " + StateName(state) + " not stored after " + attempt.ToString() + (attempt == 1 ? " attempt" : " attempts") + "; the next press or the network's return tries again");
                    return true;
                }

                int delay = _retry.DelayBeforeRetry(attempt);
                _log.Write(LogLevel.Warning, _sender.LastDiagnosis + " (attempt " + attempt.ToString() + " of " + _retry.MaxAttempts.ToString() + ", retrying in " + delay.ToString() + " ms)");

                // A press during the backoff makes a newer state: send that one, with a fresh set of attempts.
                if (_wake.Wait(delay))
                {
                    bool newer;
                    TransportKind newerKind;
                    if (TakePending(out newer, out newerKind))
                    {
                        state = newer;
                        kind = newerKind;
                        attempt = 0;
                    }
                    else if (IsStopping())
                    {
                        MarkUndelivered();
                        return true;
                    }
                }
            }
        }

        private void RunWorker()
        {
            while (!IsStopping())
            {
                _wake.Wait(Timeout.Infinite);
                try
                {
                    while (!IsStopping() && ProcessPending())
                    {
                    }
                }
                catch (Exception ex)
                {
                    // The worker must outlive any bug in an adapter: log it and keep serving presses.
                    MarkUndelivered();
                    _log.Write(LogLevel.Error, "unexpected " + ex.GetType().Name + " in the network worker: " + ex.Message + "; the next press tries again");
                }
            }
        }

        private bool TakePending(out bool state, out TransportKind kind)
        {
            lock (_sync)
            {
                state = _pendingState;
                kind = _pendingKind;
                if (!_pending)
                {
                    return false;
                }

                _pending = false;
                return true;
            }
        }

        private void MarkDelivered(bool state)
        {
            lock (_sync)
            {
                // Delivered only if no newer press changed the LED in the meantime; otherwise that press is pending.
                _undelivered = _pending || state != _ledOn;
            }
        }

        private void MarkUndelivered()
        {
            lock (_sync)
            {
                _undelivered = true;
            }
        }

        private bool IsStopping()
        {
            lock (_sync)
            {
                return _stopping;
            }
        }

        private static string StateName(bool on)
        {
            return on ? "ON" : "OFF";
        }

        private static string KindName(TransportKind kind)
        {
            return kind == TransportKind.Tls ? "TLS" : "plain";
        }
    }
}
