using System;
using WwepDevice.Core.Network;
using WwepDevice.Core.Protocol;

namespace FaultSimulation;

/// <summary>One connection to the simulated server, playing its fault.</summary>
public sealed class SimulatedConnection : IWwepConnection
{
    private readonly SimulatedWorld _world;
    private readonly Fault _fault;
    private byte[] _reply = Array.Empty<byte>();
    private int _replyRead;
    private bool _requestSeen;

    /// <summary>Creates the connection.</summary>
    /// <param name="world">The world (server, time, invariants).</param>
    /// <param name="fault">What this connection does.</param>
    public SimulatedConnection(SimulatedWorld world, Fault fault)
    {
        _world = world;
        _fault = fault;
    }

    /// <inheritdoc/>
    public void Send(byte[] buffer, int offset, int count)
    {
        _world.CheckNotInPressPath("Send");
        if (_fault == Fault.ResetBeforeRequest || _fault == Fault.ServerRestart)
        {
            throw new WwepTransportException(TransportFailure.ConnectionLost, "sim: reset before the request");
        }

        WwepParseError error = WwepCodec.ParseRequest(buffer, offset, count, out WwepMessage request);
        if (error != WwepParseError.None)
        {
            throw new Violation("(0) well-formed request", _world.Now, "the device sent " + WwepCodec.ToPrintable(buffer, offset, count));
        }

        _requestSeen = true;
        _reply = _world.Server(request, _fault);
    }

    /// <inheritdoc/>
    public int Receive(byte[] buffer, int offset, int count)
    {
        _world.CheckNotInPressPath("Receive");
        if (!_requestSeen)
        {
            return 0;
        }

        switch (_fault)
        {
            case Fault.Silent:
            case Fault.ReplyLost:
                _world.Advance(_world.Settings.ReplyTimeoutMilliseconds);
                throw new WwepTransportException(TransportFailure.ReplyTimeout, "sim: no reply");
            case Fault.ResetAfterRequest:
                throw new WwepTransportException(TransportFailure.ConnectionLost, "sim: reset after the request");
        }

        int n = Math.Min(count, _reply.Length - _replyRead);
        Array.Copy(_reply, _replyRead, buffer, offset, n);
        _replyRead += n;
        if (n > 0 && _replyRead == _reply.Length)
        {
            _world.ReplyDelivered(_reply);
        }

        return n;
    }

    /// <inheritdoc/>
    public void Close()
    {
    }
}
