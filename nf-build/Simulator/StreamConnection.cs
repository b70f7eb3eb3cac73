using System;
using System.IO;
using System.Net.Sockets;
using WwepDevice.Core.Network;

namespace WwepSimulator
{
    /// <summary>
    /// One connection, plain (<see cref="NetworkStream"/>) or TLS (<see cref="System.Net.Security.SslStream"/>), with
    /// the board's failure lines: a receive that outlasts the reply timeout is <see cref="TransportFailure.ReplyTimeout"/>,
    /// anything else that breaks is <see cref="TransportFailure.ConnectionLost"/>.
    /// </summary>
    public sealed class StreamConnection : IWwepConnection
    {
        private readonly Stream _stream;
        private readonly string _host;
        private readonly int _port;
        private readonly int _replyTimeout;
        private readonly ExchangeTrace _trace;

        /// <summary>Wraps an open stream.</summary>
        /// <param name="stream">The connected stream; it owns the socket.</param>
        /// <param name="host">The configured server name, for diagnosis lines.</param>
        /// <param name="port">The port, for diagnosis lines.</param>
        /// <param name="replyTimeoutMilliseconds">The receive timeout already set on the socket.</param>
        /// <param name="trace">Shows the bytes.</param>
        public StreamConnection(Stream stream, string host, int port, int replyTimeoutMilliseconds, ExchangeTrace trace)
        {
            _stream = stream;
            _host = host;
            _port = port;
            _replyTimeout = replyTimeoutMilliseconds;
            _trace = trace;
        }

        /// <inheritdoc/>
        public void Send(byte[] buffer, int offset, int count)
        {
            try
            {
                _stream.Write(buffer, offset, count);
                _stream.Flush();
                _trace.Sent(buffer, offset, count);
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException)
            {
                throw WhileExchanging(ex);
            }
        }

        /// <inheritdoc/>
        public int Receive(byte[] buffer, int offset, int count)
        {
            try
            {
                int received = _stream.Read(buffer, offset, count);
                _trace.Received(buffer, offset, received);
                return received;
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException)
            {
                throw WhileExchanging(ex);
            }
        }

        /// <inheritdoc/>
        public void Close()
        {
            try
            {
                _stream.Dispose();
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException)
            {
                // A peer that reset first leaves nothing to close cleanly; the socket is released either way.
            }
        }

        /// <summary>The platform's own words for a socket failure, as the board prints them (Winsock numbers).</summary>
        /// <param name="ex">The failure.</param>
        /// <returns>For example <c>SocketException 10054</c>.</returns>
        public static string Describe(Exception ex)
        {
            SocketException? socketError = FindSocketError(ex);
            if (socketError != null)
            {
                return "SocketException " + ((int)socketError.SocketErrorCode).ToString();
            }

            return ex.GetType().Name;
        }

        // The same facts the board's adapters hand over (type name, Winsock code), judged by the same core rule.
        private WwepTransportException WhileExchanging(Exception ex)
        {
            SocketException? socketError = FindSocketError(ex);
            return socketError != null
                ? ExchangeFailure.WhileExchanging(nameof(SocketException), true, (int)socketError.SocketErrorCode, _host, _port, _replyTimeout)
                : ExchangeFailure.WhileExchanging(ex.GetType().Name, false, 0, _host, _port, _replyTimeout);
        }

        /// <summary>The socket error inside <paramref name="ex"/>, if any.</summary>
        /// <param name="ex">The failure.</param>
        /// <returns>The SocketException, or null.</returns>
        public static SocketException? SocketErrorIn(Exception? ex)
        {
            return FindSocketError(ex);
        }

        private static SocketException? FindSocketError(Exception? ex)
        {
            while (ex != null)
            {
                if (ex is SocketException socketError)
                {
                    return socketError;
                }

                ex = ex.InnerException;
            }

            return null;
        }
    }
}
