using System;
using System.Collections.Generic;
using System.Threading;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Protocol;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;

namespace FaultSimulation;

/// <summary>
/// One run of a schedule: the real press recognizers, controller, sender, retry policy, status LED with its blink
/// codes, status report and network events of WwepDevice.Core, on one thread and virtual time. The world is every seam
/// the core has (clock, wait signal, transport, LED pin, timers, log): a wait or a timeout advances virtual time and
/// plays the events and timers that fall in it, as the GPIO, Wi-Fi, clock and timer threads would. Every invariant is
/// checked as it can be broken; a broken one throws <see cref="Violation"/>.
/// </summary>
public sealed class SimulatedWorld : IClock, IWaitSignal, IWwepTransport, ILed, ILog
{
    /// <summary>The device ID the simulated device writes under.</summary>
    public const int DeviceId = 0x02E8;

    private const int LogLinesKept = 40;
    private const int UnknownClass = -1;
    private static readonly DateTime SetTime = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private readonly Schedule _schedule;
    private readonly Queue<ScheduledEvent> _events;
    private readonly Dictionary<int, int> _registers = new();
    private readonly ButtonLedController _controller;
    private readonly NetworkEvents _network;
    private readonly StatusReport _status;
    private readonly PressRecognizer[] _buttons = new PressRecognizer[2];
    private readonly VirtualTimer[] _timers;
    private readonly RetryPolicy _retry;
    private readonly Queue<string> _log = new();
    private readonly bool[] _held = new bool[2];
    private readonly long[] _pressedAt = new long[2];
    private bool _set;
    private string _pressPath = string.Empty;
    private bool _wifiUp;
    private bool _clockSet;
    private bool _expectedLed;
    private bool _pin;
    private TransportKind _finalKind;
    private bool _finalStateExists;
    private bool _ackedSincePress;
    private int _connectsSinceAck;
    private bool _connectedSinceWait;
    private int _lastConnectionClass = UnknownClass;
    private int _lastFailureClass = UnknownClass;
    private int _connections;
    private int _lastAcked = -1;
    private bool _ackStillTrusted;
    private int _attemptsSinceFresh;
    private int _lastWriteValue = -1;
    private int _longPressesTold;

    /// <summary>Creates the world of a schedule, wired as the board's Program wires the core.</summary>
    /// <param name="schedule">The schedule.</param>
    public SimulatedWorld(Schedule schedule)
    {
        _schedule = schedule;
        _events = new Queue<ScheduledEvent>(schedule.Events);
        _clockSet = !schedule.ClockUnsetAtBoot;
        Settings = new WwepSettings();
        Settings.Mode = schedule.Mode;
        Settings.ServerHost = "192.168.1.20";
        Settings.DebounceMilliseconds = Schedule.DebounceMilliseconds;
        if (schedule.Mode == LinkMode.TwoButton)
        {
            Settings.SecondButtonPin = 4;
        }

        _finalKind = Settings.TransportForButton(false);
        var blinkTimer = new VirtualTimer(this, "blink code");
        _timers = new[] { blinkTimer, new VirtualTimer(this, "hold of button 1"), new VirtualTimer(this, "hold of button 2") };
        _retry = new RetryPolicy(Settings.MaxAttempts, Settings.InitialBackoffMilliseconds, Settings.MaxBackoffMilliseconds, new Random(schedule.Seed));
        _controller = new ButtonLedController(Settings, new StatusLed(this, blinkTimer), new LedStateSender(this, this, Settings, DeviceId), _retry, this, this);
        var addresses = new ServerAddressCache(Settings, host => new[] { host }, this, this);
        _network = new NetworkEvents(delegate { }, addresses, null, _controller);
        var facts = new DeviceFacts("FaultSimulation", DeviceId, new byte[] { 0x24, 0x0A, 0xC4, 0, 0x02, 0xE8 }, Array.Empty<string>(), "the simulation", () => "10.0.0.2", () => -1);
        _status = new StatusReport(facts, Settings, _controller, _network, addresses, this, null, this);
        for (int i = 0; i < _buttons.Length; i++)
        {
            int button = i;
            _buttons[i] = new PressRecognizer(Settings.DebounceMilliseconds, i == 1, _controller.OnButtonPressed, () => OnLongPress(button), _timers[i + 1]);
        }

        // As Program does: until Wi-Fi says it is up the network is down.
        _controller.OnNetworkDown();
    }

