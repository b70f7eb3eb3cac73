using System;
using System.Threading;
using WwepDevice.Core.Network;
using WwepDevice.Core.Protocol;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;

namespace WwepDevice.Core.Press
{
    /// <summary>
    /// The device's behaviour: the LED starts off; each press toggles it at once and makes the new state the one
    /// to send; one worker thread owns the network and delivers the newest state, retrying with backoff. Presses
    /// that come while a send is under way collapse into one send of the final state. The press path takes one
    /// short lock and never touches the network. Once the network is first up, the boot state is stored (or, with
    /// <see cref="LedAtBoot.Restore"/>, read and shown) unless a press came first; a state finally not delivered
    /// shows its blink code (<see cref="BlinkCodes"/>) until a send succeeds.
    /// </summary>
    public sealed class ButtonLedController
    {
        // What the server holds, as far as the device knows: 0 off, 1 on, or unknown.
        private const int ServerStateUnknown = -1;

        // Words and lines of the success path, made once: on the nanoCLR every executed string literal and every
        // concatenation is a new heap block, and a delivered press should cost the board's heap next to nothing.
        private static readonly string On = "ON";
        private static readonly string Off = "OFF";
        private static readonly string Tls = "TLS";
        private static readonly string Plain = "plain";
        private static readonly string[] StoredAtFirstAttempt = new string[]
        {
            "LED OFF stored on the server (plain, attempt 1)",
            "LED ON stored on the server (plain, attempt 1)",
            "LED OFF stored on the server (TLS, attempt 1)",
            "LED ON stored on the server (TLS, attempt 1)",
        };

        private readonly object _sync = new object();
        private readonly StatusLed _led;
        private readonly LedStateSender _sender;
        private readonly RetryPolicy _retry;
        private readonly IWaitSignal _wake;
        private readonly ILog _log;
        private readonly WwepSettings _settings;

        private bool _ledOn;
        private bool _pending;
        private bool _pendingState;
        private TransportKind _pendingKind;
        private bool _pendingRead;
        private bool _bootDecided;
        private bool _restoreWanted;
        private bool _inProgress;
        private string _lastFailure = string.Empty;
        private int _serverState = ServerStateUnknown;
        private bool _networkDown;
        private int _clockSets;
        private bool _undelivered;
        private bool _stopping;
        private int _presses;
        private int _sends;
        private int _acknowledged;
        private Thread _worker;

        /// <summary>Creates the controller, without blink codes (the LED has no timer), and turns the LED off.</summary>
        /// <param name="settings">The device settings (mode decides each button's transport).</param>
        /// <param name="led">The LED.</param>
        /// <param name="sender">Delivers states.</param>
        /// <param name="retry">Backoff between attempts.</param>
        /// <param name="wake">Wakes the worker.</param>
        /// <param name="log">Where diagnosis lines go.</param>
        public ButtonLedController(WwepSettings settings, ILed led, LedStateSender sender, RetryPolicy retry, IWaitSignal wake, ILog log)
            : this(settings, new StatusLed(led, null), sender, retry, wake, log)
        {
        }

