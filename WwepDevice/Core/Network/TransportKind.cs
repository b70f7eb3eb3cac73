namespace WwepDevice.Core.Network
{
    /// <summary>The transport of one connection. Chosen per press, never changed by a failure.</summary>
    public enum TransportKind
    {
        /// <summary>Plain TCP.</summary>
        Plain = 0,

        /// <summary>TLS over TCP.</summary>
        Tls = 1,
    }
}