    /// <summary>The device's settings.</summary>
    public WwepSettings Settings { get; }

    /// <summary>Virtual time in milliseconds.</summary>
    public long Now { get; private set; }

    /// <summary>Connections the device opened.</summary>
    public int Connections => _connections;

    /// <summary>The device's last log lines, with their virtual times.</summary>
    public IEnumerable<string> LastLogLines => _log;

    /// <inheritdoc/>
    public DateTime UtcNow => _clockSet ? SetTime.AddMilliseconds(Now) : DateTime.UnixEpoch.AddMilliseconds(Now);

    /// <summary>Plays the whole schedule, then the end phase (faults over, Wi-Fi back), checking every invariant.</summary>
    public void Run()
    {
        while (true)
        {
            if (_controller.HasPending)
            {
                Process();
                continue;
            }

            CheckSettled();
            if (_events.Count == 0)
            {
                break;
            }

            PlayEarliest(_events.Peek().AtMilliseconds);
        }

        CheckPressesRecognized();

        // (1) After the last fault, with the server reachable: the network's return delivers the LED within the bound.
        long faultsOver = Now;
        if (_wifiUp)
        {
            Apply(new ScheduledEvent(Now, EventKind.WifiDown));
        }

        if (!_clockSet)
        {
            Apply(new ScheduledEvent(Now, EventKind.ClockSet));
        }

        _connections = Math.Max(_connections, _schedule.Faults.Count);
        Apply(new ScheduledEvent(Now, EventKind.WifiUp));
        while (_controller.HasPending)
        {
            Process();
        }

        long bound = _retry.MaxAttempts * (long)(Settings.ConnectTimeoutMilliseconds + Settings.ReplyTimeoutMilliseconds) + _retry.MaxAttempts * (long)_retry.MaxDelayMilliseconds;
        int want = _controller.LedOn ? 1 : 0;
        if (!_registers.TryGetValue(DeviceId, out int stored) || stored != want)
        {
            throw new Violation("(1) the server's register equals the LED after the faults", Now, $"LED {want}, server {(_registers.ContainsKey(DeviceId) ? stored.ToString() : "never written")}");
        }

        if (Now - faultsOver > bound)
        {
            throw new Violation("(1) the server's register equals the LED after the faults", Now, $"took {Now - faultsOver} ms, bound {bound} ms");
        }
    }

    /// <summary>Lets the worker deliver what is pending, notes the class of its last failure, checks the invariants.</summary>
    public void Process()
    {
        _connectedSinceWait = false;
        _controller.ProcessPending();

        // The class of the last failure: the last connection's fault, or, for an attempt that opened none, what kept
        // it from trying: the network known down, or TLS with the clock unset. It stands until the next attempt.
        _lastFailureClass = _connectedSinceWait ? _lastConnectionClass
            : !_wifiUp ? BlinkCodes.Network
            : _finalKind == TransportKind.Tls && !_clockSet ? BlinkCodes.ClockNotSet
            : _lastFailureClass;
        CheckSettled();
    }

    /// <summary>Advances virtual time by <paramref name="milliseconds"/>, playing the events and timers that fall in it.</summary>
    /// <param name="milliseconds">How long.</param>
    public void Advance(long milliseconds)
    {
        long until = Now + milliseconds;
        while (PlayEarliest(until))
        {
        }

        Now = until;
    }

    /// <summary>(5) A press path (or a timer's or the clock keeper's thread) touches no transport.</summary>
    /// <param name="what">The transport call.</param>
    public void CheckNotInPressPath(string what)
    {
        if (_pressPath.Length > 0)
        {
            throw new Violation("(5) a press is never delayed by the network", Now, what + " called from " + _pressPath);
        }
    }

