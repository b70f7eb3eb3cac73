using System;
using System.Net.Sockets;
using WwepDevice.Core;

namespace WwepDevice.Esp32
{
    /// <summary>Maps nanoFramework socket exceptions to the portable transport failures.</summary>
    public static class SocketErrors
    {
        // WSAETIMEDOUT, as nanoFramework's SocketError.TimedOut.
        private const int TimedOut = 10060;

        /// <summary>The failure for an exception raised while sending or receiving.</summary>
        /// <param name="ex">What the socket or SslStream threw.</param>
        /// <param name="host">The server.</param>
        /// <param name="port">The port.</param>
        /// <param name="replyTimeoutMilliseconds">The reply timeout in force.</param>
        /// <returns>The exception to throw.</returns>
        public static WwepTransportException WhileExchanging(Exception ex, string host, int port, int replyTimeoutMilliseconds)
        {
            SocketException socketError = ex as SocketException;
            if (socketError != null && socketError.ErrorCode == TimedOut)
            {
                return new WwepTransportException(TransportFailure.ReplyTimeout, TransportMessages.ReplyTimeout(host, port, replyTimeoutMilliseconds));
            }

            return new WwepTransportException(TransportFailure.ConnectionLost, TransportMessages.ConnectionLost(host, port, Describe(ex)));
        }

        /// <summary>The exception's type and, for socket errors, its code.</summary>
        /// <param name="ex">The exception.</param>
        /// <returns>For example <c>SocketException 10054</c>.</returns>
        public static string Describe(Exception ex)
        {
            SocketException socketError = ex as SocketException;
            if (socketError != null)
            {
                return "SocketException " + socketError.ErrorCode.ToString();
            }

            return ex.GetType().Name;
        }
    }
}
