using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Microsoft.Extensions.Logging;
using WwepDevice.Core.Clock;

namespace WwepServer
{
    /// <summary>
    /// Answers SNTP requests (RFC 4330) on UDP with the host clock, so that boards on a network without internet get
    /// a clock before their first TLS handshake (certificate dates need one). Malformed and short datagrams and
    /// anything but client requests get no reply. One thread does it all: a reply costs microseconds, and a UDP
    /// request never waits on anything.
    /// </summary>
    public sealed class SntpResponder : IDisposable
    {
        private readonly Socket _socket;
        private readonly ILogger _logger;
        private readonly Thread _thread;
        private long _answered;
        private long _ignored;
        private volatile bool _stopping;

        private SntpResponder(Socket socket, ILogger logger)
        {
            _socket = socket;
            _logger = logger;
            EndPoint = (IPEndPoint)socket.LocalEndPoint!;
            _thread = new Thread(ServeLoop) { IsBackground = true, Name = "SNTP" };
            _thread.Start();
        }

        /// <summary>Where it listens.</summary>
        public IPEndPoint EndPoint { get; }

        /// <summary>Requests answered.</summary>
        public long Answered
        {
            get { return Interlocked.Read(ref _answered); }
        }

        /// <summary>Datagrams dropped without a reply (short, malformed, not a client request).</summary>
        public long Ignored
        {
            get { return Interlocked.Read(ref _ignored); }
        }

        /// <summary>Binds the UDP port and starts answering.</summary>
        /// <param name="address">The WWEP bind address (boards look for time where they find the server).</param>
        /// <param name="port">The UDP port (123 for NTP).</param>
        /// <param name="logger">Where failures are reported.</param>
        /// <param name="problem">When the port cannot be bound: one line with the cause and the fix; else null.</param>
        /// <returns>The running responder, or null when the port cannot be bound.</returns>
        public static SntpResponder? TryStart(IPAddress address, int port, ILogger logger, out string? problem)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.Equals(IPAddress.IPv6Any))
                {
                    socket.DualMode = true;
                }

                socket.Bind(new IPEndPoint(address, port));
            }
            catch (SocketException e)
            {
                socket.Dispose();
                problem = DescribeBindFailure(address, port, e.SocketErrorCode, e.Message);
                return null;
            }

            problem = null;
            return new SntpResponder(socket, logger);
        }

        /// <summary>The one line that says why the SNTP port could not be bound and what to do.</summary>
        /// <param name="address">The bind address.</param>
        /// <param name="port">The port.</param>
        /// <param name="error">The socket error.</param>
        /// <param name="message">The system's message.</param>
        /// <returns>The line (WWEP is served regardless).</returns>
        public static string DescribeBindFailure(IPAddress address, int port, SocketError error, string message)
        {
            string where = "SNTP off: cannot bind UDP " + PeerName.Format(new IPEndPoint(address, port)) + " (" + message + "): ";
            switch (error)
            {
                case SocketError.AccessDenied:
                    return where + "ports below 1024 need privileges; run as root, or grant the right once with "
                        + "sudo setcap cap_net_bind_service=+ep \"$(readlink -f \"$(command -v dotnet)\")\", or choose another port with --sntp-port (0 turns SNTP off)";
                case SocketError.AddressAlreadyInUse:
                    return where + "another time server (ntpd, chronyd, systemd-timesyncd in server mode) holds it; "
                        + "let that one serve the boards and pass --sntp-port 0, or choose another port with --sntp-port";
                default:
                    return where + "choose another port with --sntp-port (0 turns SNTP off) or another --bind address";
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _stopping = true;
            _socket.Dispose();
            _thread.Join(TimeSpan.FromSeconds(2));
        }

        private void ServeLoop()
        {
            byte[] request = new byte[512];
            byte[] reply = new byte[SntpPacket.Length];
            EndPoint client = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            while (!_stopping)
            {
                int length;
                try
                {
                    length = _socket.ReceiveFrom(request, ref client);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException e)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    // For example an ICMP "port unreachable" from an earlier reply's client, reported on this socket.
                    _logger.LogDebug("SNTP receive failed: {Reason}", e.Message);
                    continue;
                }

                DateTime received = DateTime.UtcNow;
                if (!SntpPacket.IsClientRequest(request, length))
                {
                    Interlocked.Increment(ref _ignored);
                    continue;
                }

                SntpPacket.WriteReply(request, received, DateTime.UtcNow, reply);
                try
                {
                    _socket.SendTo(reply, client);
                    Interlocked.Increment(ref _answered);
                }
                catch (SocketException e)
                {
                    _logger.LogDebug("SNTP reply to {Client} failed: {Reason}", client, e.Message);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        }
    }
}