    /// <summary>The simulated server: stores a write (unless it rejects), answers a read.</summary>
    /// <param name="request">The parsed request.</param>
    /// <param name="fault">The connection's fault.</param>
    /// <returns>The reply bytes.</returns>
    public byte[] Server(WwepMessage request, Fault fault)
    {
        var reply = new byte[WwepCodec.MaxMessageLength];
        if (fault == Fault.Reject)
        {
            return reply[..WwepCodec.BuildReject(reply, 0)];
        }

        if (request.IsWrite)
        {
            CheckWrite(request.Value);

            _registers[request.DeviceId] = request.Value;
            _lastWriteValue = request.Value;
            return reply[..WwepCodec.BuildAccept(reply, 0, request.DeviceId, request.Register, request.Value)];
        }

        _lastWriteValue = -1;
        if (!_registers.TryGetValue(request.DeviceId, out int value))
        {
            return reply[..WwepCodec.BuildReject(reply, 0)];
        }

        return reply[..WwepCodec.BuildAccept(reply, 0, request.DeviceId, request.Register, value)];
    }

    /// <summary>The device read the whole reply: an accept of a write is what it now knows the server holds.</summary>
    /// <param name="reply">The reply.</param>
    public void ReplyDelivered(byte[] reply)
    {
        if (reply[0] == (byte)WwepCodec.AcceptCommand && _lastWriteValue >= 0)
        {
            _lastAcked = _lastWriteValue;
            _ackStillTrusted = true;
            _attemptsSinceFresh = 0;
            _connectsSinceAck = 0;
            _ackedSincePress = _lastAcked == (_expectedLed ? 1 : 0);
        }
    }

    /// <inheritdoc/>
    public IWwepConnection Connect(TransportKind kind)
    {
        CheckNotInPressPath("Connect");
        if (!_wifiUp)
        {
            throw new Violation("(3) no attempt while the network is known down", Now, "connect with Wi-Fi down");
        }

        bool tls = kind == TransportKind.Tls;
        if (tls && !_clockSet)
        {
            throw new Violation("(3) no attempt while the clock is known unset", Now, "TLS connect with the clock at " + UtcNow.ToString("yyyy-MM-dd"));
        }

        _attemptsSinceFresh++;
        if (_attemptsSinceFresh > _retry.MaxAttempts)
        {
            throw new Violation("(3) attempts per undelivered state within MaxAttempts", Now, $"attempt {_attemptsSinceFresh} of {_retry.MaxAttempts}");
        }

        Fault fault = _connections < _schedule.Faults.Count ? _schedule.Faults[_connections] : Fault.None;
        _connections++;
        _connectsSinceAck++;
        _connectedSinceWait = true;
        _lastWriteValue = -1;
        if (!tls && IsTlsOnly(fault))
        {
            fault = Fault.None;
        }

        _lastConnectionClass = ClassOf(fault, tls);
        if (fault != Fault.None)
        {
            // The device cannot know what the server holds after any failed exchange.
            _ackStillTrusted = false;
        }

        switch (fault)
        {
            case Fault.Refused:
                throw new WwepTransportException(TransportFailure.ConnectFailed, "sim: refused");
            case Fault.ConnectTimeout:
                Advance(Settings.ConnectTimeoutMilliseconds);
                throw new WwepTransportException(TransportFailure.ConnectTimeout, "sim: connect timed out");
            case Fault.SlowConnect:
                Advance(200 + (_connections * 97 % 800));
                break;
            case Fault.SlowHandshake:
                Advance(1000 + (_connections * 389 % 3000));
                break;
            case Fault.HandshakeReset:
                Advance(300);
                throw new WwepTransportException(TransportFailure.TlsHandshake, TlsFailureCause.HandshakeReset, "sim: reset in the handshake");
            case Fault.HandshakeUnknownCa:
                throw new WwepTransportException(TransportFailure.TlsHandshake, TlsFailureCause.UnknownCa, "sim: unknown CA");
            case Fault.HandshakeOutOfMemory:
                throw new WwepTransportException(TransportFailure.TlsHandshake, TlsFailureCause.OutOfMemory, "sim: out of memory in the handshake");
        }

        return new SimulatedConnection(this, fault);
    }

    /// <summary>
    /// The class of failure a fault is, as README's table of blink codes says it, independently of the core: the
    /// server out of reach (3), TLS (4), the server refused (6); under TLS a reset before any reply byte reads as the
    /// server ending the session after the handshake, a TLS matter (4).
    /// </summary>
    /// <param name="fault">The connection's fault.</param>
    /// <param name="tls">Whether the connection was TLS.</param>
    /// <returns>The blink code of its class; <see cref="BlinkCodes.None"/> for a fault that still delivers.</returns>
    public static int ClassOf(Fault fault, bool tls)
    {
        switch (fault)
        {
            case Fault.None:
            case Fault.SlowConnect:
            case Fault.SlowHandshake:
                return BlinkCodes.None;
            case Fault.ResetBeforeRequest:
            case Fault.ResetAfterRequest:
            case Fault.ServerRestart:
                return tls ? 4 : 3;
            case Fault.Reject:
                return 6;
            case Fault.HandshakeReset:
            case Fault.HandshakeUnknownCa:
            case Fault.HandshakeOutOfMemory:
                return 4;
            default:
                return 3;
        }
    }

