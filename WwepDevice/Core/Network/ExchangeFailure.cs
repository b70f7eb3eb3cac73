namespace WwepDevice.Core.Network
{
    /// <summary>
    /// Turns what a board's socket or SslStream threw (the exception's type name and socket error code) into the
    /// failure the device reports. The ESP32 adapters hand over the facts; the rules live here.
    /// </summary>
    public static class ExchangeFailure
    {
        /// <summary>
        /// WSAETIMEDOUT. nanoFramework throws <c>SocketException</c> with this code when a receive or send outlasts the
        /// socket's timeout (nf-interpreter <c>sys_net_native_System_Net_Sockets_NativeSocket.cpp</c> and
        /// <c>SslNative.cpp</c> ReadWriteHelper: <c>ThrowError(stack, SOCK_ETIMEDOUT)</c>).
        /// </summary>
        public const int SocketTimedOut = 10060;

        /// <summary>The failure for an exception raised while sending the request or receiving the reply.</summary>
        /// <param name="exceptionType">The exception's type name.</param>
        /// <param name="isSocketException">True for a SocketException (then <paramref name="socketErrorCode"/> is its code).</param>
        /// <param name="socketErrorCode">The SocketException's ErrorCode.</param>
        /// <param name="host">The server, for the line.</param>
        /// <param name="port">The port, for the line.</param>
        /// <param name="replyTimeoutMilliseconds">The reply timeout in force, for the line.</param>
        /// <returns>The exception to throw.</returns>
        public static WwepTransportException WhileExchanging(string exceptionType, bool isSocketException, int socketErrorCode, string host, int port, int replyTimeoutMilliseconds)
        {
            if (isSocketException && socketErrorCode == SocketTimedOut)
            {
                return new WwepTransportException(TransportFailure.ReplyTimeout, TransportMessages.ReplyTimeout(host, port, replyTimeoutMilliseconds));
            }

            return new WwepTransportException(TransportFailure.ConnectionLost, TransportMessages.ConnectionLost(host, port, Describe(exceptionType, isSocketException, socketErrorCode)));
        }

        /// <summary>
        /// The failure for a TCP connect the board's socket refused or could not complete. The code is shown only as
        /// evidence: nanoFramework fills a failed connect's SocketException from lwIP's global last socket error
        /// (NativeSocket <c>ThrowOnError</c> after <c>SOCK_getlasterror</c>), which another call may have set.
        /// </summary>
        /// <param name="address">The address tried.</param>
        /// <param name="port">The port tried.</param>
        /// <param name="exceptionType">The exception's type name.</param>
        /// <param name="isSocketException">True for a SocketException.</param>
        /// <param name="socketErrorCode">Its ErrorCode.</param>
        /// <returns>The exception to throw.</returns>
        public static WwepTransportException ConnectFailed(string address, int port, string exceptionType, bool isSocketException, int socketErrorCode)
        {
            string detail = isSocketException
                ? "refused or unreachable; the firmware's code " + socketErrorCode.ToString() + " may be stale"
                : "refused or unreachable; " + exceptionType;
            return new WwepTransportException(TransportFailure.ConnectFailed, TransportMessages.ConnectFailed(address, port, detail));
        }

        /// <summary>The exception's type and, for socket errors, its code.</summary>
        /// <param name="exceptionType">The type name.</param>
        /// <param name="isSocketException">True for a SocketException.</param>
        /// <param name="socketErrorCode">Its ErrorCode.</param>
        /// <returns>For example <c>SocketException 10054</c>.</returns>
        public static string Describe(string exceptionType, bool isSocketException, int socketErrorCode)
        {
            return isSocketException ? exceptionType + " " + socketErrorCode.ToString() : exceptionType;
        }
    }
}
