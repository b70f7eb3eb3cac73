using System;
using System.Net.Sockets;
using WwepDevice.Core.Network;

namespace WwepDevice.Esp32
{
    /// <summary>A plain TCP connection to the server.</summary>
    public sealed class SocketConnection : IWwepConnection
    {
        private Socket _socket;
        private readonly string _host;
        private readonly int _port;
        private readonly int _replyTimeout;

        /// <summary>Wraps a connected socket.</summary>
        /// <param name="socket">Connected, with ReceiveTimeout set.</param>
        /// <param name="host">For diagnosis lines.</param>
        /// <param name="port">For diagnosis lines.</param>
        /// <param name="replyTimeoutMilliseconds">For diagnosis lines.</param>
        public SocketConnection(Socket socket, string host, int port, int replyTimeoutMilliseconds)
        {
            _socket = socket;
            _host = host;
            _port = port;
            _replyTimeout = replyTimeoutMilliseconds;
        }

        /// <summary>
        /// Points this wrapper at the next connection. One connection is open at a time, so the transport keeps one
        /// wrapper per kind instead of a new object on the nanoCLR's heap for every send.
        /// </summary>
        /// <param name="socket">The new connection.</param>
        public void Attach(Socket socket)
        {
            _socket = socket;
        }

        /// <inheritdoc/>
        public void Send(byte[] buffer, int offset, int count)
        {
            try
            {
                int sent = 0;
                while (sent < count)
                {
                    sent += _socket.Send(buffer, offset + sent, count - sent, SocketFlags.None);
                }
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
                return _socket.Receive(buffer, offset, count, SocketFlags.None);
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
                _socket.Close();
            }
            catch (Exception)
            {
                // Closing a socket the peer already reset is not an error worth reporting.
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
