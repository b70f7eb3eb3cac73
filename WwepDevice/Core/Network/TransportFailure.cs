namespace WwepDevice.Core.Network
{
    /// <summary>What went wrong on the way to the server.</summary>
    public enum TransportFailure
    {
        /// <summary>The network (Wi-Fi) is not up.</summary>
        NetworkDown = 0,

        /// <summary>The server name did not resolve and no fallback IP is set.</summary>
        NameNotResolved,

        /// <summary>The server refused or did not answer the TCP connect.</summary>
        ConnectFailed,

        /// <summary>The TCP connect took longer than the connect timeout.</summary>
        ConnectTimeout,

        /// <summary>The device clock is not set, so certificates cannot be checked; TLS was not attempted.</summary>
        ClockNotSet,

        /// <summary>The TLS handshake failed; <see cref="WwepTransportException.TlsCause"/> says why.</summary>
        TlsHandshake,

        /// <summary>The embedded certificates or key could not be loaded.</summary>
        TlsSetup,

        /// <summary>The server did not reply within the reply timeout.</summary>
        ReplyTimeout,

        /// <summary>The connection was reset or broke while sending or receiving.</summary>
        ConnectionLost,
    }
}
