namespace WwepDevice.Core.Network
{
    /// <summary>One open connection to the WWEP server: plain TCP or TLS, already connected (and authenticated).</summary>
    public interface IWwepConnection
    {
        /// <summary>Sends all of the bytes.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">How many.</param>
        /// <exception cref="WwepTransportException">The connection failed.</exception>
        void Send(byte[] buffer, int offset, int count);

        /// <summary>Receives what has arrived, waiting up to the reply timeout.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where to put the first byte.</param>
        /// <param name="count">Room available.</param>
        /// <returns>Bytes received; 0 when the server has closed the connection.</returns>
        /// <exception cref="WwepTransportException">Timed out (<see cref="TransportFailure.ReplyTimeout"/>) or the connection failed.</exception>
        int Receive(byte[] buffer, int offset, int count);

        /// <summary>Closes the connection and frees its buffers (TLS on an ESP32 holds about 33 KB). Never throws.</summary>
        void Close();
    }
}
