using System;
using System.Collections.Generic;
using System.Threading;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Protocol;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;

namespace FaultSimulation;

/// <summary>
/// One run of a schedule: the real controller, sender and retry policy of WwepDevice.Core on one thread and virtual
/// time. The world is every seam the core has (clock, wait signal, transport, LED, blink timer, log): a wait or a
/// timeout advances virtual time and plays the events that fall in it, as the GPIO and network threads would.
/// Every invariant is checked as it can be broken; a broken one throws <see cref="Violation"/>.
/// </summary>
public sealed class SimulatedWorld : IClock, IWaitSignal, IWwepTransport, ILed, IOneShotTimer, ILog
{
    /// <summary>The device ID the simulated device writes under.</summary>
    public const int DeviceId = 0x02E8;

    private static readonly DateTime SetTime = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private readonly Schedule _schedule;
    private readonly Queue<ScheduledEvent> _events;
    private readonly Dictionary<int, int> _registers = new();
    private readonly ButtonLedController _controller;
    private readonly RetryPolicy _retry;
    private bool _set;
    private bool _inPressPath;
    private bool _wifiUp;
    private bool _toldDown;
    private bool _clockSet = true;
    private bool _expectedLed;
    private int _connections;
    private int _lastAcked = -1;
    private bool _ackStillTrusted;
    private int _attemptsSinceFresh;
    private int _lastWriteValue = -1;

    /// <summary>Creates the world of a schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    public SimulatedWorld(Schedule schedule)
    {
        _schedule = schedule;
        _events = new Queue<ScheduledEvent>(schedule.Events);
        Settings = new WwepSettings();
        Settings.Mode = LinkMode.Plain;
        _retry = new RetryPolicy(Settings.MaxAttempts, Settings.InitialBackoffMilliseconds, Settings.MaxBackoffMilliseconds, new Random(schedule.Seed));
        _controller = new ButtonLedController(Settings, new StatusLed(this, this), new LedStateSender(this, this, Settings, DeviceId), _retry, this, this);
    }

    /// <summary>The device's settings (plain WWEP).</summary>
    public WwepSettings Settings { get; }

    /// <summary>Virtual time in milliseconds.</summary>
    public long Now { get; private set; }

    /// <summary>Connections the device opened.</summary>
    public int Connections => _connections;

    /// <inheritdoc/>
    public DateTime UtcNow => _clockSet ? SetTime.AddMilliseconds(Now) : DateTime.UnixEpoch.AddMilliseconds(Now);

    /// <summary>Plays the whole schedule, then the end phase (faults over, Wi-Fi back), checking every invariant.</summary>
    public void Run()
    {
        while (true)
        {
            if (_controller.HasPending)
            {
                _controller.ProcessPending();
                CheckSettled();
                continue;
            }

            CheckSettled();
            if (_events.Count == 0)
            {
                break;
            }

            ScheduledEvent next = _events.Dequeue();
            Now = Math.Max(Now, next.AtMilliseconds);
            Apply(next);
        }

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
            _controller.ProcessPending();
            CheckSettled();
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

    /// <summary>Advances virtual time by <paramref name="milliseconds"/>, playing the events that fall in it.</summary>
    /// <param name="milliseconds">How long.</param>
    public void Advance(long milliseconds)
    {
        long until = Now + milliseconds;
        while (_events.Count > 0 && _events.Peek().AtMilliseconds <= until)
        {
            ScheduledEvent next = _events.Dequeue();
            Now = Math.Max(Now, next.AtMilliseconds);
            Apply(next);
        }

        Now = until;
    }

    /// <summary>(5) A press path touches no transport.</summary>
    /// <param name="what">The transport call.</param>
    public void CheckNotInPressPath(string what)
    {
        if (_inPressPath)
        {
            throw new Violation("(5) a press is never delayed by the network", Now, what + " called from the press path");
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
        }
    }

    /// <inheritdoc/>
    public IWwepConnection Connect(TransportKind kind)
    {
        CheckNotInPressPath("Connect");
        if (!_wifiUp)
        {
            if (_toldDown)
            {
                throw new Violation("(3) no attempt while the network is known down", Now, "connect with Wi-Fi down");
            }

            // Before the first join nobody told the controller; the transport knows it, as the board's does.
            throw new WwepTransportException(TransportFailure.NetworkDown, "sim: Wi-Fi not joined yet");
        }

        _attemptsSinceFresh++;
        if (_attemptsSinceFresh > _retry.MaxAttempts)
        {
            throw new Violation("(3) attempts per undelivered state within MaxAttempts", Now, $"attempt {_attemptsSinceFresh} of {_retry.MaxAttempts}");
        }

        Fault fault = _connections < _schedule.Faults.Count ? _schedule.Faults[_connections] : Fault.None;
        _connections++;
        _lastWriteValue = -1;
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
        }

        return new SimulatedConnection(this, fault);
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

        long until = Now + timeoutMilliseconds;
        while (!_set && _events.Count > 0 && _events.Peek().AtMilliseconds <= until)
        {
            ScheduledEvent next = _events.Dequeue();
            Now = Math.Max(Now, next.AtMilliseconds);
            Apply(next);
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
    }

    /// <inheritdoc/>
    public void Start(int dueMilliseconds, TimerTick due)
    {
        // The blink pattern's steps do not matter to any invariant: the code shown is read from the controller.
    }

    /// <inheritdoc/>
    public void Cancel()
    {
    }

    /// <inheritdoc/>
    public void Write(LogLevel level, string line)
    {
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
            case EventKind.ShortPress:
            case EventKind.LongPress:
                long before = Now;
                bool ledBefore = _controller.LedOn;
                _inPressPath = true;
                if (e.Kind == EventKind.ShortPress)
                {
                    _controller.OnButtonPressed(false);
                    _expectedLed = !_expectedLed;
                }
                else
                {
                    _controller.RetryNow();
                }

                _inPressPath = false;
                _attemptsSinceFresh = 0;
                if (Now != before)
                {
                    throw new Violation("(5) a press is never delayed by the network", Now, "virtual time moved in the press path");
                }

                if (_controller.LedOn != _expectedLed)
                {
                    throw new Violation("(2) the LED toggles once per short press and never otherwise", Now, $"{e.Kind}: LED {ledBefore} -> {_controller.LedOn}");
                }

                break;
            case EventKind.WifiDown:
                if (_wifiUp)
                {
                    _wifiUp = false;
                    _toldDown = true;
                    _ackStillTrusted = false;
                    _controller.OnNetworkDown();
                }

                break;
            case EventKind.WifiUp:
                if (!_wifiUp)
                {
                    _wifiUp = true;
                    _attemptsSinceFresh = 0;
                    _controller.OnNetworkUp();
                }

                break;
            case EventKind.ClockUnset:
                _clockSet = false;
                break;
            case EventKind.ClockSet:
                _clockSet = true;
                break;
        }
    }

    // (2) and (4), when the worker has nothing left to do.
    private void CheckSettled()
    {
        if (_controller.LedOn != _expectedLed)
        {
            throw new Violation("(2) the LED toggles once per short press and never otherwise", Now, "the LED changed without a press");
        }

        if (_controller.HasPending || _controller.IsSending)
        {
            return;
        }

        bool blinking = _controller.BlinkCode != BlinkCodes.None;
        if (blinking != _controller.HasUndelivered)
        {
            throw new Violation("(4) a blink code is shown exactly while a final state is undelivered", Now, $"blink code {_controller.BlinkCode}, undelivered {_controller.HasUndelivered}");
        }
    }
}
