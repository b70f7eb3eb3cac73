using System.Net;
using System.Net.Sockets;

namespace WwepServer
{
    /// <summary>Client addresses as log lines show them: <c>192.168.1.20:50522</c>, IPv4 even on a dual-stack socket.</summary>
    public static class PeerName
    {
        /// <summary>The socket's remote address and port.</summary>
        /// <param name="socket">An accepted socket.</param>
        /// <returns>Printable address, or "unknown peer" when the client is already gone.</returns>
        public static string Of(Socket socket)
        {
            try
            {
                return Format(socket.RemoteEndPoint as IPEndPoint);
            }
            catch (SocketException)
            {
                return "unknown peer";
            }
        }

        /// <summary>The address part of a name made by <see cref="Format"/>: <c>192.168.1.20</c> from <c>192.168.1.20:50522</c>.</summary>
        /// <param name="peer">Address and port.</param>
        /// <returns>The address (an IPv6 one without its brackets).</returns>
        public static string AddressOf(string peer)
        {
            int colon = peer.LastIndexOf(':');
            string address = colon > 0 ? peer.Substring(0, colon) : peer;
            return address.StartsWith('[') && address.EndsWith(']') ? address.Substring(1, address.Length - 2) : address;
        }

        /// <summary>Formats an endpoint.</summary>
        /// <param name="endPoint">The endpoint or null.</param>
        /// <returns>Printable address.</returns>
        public static string Format(IPEndPoint? endPoint)
        {
            if (endPoint == null)
            {
                return "unknown peer";
            }

            IPAddress address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
            return address.AddressFamily == AddressFamily.InterNetworkV6
                ? "[" + address + "]:" + endPoint.Port
                : address + ":" + endPoint.Port;
        }
    }
}