    /// <inheritdoc/>
    public void Set()
    {
        _set = true;
    }

    /// <inheritdoc/>
    public bool Wait(int timeoutMilliseconds)
    {
        CheckNotInPressPath("Wait");
        if (timeoutMilliseconds == Timeout.Infinite)
        {
            throw new Violation("(0) the simulation drives the worker", Now, "an infinite wait inside ProcessPending");
        }

        int low = _retry.InitialDelayMilliseconds / 2;
        if (timeoutMilliseconds < low || timeoutMilliseconds > _retry.MaxDelayMilliseconds)
        {
            throw new Violation("(3) backoff within the policy's bounds", Now, $"{timeoutMilliseconds} ms, bounds {low}..{_retry.MaxDelayMilliseconds} ms");
        }

        _connectedSinceWait = false;
        long until = Now + timeoutMilliseconds;
        while (!_set && PlayEarliest(until))
        {
        }

        bool woken = _set;
        _set = false;
        if (!woken)
        {
            Now = until;
        }

        return woken;
    }

    /// <inheritdoc/>
    void ILed.Set(bool on)
    {
        _pin = on;
    }

    /// <inheritdoc/>
    public void Write(LogLevel level, string line)
    {
        if (_log.Count == LogLinesKept)
        {
            _log.Dequeue();
        }

        _log.Enqueue($"{Now} ms {level}: {line}");
    }

    private static bool IsTlsOnly(Fault fault)
    {
        return fault == Fault.SlowHandshake || fault == Fault.HandshakeReset || fault == Fault.HandshakeUnknownCa || fault == Fault.HandshakeOutOfMemory;
    }

    // Plays the earliest schedule event or timer due at or before `until`; false when there is none.
    private bool PlayEarliest(long until)
    {
        long eventAt = _events.Count > 0 ? _events.Peek().AtMilliseconds : long.MaxValue;
        VirtualTimer timer = _timers[0];
        foreach (VirtualTimer t in _timers)
        {
            timer = t.DueAt < timer.DueAt ? t : timer;
        }

        long at = Math.Min(eventAt, timer.DueAt);
        if (at > until || at == long.MaxValue)
        {
            return false;
        }

        Now = Math.Max(Now, at);
        if (timer.DueAt <= eventAt)
        {
            InPressPath("the " + timer.Name + " timer", timer.Fire);
        }
        else
        {
            Apply(_events.Dequeue());
        }

        return true;
    }

    // (5) What another thread than the worker does takes no virtual time and touches no transport.
    private void InPressPath(string what, Action action)
    {
        long before = Now;
        _pressPath = what;
        action();
        _pressPath = string.Empty;
        if (Now != before)
        {
            throw new Violation("(5) a press is never delayed by the network", Now, "virtual time moved in " + what);
        }
    }

    private void OnLongPress(int button)
    {
        if (!_held[button] || Now - _pressedAt[button] < PressRecognizer.LongPressMilliseconds)
        {
            throw new Violation("(2) a long press is told once per hold of 3 s", Now, $"told {Now - _pressedAt[button]} ms after the press, held {_held[button]}");
        }

        _longPressesTold++;
        _status.OnLongPress();
        FreshAttempts();
    }

    private void FreshAttempts()
    {
        // A state queued again (the network's or the clock's return, a long press) gets a fresh set of attempts, as
        // the core gives it; a long press during a send only cuts its backoff short, and the count goes on.
        if (_controller.HasPending)
        {
            _attemptsSinceFresh = 0;
        }
    }

    private void CheckWrite(int value)
    {
        if (_ackStillTrusted && value == _lastAcked)
        {
            throw new Violation("(3) no write of a state equal to the last acknowledged", Now, $"wrote {value} again");
        }
    }

