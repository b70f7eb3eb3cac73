using System.Net;
using System.Net.Sockets;

namespace WwepServer.Tests
{
    /// <summary>
    /// Ports nothing holds right now on 127.0.0.1, for the options where 0 means "off" rather than "any free port"
    /// (--web-port, --sntp-port). Compiled into the tests and the benchmark.
    /// </summary>
    public static class FreePorts
    {
        /// <summary>A free TCP port.</summary>
        /// <returns>The port.</returns>
        public static int Tcp()
        {
            return Probe(SocketType.Stream, ProtocolType.Tcp);
        }

        /// <summary>A free UDP port.</summary>
        /// <returns>The port.</returns>
        public static int Udp()
        {
            return Probe(SocketType.Dgram, ProtocolType.Udp);
        }

        /// <summary>A TCP port on 127.0.0.1 that the returned socket holds (listening) until it is disposed.</summary>
        /// <param name="port">The held port.</param>
        /// <returns>The socket.</returns>
        public static Socket HoldTcp(out int port)
        {
            var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            holder.Listen();
            port = ((IPEndPoint)holder.LocalEndPoint!).Port;
            return holder;
        }

        private static int Probe(SocketType type, ProtocolType protocol)
        {
            using var probe = new Socket(AddressFamily.InterNetwork, type, protocol);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }
    }
}
