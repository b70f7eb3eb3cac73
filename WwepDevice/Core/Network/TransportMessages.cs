namespace WwepDevice.Core.Network
{
    /// <summary>
    /// The diagnosis lines of the transports, written once so that the board and the simulator print the very same
    /// words for the same failure.
    /// </summary>
    public static class TransportMessages
    {
        /// <summary>Wi-Fi is not connected.</summary>
        /// <returns>The line.</returns>
        public static string NetworkDown()
        {
            return "network down: Wi-Fi is not connected; the state is kept and sent when the network returns";
        }

        /// <summary>TLS was not attempted because the clock is unset: what happens to the state.</summary>
        /// <returns>The words after the diagnosis.</returns>
        public static string WaitingForClock()
        {
            return "no attempt spent: the state is kept and sent once the clock is set";
        }

        /// <summary>DNS failed and there is no fallback.</summary>
        /// <param name="host">The server name.</param>
        /// <returns>The line.</returns>
        public static string NameNotResolved(string host)
        {
            return "cannot resolve server name '" + host + "' and no ServerFallbackIp is set: fix the name or set ServerFallbackIp";
        }

        /// <summary>DNS failed and the fallback IP is used instead.</summary>
        /// <param name="host">The server name.</param>
        /// <param name="fallbackIp">The address used.</param>
        /// <returns>The line.</returns>
        public static string UsingFallback(string host, string fallbackIp)
        {
            return "cannot resolve server name '" + host + "': using ServerFallbackIp " + fallbackIp;
        }

        /// <summary>The TCP connect was refused or failed.</summary>
        /// <param name="address">The address tried.</param>
        /// <param name="port">The port tried.</param>
        /// <param name="detail">The platform's own words (socket error).</param>
        /// <returns>The line.</returns>
        public static string ConnectFailed(string address, int port, string detail)
        {
            return "cannot connect to " + address + ":" + port.ToString() + " (" + detail + "): is the WWEP server running and listening on that port?";
        }

        /// <summary>The TCP connect timed out.</summary>
        /// <param name="address">The address tried.</param>
        /// <param name="port">The port tried.</param>
        /// <param name="milliseconds">The timeout.</param>
        /// <returns>The line.</returns>
        public static string ConnectTimeout(string address, int port, int milliseconds)
        {
            return "no answer from " + address + ":" + port.ToString() + " within " + milliseconds.ToString() + " ms: server down, wrong address, or a firewall drops the port";
        }

        /// <summary>The server did not reply in time.</summary>
        /// <param name="host">The server.</param>
        /// <param name="port">The port.</param>
        /// <param name="milliseconds">The reply timeout.</param>
        /// <returns>The line.</returns>
        public static string ReplyTimeout(string host, int port, int milliseconds)
        {
            return "no reply from " + host + ":" + port.ToString() + " within " + milliseconds.ToString() + " ms after sending the request";
        }

        /// <summary>The connection broke while sending or receiving.</summary>
        /// <param name="host">The server.</param>
        /// <param name="port">The port.</param>
        /// <param name="detail">The platform's own words.</param>
        /// <returns>The line.</returns>
        public static string ConnectionLost(string host, int port, string detail)
        {
            return "connection to " + host + ":" + port.ToString() + " lost (" + detail + ")";
        }

        /// <summary>
        /// A WWEP request met a close without a byte. When a plain request went to this board's TlsPort, a TLS
        /// server read the request as a broken ClientHello and closed: the port is wrong, whatever its number. Otherwise
        /// the board cannot tell a TLS server on an unknown port from a server that refuses it, so the line names both.
        /// </summary>
        /// <param name="sent">The request, printable.</param>
        /// <param name="kind">The transport the request went over.</param>
        /// <param name="port">The port the request went to.</param>
        /// <param name="tlsPort">The board's TlsPort.</param>
        /// <returns>The line.</returns>
        public static string ClosedWithoutReply(string sent, TransportKind kind, int port, int tlsPort)
        {
            string start = "server closed the connection without replying to " + sent + ": ";
            if (IsTlsPortMistake(kind, port, tlsPort))
            {
                return start + "port " + port.ToString() + " is the TLS port (TlsPort " + tlsPort.ToString() + "); plain WWEP needs a port of its own: set PlainPort to the server's plain port (WwepServer prints both at start), or set Mode to TLS";
            }

            if (kind == TransportKind.Tls)
            {
                return start + "it may refuse this device or not speak WWEP on this port";
            }

            return start + "it may refuse this device or not speak plain WWEP on port " + port.ToString() + " (a TLS server closes like this too; this board's TlsPort is " + tlsPort.ToString() + ")";
        }

        /// <summary>Whether a plain request that met a silent close went to this board's TLS port: a permanent mistake.</summary>
        /// <param name="kind">The transport the request went over.</param>
        /// <param name="port">The port the request went to.</param>
        /// <param name="tlsPort">The board's TlsPort.</param>
        /// <returns>True for a plain request to the TLS port, whatever its number.</returns>
        public static bool IsTlsPortMistake(TransportKind kind, int port, int tlsPort)
        {
            return kind == TransportKind.Plain && port == tlsPort;
        }
    }
}
