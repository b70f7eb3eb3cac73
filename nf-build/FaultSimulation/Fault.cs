namespace FaultSimulation;

/// <summary>What the simulated network and server do to one connection.</summary>
public enum Fault
{
    /// <summary>The exchange works.</summary>
    None,

    /// <summary>The connect is refused at once.</summary>
    Refused,

    /// <summary>The connect hangs until the connect timeout.</summary>
    ConnectTimeout,

    /// <summary>The connect is slow (up to a second) and then works.</summary>
    SlowConnect,

    /// <summary>The server accepts and never answers (until the reply timeout).</summary>
    Silent,

    /// <summary>The connection is reset before the request reaches the server.</summary>
    ResetBeforeRequest,

    /// <summary>The server stores the write, then the connection is reset before the reply.</summary>
    ResetAfterRequest,

    /// <summary>The server answers <c>X</c>.</summary>
    Reject,

    /// <summary>The server stores the write and the reply is lost (the device times out).</summary>
    ReplyLost,

    /// <summary>The server restarts under the connection; it keeps what it acknowledged before.</summary>
    ServerRestart,

    /// <summary>TLS only (a plain connection works): the handshake takes seconds, then works.</summary>
    SlowHandshake,

    /// <summary>TLS only: the server resets the connection during the handshake (retried).</summary>
    HandshakeReset,

    /// <summary>TLS only: the server's certificate is not from the trusted CA (permanent: waits for a press).</summary>
    HandshakeUnknownCa,

    /// <summary>TLS only: the handshake found no heap (retried).</summary>
    HandshakeOutOfMemory,
}