        /// <summary>Creates the controller and turns the LED off.</summary>
        /// <param name="settings">The device settings (mode, <see cref="WwepSettings.LedAtBoot"/>, <see cref="WwepSettings.BlinkCodes"/>).</param>
        /// <param name="led">The LED with its blink timer.</param>
        /// <param name="sender">Delivers states.</param>
        /// <param name="retry">Backoff between attempts.</param>
        /// <param name="wake">Wakes the worker.</param>
        /// <param name="log">Where diagnosis lines go.</param>
        public ButtonLedController(WwepSettings settings, StatusLed led, LedStateSender sender, RetryPolicy retry, IWaitSignal wake, ILog log)
        {
            _settings = settings;
            _led = led;
            _sender = sender;
            _retry = retry;
            _wake = wake;
            _log = log;
            _led.Show(false);
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

        /// <summary>True while the worker is delivering a state (attempting or backing off).</summary>
        public bool IsSending
        {
            get
            {
                lock (_sync)
                {
                    return _inProgress;
                }
            }
        }

        /// <summary>The blink code the LED shows or repeats now; <see cref="BlinkCodes.None"/> for none.</summary>
        public int BlinkCode
        {
            get { return _led.Code; }
        }

        /// <summary>The diagnosis of the last failed attempt since start; empty when none failed.</summary>
        public string LastFailureLine
        {
            get
            {
                lock (_sync)
                {
                    return _lastFailure;
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
                _pendingRead = false;

                // A press wins over the boot state: no boot write, and a stored state read later is not shown.
                _bootDecided = true;
                _restoreWanted = false;
                _presses++;
                _led.Show(on);
            }

            _wake.Set();
        }

        /// <summary>
        /// The network came up (Wi-Fi has an address). The first time, unless a press came first, the boot state is
        /// stored, or read with <see cref="LedAtBoot.Restore"/>; later, as <see cref="OnNetworkAvailable"/>.
        /// </summary>
        public void OnNetworkUp()
        {
            bool boot;
            bool read;
            bool off;
            lock (_sync)
            {
                _networkDown = false;
                boot = !_bootDecided;
                read = boot && _settings.LedAtBoot == LedAtBoot.Restore;
                off = !_ledOn;
                if (boot)
                {
                    _bootDecided = true;
                    _restoreWanted = read;
                    _pendingRead = read;
                    _pendingState = _ledOn;
                    _pendingKind = _settings.TransportForButton(false);
                    _pending = true;
                }
            }

            if (!boot)
            {
                OnNetworkAvailable();
                return;
            }

            _log.Write(LogLevel.Info, read
                ? "boot: reading the LED state stored on the server (LedAtBoot restore)"
                : "boot: storing LED " + StateName(!off) + " on the server, so that it agrees with the LED (LedAtBoot off)");
            _wake.Set();
        }

        /// <summary>
        /// Sends an undelivered state (or reads the boot state again) at once, cutting short a backoff under way: the
        /// long press does this after the status block.
        /// </summary>
        /// <returns>True when a state was waiting to be delivered.</returns>
        public bool RetryNow()
        {
            bool waiting;
            lock (_sync)
            {
                if (_undelivered && !_pending && !_inProgress)
                {
                    Requeue();
                }

                waiting = _pending || _inProgress;
            }

            _wake.Set();
            return waiting;
        }

        /// <summary>
        /// The network is known to be down (Wi-Fi lost its address, or not joined yet): until it is back, the worker
        /// spends no attempts; the state is kept and sent once <see cref="OnNetworkUp"/> says so.
        /// </summary>
        public void OnNetworkDown()
        {
            lock (_sync)
            {
                _networkDown = true;

                // The server may have been restarted meanwhile: after the network's return the state goes out again.
                _serverState = ServerStateUnknown;
            }

            // A worker in its backoff wakes up, finds the network down and stops spending attempts.
            _wake.Set();
        }

        /// <summary>
        /// The network is back (Wi-Fi reconnected): a state that could not be delivered is queued again.
        /// </summary>
        public void OnNetworkAvailable()
        {
            lock (_sync)
            {
                _networkDown = false;
            }

            ResendKept("network is back: reading the stored LED state again", "network is back: sending the undelivered LED state ");
        }

        /// <summary>
        /// The clock was set (by internet SNTP or the WWEP server's): a state kept while TLS could not check dates is
        /// sent now, as after the network's return.
        /// </summary>
        public void OnClockSet()
        {
            lock (_sync)
            {
                _clockSets++;
            }

            ResendKept("clock set: reading the stored LED state", "clock set: sending the kept LED state ");
        }

        // What was kept waiting (for the network or the clock) goes out now, once: nothing when nothing is kept or a
        // send is already queued (that send carries the newest state anyway). A press between the caller's lock and
        // this one only queues that send sooner.
        private void ResendKept(string readLine, string sendLine)
        {
            bool read;
            lock (_sync)
            {
                if (!_undelivered || _pending)
                {
                    return;
                }

                Requeue();
                read = _pendingRead;
            }

            _log.Write(LogLevel.Info, read ? readLine : sendLine + StateName(_ledOn));
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
        /// Delivers the newest pending state (or reads the boot state), with retries and backoff; returns once it is
        /// acknowledged, refused, or given up after the last attempt. The worker calls it; tests call it directly.
        /// </summary>
        /// <returns>False when nothing was pending.</returns>
        public bool ProcessPending()
        {
            bool state;
            TransportKind kind;
            bool read;
            if (!TakePending(out state, out kind, out read))
            {
                return false;
            }

            if (!read && AlreadyStored(state))
            {
                return true;
            }

            try
            {
                Deliver(state, kind, read);
            }
            finally
            {
                lock (_sync)
                {
                    _inProgress = false;
                }
            }

            return true;
        }

        private void Deliver(bool state, TransportKind kind, bool read)
        {
            int attempt = 0;
            while (true)
            {
                if (IsNetworkDown())
                {
                    WaitForNetwork();
                    return;
                }

                int clockSetsBefore = ClockSets();
                SendOutcome outcome = read ? _sender.ReadStored(kind) : _sender.Send(state, kind);
                if (outcome == SendOutcome.TransportFailed && _sender.LastFailure == TransportFailure.ClockNotSet)
                {
                    // Nothing was sent (TLS cannot check dates yet): no attempt is spent, the state waits for the clock
                    // as it waits for the network, unless the clock was set while the sender looked at it.
                    if (WaitForClock(clockSetsBefore))
                    {
                        return;
                    }

                    continue;
                }

                attempt++;
                _sends++;
                if (outcome == SendOutcome.Acknowledged)
                {
                    _acknowledged++;
                    if (read)
                    {
                        Restore(kind, attempt);
                    }
                    else
                    {
                        MarkStored(state);
                        _log.Write(LogLevel.Info, attempt == 1 ? StoredAtFirstAttempt[(state ? 1 : 0) + (kind == TransportKind.Tls ? 2 : 0)] : "LED " + StateName(state) + " stored on the server (" + KindName(kind) + ", attempt " + attempt.ToString() + ")");
                    }

                    _led.EndCode();
                    return;
                }

                lock (_sync)
                {
                    _lastFailure = _sender.LastDiagnosis;

                    // A failed write may or may not have reached the server: what it holds is unknown now. One never
                    // attempted (TLS with the clock unset) did not leave the device, so what the server holds is kept.
                    bool notAttempted = outcome == SendOutcome.TransportFailed && _sender.LastFailure == TransportFailure.ClockNotSet;
                    _serverState = read || notAttempted ? _serverState : ServerStateUnknown;
                }

                if (IsStopping())
                {
                    MarkUndelivered();
                    return;
                }

                if (outcome == SendOutcome.TransportFailed && _sender.LastFailure == TransportFailure.NetworkDown)
                {
                    // The transport knows it from the same network events: wait as for a loss told directly.
                    lock (_sync)
                    {
                        _networkDown = true;
                    }

                    continue;
                }

                if (_sender.LastFailureIsPermanent)
                {
                    MarkUndelivered();
                    _log.Write(LogLevel.Error, _sender.LastDiagnosis);
                    _log.Write(LogLevel.Error, Subject(read, state) + (read ? " not read" : " not stored") + ": this will fail again until the cause above is fixed; the next press tries again");
                    BlinkUnlessNewer(BlinkCodeOf(outcome));
                    return;
                }

                if (attempt >= _retry.MaxAttempts)
                {
                    MarkUndelivered();
                    _log.Write(LogLevel.Error, _sender.LastDiagnosis);
                    _log.Write(LogLevel.Error, Subject(read, state) + (read ? " not read after " : " not stored after ") + attempt.ToString() + (attempt == 1 ? " attempt" : " attempts") + (read ? "; the network's return or a long press tries again" : "; the next press or the network's return tries again"));
                    BlinkUnlessNewer(BlinkCodeOf(outcome));
                    return;
                }

                int delay = _retry.DelayBeforeRetry(attempt);
                _log.Write(LogLevel.Warning, _sender.LastDiagnosis + " (attempt " + attempt.ToString() + " of " + _retry.MaxAttempts.ToString() + ", retrying in " + delay.ToString() + " ms)");

                // A press during the backoff makes a newer state: send that one, with a fresh set of attempts.
                if (_wake.Wait(delay))
                {
                    bool newer;
                    TransportKind newerKind;
                    bool newerRead;
                    if (TakePending(out newer, out newerKind, out newerRead))
                    {
                        if (!newerRead && AlreadyStored(newer))
                        {
                            return;
                        }

                        state = newer;
                        kind = newerKind;
                        read = newerRead;
                        attempt = 0;
                    }
                    else if (IsStopping())
                    {
                        MarkUndelivered();
                        return;
                    }
                }
            }
        }

        // The boot read was answered: show the stored state, unless a press came first (then the press wins).
        private void Restore(TransportKind kind, int attempt)
        {
            int value = _sender.StoredValue;
            bool shown;
            lock (_sync)
            {
                _serverState = value == 0 || value == 1 ? value : ServerStateUnknown;
                shown = _restoreWanted;
                _restoreWanted = false;
                if (shown)
                {
                    _undelivered = _pending;
                    if (value == 1)
                    {
                        _ledOn = true;
                        _led.Show(true);
                    }
                }
            }

            string how = " (" + KindName(kind) + ", attempt " + attempt.ToString() + ")";
            if (!shown)
            {
                _log.Write(LogLevel.Info, "the stored LED state came after a press: the press wins" + how);
            }
            else if (value == 0 || value == 1)
            {
                _log.Write(LogLevel.Info, "LED " + StateName(value == 1) + " restored from the server" + how);
            }
            else if (value < 0)
            {
                _log.Write(LogLevel.Info, "the server holds no LED state for this device yet (X: never written): the LED stays off" + how);
            }
            else
            {
                _log.Write(LogLevel.Warning, "the server holds " + HexAscii.Format(value, 4) + " in register 05, not an LED state (0000 or 0001): the LED stays off" + how);
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

        private bool TakePending(out bool state, out TransportKind kind, out bool read)
        {
            lock (_sync)
            {
                state = _pendingState;
                kind = _pendingKind;
                read = _pendingRead;
                if (!_pending)
                {
                    return false;
                }

                _pending = false;
                _inProgress = true;
                return true;
            }
        }

        // Under the lock: the undelivered state (or the boot read) becomes the pending one again.
        private void Requeue()
        {
            _pendingState = _ledOn;
            _pendingRead = _restoreWanted;
            _pendingKind = _restoreWanted ? _settings.TransportForButton(false) : _pendingKind;
            _pending = true;
        }

        // While the network is known down no attempt is made: the state is kept (undelivered, so the network's return
        // queues it again), one line says so, and the LED shows the network's code.
        private void WaitForNetwork()
        {
            MarkUndelivered();
            _log.Write(LogLevel.Warning, TransportMessages.NetworkDown());
            BlinkUnlessNewer(BlinkCodes.Network);
        }

        // The clock is known unset: like the network's loss, no attempt is made, the state is kept (undelivered, so
        // OnClockSet queues it again), one warning says so, and the LED shows the clock's code. If the clock was set
        // between the sender's look and this lock, OnClockSet found nothing undelivered: the worker tries at once.
        private bool WaitForClock(int clockSetsBefore)
        {
            lock (_sync)
            {
                if (_clockSets != clockSetsBefore)
                {
                    return false;
                }

                _undelivered = true;
            }

            _log.Write(LogLevel.Warning, _sender.LastDiagnosis + "; " + TransportMessages.WaitingForClock());
            BlinkUnlessNewer(BlinkCodes.ClockNotSet);
            return true;
        }

        private int ClockSets()
        {
            lock (_sync)
            {
                return _clockSets;
            }
        }

        private int BlinkCodeOf(SendOutcome outcome)
        {
            return BlinkCodes.For(outcome, _sender.LastFailure, _sender.LastTlsCause);
        }

        // The code of the failure, unless a press has already made a newer state (its own send decides then).
        private void BlinkUnlessNewer(int code)
        {
            if (!_settings.BlinkCodes)
            {
                return;
            }

            bool starts = false;
            lock (_sync)
            {
                if (!_pending)
                {
                    // One line when a code starts, not at each repeat or each press that keeps the same code.
                    starts = _led.Code != code;
                    _led.Blink(code);
                }
            }

            if (starts && _led.Code == code)
            {
                _log.Write(LogLevel.Info, BlinkCodes.StartLine(code));
            }
        }

        private void MarkStored(bool state)
        {
            lock (_sync)
            {
                _serverState = state ? 1 : 0;
                MarkDeliveredLocked(state);
            }
        }

        // Delivered only if no newer press changed the LED in the meantime; otherwise that press is pending.
        private void MarkDeliveredLocked(bool state)
        {
            _undelivered = _pending || state != _ledOn;
        }

        // A final state equal to the one the server acknowledged last is not sent again: presses that came during a
        // send and ended where it began (ON, then OFF and ON) cost no connection, and on TLS no handshake, which stops
        // every thread of the board. After a boot, a failed write or a network loss the server's state is unknown, so
        // the next state always goes out.
        private bool AlreadyStored(bool state)
        {
            lock (_sync)
            {
                if (_serverState != (state ? 1 : 0))
                {
                    return false;
                }

                MarkDeliveredLocked(state);
                _inProgress = false;
            }

            _led.EndCode();
            return true;
        }

        private void MarkUndelivered()
        {
            lock (_sync)
            {
                _undelivered = true;
            }
        }

        private bool IsNetworkDown()
        {
            lock (_sync)
            {
                return _networkDown;
            }
        }

        private bool IsStopping()
        {
            lock (_sync)
            {
                return _stopping;
            }
        }

        private static string Subject(bool read, bool state)
        {
            return read ? "the stored LED state" : "LED " + StateName(state);
        }

        private static string StateName(bool on)
        {
            return on ? On : Off;
        }

        private static string KindName(TransportKind kind)
        {
            return kind == TransportKind.Tls ? Tls : Plain;
        }
    }
}
