using System;
using System.Net;
using System.Net.Sockets;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// One UDP request and answer for the core's <c>ClockSync</c> (a <c>UdpExchange</c>): a datagram socket,
    /// <c>SendTo</c>, a <c>Poll</c> bounded by the timeout, <c>ReceiveFrom</c>.
    /// </summary>
    public static class SntpUdpClient
    {
        /// <summary>Sends <paramref name="request"/> and waits for one datagram.</summary>
        /// <param name="address">IPv4 address.</param>
        /// <param name="port">UDP port.</param>
        /// <param name="request">The datagram.</param>
        /// <param name="requestLength">Its length.</param>
        /// <param name="reply">Where the answer goes.</param>
        /// <param name="timeoutMilliseconds">How long to wait.</param>
        /// <returns>Bytes received; 0 when nothing came in time.</returns>
        public static int Exchange(string address, int port, byte[] request, int requestLength, byte[] reply, int timeoutMilliseconds)
        {
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                EndPoint server = new IPEndPoint(IPAddress.Parse(address), port);
                socket.SendTo(request, 0, requestLength, SocketFlags.None, server);
                if (!socket.Poll(timeoutMilliseconds * 1000, SelectMode.SelectRead))
                {
                    return 0;
                }

                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                return socket.ReceiveFrom(reply, 0, reply.Length, SocketFlags.None, ref from);
            }
            finally
            {
                socket.Close();
            }
        }
    }
}
