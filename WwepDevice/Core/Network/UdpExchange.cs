namespace WwepDevice.Core.Network
{
    /// <summary>Sends one UDP datagram and waits for one answer from the same peer.</summary>
    /// <param name="address">Dotted-quad IPv4 address.</param>
    /// <param name="port">UDP port.</param>
    /// <param name="request">The datagram.</param>
    /// <param name="requestLength">Its length.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <param name="timeoutMilliseconds">How long to wait for it.</param>
    /// <returns>Bytes received; 0 when nothing came in time.</returns>
    public delegate int UdpExchange(string address, int port, byte[] request, int requestLength, byte[] reply, int timeoutMilliseconds);
}
