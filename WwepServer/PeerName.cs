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
