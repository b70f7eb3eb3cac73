using System.Net;
using System.Net.Sockets;

namespace WwepEndToEnd.Tests
{
    /// <summary>Loopback ports nobody listens on, chosen by the operating system from its ephemeral range.</summary>
    internal static class FreePort
    {
        /// <summary>A port that was free a moment ago (the OS does not hand it out again at once).</summary>
        /// <returns>The port number.</returns>
        public static int Next()
        {
            TcpListener probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
