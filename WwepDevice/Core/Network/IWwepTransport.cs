namespace WwepDevice.Core.Network
{
    /// <summary>Opens connections to the configured WWEP server (name resolution, fallback IP, TCP, TLS).</summary>
    public interface IWwepTransport
    {
        /// <summary>
        /// Opens one connection of exactly the given kind. A TLS request that fails throws; it never comes back as plain TCP.
        /// </summary>
        /// <param name="kind">Plain or TLS.</param>
        /// <returns>An open connection.</returns>
        /// <exception cref="WwepTransportException">The server could not be reached; the message is the diagnosis.</exception>
        IWwepConnection Connect(TransportKind kind);
    }
}
