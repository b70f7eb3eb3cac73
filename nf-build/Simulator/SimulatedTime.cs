using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using WwepDevice.Core.Clock;
using WwepDevice.Core.Network;
using WwepDevice.Core.Runtime;
using WwepDevice.Core.Settings;

namespace WwepSimulator
{
    /// <summary>
    /// The simulator's counterparts of the board's SNTP adapters: one UDP request and answer through .NET's sockets,
    /// and the simulated clock as the one <see cref="ClockSync"/> sets.
    /// </summary>
    public static class SimulatedTime
    {
        /// <summary>The firmware's clock keeper, wired to this PC's UDP and the simulated clock.</summary>
        /// <param name="settings">The device settings.</param>
        /// <param name="clock">The simulated clock.</param>
        /// <param name="addresses">The transport's address cache.</param>
        /// <param name="log">The board's log lines.</param>
        /// <returns>The clock keeper.</returns>
        public static ClockSync ClockSyncFor(WwepSettings settings, SimulatedClock clock, ServerAddressCache addresses, ILog log)
        {
            // The board refuses a time before its firmware was built; the simulator's build stands in for it.
            DateTime built = File.GetLastWriteTimeUtc(typeof(SimulatedTime).Assembly.Location);
            return new ClockSync(settings, clock, clock.Set, Exchange, addresses, built, new WorkerSignal(), log);
        }

        /// <summary>A <see cref="UdpExchange"/> over .NET's sockets.</summary>
        /// <param name="address">IPv4 address.</param>
        /// <param name="port">UDP port.</param>
        /// <param name="request">The datagram.</param>
        /// <param name="requestLength">Its length.</param>
        /// <param name="reply">Where the answer goes.</param>
        /// <param name="timeoutMilliseconds">How long to wait.</param>
        /// <returns>Bytes received; 0 when nothing came in time.</returns>
        public static int Exchange(string address, int port, byte[] request, int requestLength, byte[] reply, int timeoutMilliseconds)
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            EndPoint server = new IPEndPoint(IPAddress.Parse(address), port);
            socket.SendTo(request, 0, requestLength, SocketFlags.None, server);
            if (!socket.Poll(timeoutMilliseconds * 1000, SelectMode.SelectRead))
            {
                return 0;
            }

            try
            {
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                return socket.ReceiveFrom(reply, 0, reply.Length, SocketFlags.None, ref from);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                // Linux reports the ICMP "port unreachable" of a closed port this way: nothing answered.
                return 0;
            }
        }
    }
}
