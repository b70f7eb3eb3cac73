using System;
using System.Net.Security;
using System.Net.Sockets;
using WwepDevice.Core.Network;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// A TLS connection to the server. Closing it disposes the SslStream, which closes the socket and frees the
    /// mbedTLS context (about 33 KB on the ESP32 heap) at once instead of at the next garbage collection.
    /// </summary>
    public sealed class SslConnection : IWwepConnection
    {
        private SslStream _stream;
        private readonly string _host;
        private readonly int _port;
        private readonly int _replyTimeout;

        /// <summary>Wraps an authenticated stream.</summary>
        /// <param name="stream">Authenticated as client.</param>
        /// <param name="host">For diagnosis lines.</param>
        /// <param name="port">For diagnosis lines.</param>
        /// <param name="replyTimeoutMilliseconds">For diagnosis lines.</param>
        public SslConnection(SslStream stream, string host, int port, int replyTimeoutMilliseconds)
        {
            _stream = stream;
            _host = host;
            _port = port;
            _replyTimeout = replyTimeoutMilliseconds;
        }

        /// <summary>
        /// Points this wrapper at the next connection. One connection is open at a time, so the transport keeps one
        /// wrapper per kind instead of a new object on the nanoCLR's heap for every send.
        /// </summary>
        /// <param name="stream">The new connection.</param>
        public void Attach(SslStream stream)
        {
            _stream = stream;
        }

        /// <inheritdoc/>
        public void Send(byte[] buffer, int offset, int count)
        {
            try
            {
                _stream.Write(buffer, offset, count);
            }
            catch (Exception ex)
            {
                throw Failure(ex);
            }
        }

        /// <inheritdoc/>
        public int Receive(byte[] buffer, int offset, int count)
        {
            try
            {
                return _stream.Read(buffer, offset, count);
            }
            catch (Exception ex)
            {
                throw Failure(ex);
            }
        }

        /// <inheritdoc/>
        public void Close()
        {
            try
            {
                _stream.Dispose();
            }
            catch (Exception)
            {
                // The peer may have reset already; the context is freed either way.
            }
        }

        // Hands the core the facts: the exception's type and, for a SocketException, its code.
        private WwepTransportException Failure(Exception ex)
        {
            SocketException socketError = ex as SocketException;
            return ExchangeFailure.WhileExchanging(ex.GetType().Name, socketError != null, socketError != null ? socketError.ErrorCode : 0, _host, _port, _replyTimeout);
        }
    }
}