    private void Apply(ScheduledEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.Press:
            case EventKind.Bounce:
            case EventKind.Release:
                Edge(e);
                break;
            case EventKind.WifiDown:
                if (_wifiUp)
                {
                    _wifiUp = false;
                    _ackStillTrusted = false;
                    InPressPath("the Wi-Fi thread", () => _network.OnChanged(false));
                }

                break;
            case EventKind.WifiUp:
                if (!_wifiUp)
                {
                    _wifiUp = true;
                    _finalStateExists = true;
                    InPressPath("the Wi-Fi thread", () => _network.OnChanged(true));
                    FreshAttempts();
                }

                break;
            case EventKind.ClockUnset:
                _clockSet = false;
                break;
            case EventKind.ClockSet:
                _clockSet = true;

                // What the clock keeper does once it set the clock with the network up (NetworkEvents.SetClock).
                if (_wifiUp && Settings.UsesTls)
                {
                    InPressPath("the clock keeper's thread", _controller.OnNetworkAvailable);
                    FreshAttempts();
                }

                break;
        }
    }

    private void Edge(ScheduledEvent e)
    {
        bool ledBefore = _controller.LedOn;
        if (e.Kind == EventKind.Press)
        {
            _expectedLed = !_expectedLed;
            _finalKind = Settings.TransportForButton(e.Button == 1);
            _finalStateExists = true;
            _ackedSincePress = false;
            _attemptsSinceFresh = 0;
            _held[e.Button] = true;
            _pressedAt[e.Button] = Now;
        }
        else if (e.Kind == EventKind.Release)
        {
            _held[e.Button] = false;
        }

        InPressPath("the press path", () => _buttons[e.Button].OnEdge(e.Kind != EventKind.Release, Now));
        if (_controller.LedOn != _expectedLed)
        {
            throw new Violation("(2) the LED toggles once per press and never otherwise", Now, $"{e}: LED {ledBefore} -> {_controller.LedOn}");
        }
    }

    private void CheckPressesRecognized()
    {
        int presses = _schedule.ShortPresses + _schedule.LongPresses;
        int recognized = _buttons[0].Presses + _buttons[1].Presses;
        if (recognized != presses || _controller.Presses != presses)
        {
            throw new Violation("(2) the LED toggles once per press and never otherwise", Now, $"{presses} presses, {recognized} recognized, {_controller.Presses} handled");
        }

        if (_longPressesTold != _schedule.LongPresses)
        {
            throw new Violation("(2) a long press is told once per hold of 3 s", Now, $"{_schedule.LongPresses} long presses, {_longPressesTold} told");
        }
    }

    // (2) and (4), when the worker has nothing left to do.
    private void CheckSettled()
    {
        if (_controller.LedOn != _expectedLed)
        {
            throw new Violation("(2) the LED toggles once per press and never otherwise", Now, "the LED changed without a press");
        }

        if (_controller.HasPending || _controller.IsSending)
        {
            return;
        }

        int code = _controller.BlinkCode;
        string led = "LED " + (_expectedLed ? "ON" : "OFF");
        if (code == BlinkCodes.None)
        {
            // Delivered: acknowledged since the last press, or equal to an acknowledged state with no attempt since.
            bool known = _lastAcked == (_expectedLed ? 1 : 0) && _connectsSinceAck == 0;
            if (_finalStateExists && !_ackedSincePress && !known)
            {
                throw new Violation("(4) a blink code is shown exactly while a final state is undelivered", Now, led + " is not acknowledged and no code is shown");
            }

            if (_pin != _expectedLed)
            {
                throw new Violation("(4) a blink code is shown exactly while a final state is undelivered", Now, "no code, yet the LED pin shows " + (_pin ? "ON" : "OFF") + " for " + led);
            }

            return;
        }

        if (!_finalStateExists || _ackedSincePress)
        {
            throw new Violation("(4) a blink code is shown exactly while a final state is undelivered", Now, $"code {code} while {led} is acknowledged");
        }

        int want = _lastFailureClass;
        if (code != want)
        {
            throw new Violation("(4) a blink code is shown exactly while a final state is undelivered, with the class of the last failure", Now, $"code {code} ({BlinkCodes.ClassName(code)}), the last failure's class is {want} ({BlinkCodes.ClassName(want)})");
        }
    }
}
