using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading;
using Makaretu.Dns;
using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>
    /// Answers mDNS (RFC 6762) queries for the server's names (<c>wwep.local</c>, the firmware's default server name, and
    /// this machine's <c>&lt;host&gt;.local</c>) with the IPv4 address of the interface the query came in on, so boards find
    /// the server with no address typed. It answers only A (and ANY) questions for those names and announces them at
    /// start; it is not a general responder. Makaretu.Dns reads and writes the messages.
    /// </summary>
    public sealed class MdnsResponder : IDisposable
    {
        /// <summary>The mDNS port.</summary>
        public const int Port = 5353;

        /// <summary>The IPv4 mDNS group.</summary>
        public static readonly IPAddress Group = IPAddress.Parse("224.0.0.251");

        // RFC 6762 10: host records 120 s; a legacy unicast answer at most 10 s (6.7).
        private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(120);
        private static readonly TimeSpan LegacyTtl = TimeSpan.FromSeconds(10);

        // The cache-flush bit on the class of a unique record (10.2): these names belong to this host alone.
        private const DnsClass CacheFlushInternet = (DnsClass)0x8001;

        private readonly Socket _socket;
        private readonly ILogger _logger;
        private readonly IReadOnlyList<DomainName> _names;
        private readonly IReadOnlyList<(int Index, IPAddress Address)> _interfaces;
        private readonly Thread _thread;
        private long _answered;
        private volatile bool _stopping;

        private MdnsResponder(Socket socket, ILogger logger, IReadOnlyList<DomainName> names, IReadOnlyList<(int Index, IPAddress Address)> interfaces)
        {
            _socket = socket;
            _logger = logger;
            _names = names;
            _interfaces = interfaces;
            _thread = new Thread(ServeLoop) { IsBackground = true, Name = "mDNS" };
            _thread.Start();
            Announce();
        }

        /// <summary>The names answered for, for example <c>wwep.local</c> and <c>classroom-pc.local</c>.</summary>
        public IEnumerable<string> Names
        {
            get { return _names.Select(name => name.ToString()); }
        }

        /// <summary>The interface addresses it listens and answers on.</summary>
        public IEnumerable<IPAddress> Addresses
        {
            get { return _interfaces.Select(nic => nic.Address); }
        }

        /// <summary>Queries answered.</summary>
        public long Answered
        {
            get { return Interlocked.Read(ref _answered); }
        }

        /// <summary>This machine's own mDNS name: its host name's first label under <c>.local</c>.</summary>
        /// <returns>For example <c>classroom-pc.local</c>.</returns>
        public static string HostName()
        {
            return Dns.GetHostName().Split('.')[0].ToLowerInvariant() + ".local";
        }

        /// <summary>Joins the mDNS group on the interfaces that serve the bind address and starts answering.</summary>
        /// <param name="bindAddress">The WWEP bind address: any address means every interface, else the one holding it.</param>
        /// <param name="name">The name to announce besides this machine's own, normally <c>wwep.local</c>.</param>
        /// <param name="logger">Where failures are reported.</param>
        /// <param name="problem">When it cannot run: one line with the cause and the fix; else null.</param>
        /// <returns>The running responder, or null.</returns>
        public static MdnsResponder? TryStart(IPAddress bindAddress, string name, ILogger logger, out string? problem)
        {
            List<(int Index, IPAddress Address)> interfaces = ServingInterfaces(bindAddress);
            if (interfaces.Count == 0)
            {
                problem = "mDNS off: no IPv4 interface serves " + bindAddress + " (mDNS here is IPv4); boards need the address typed, or --bind an IPv4 address";
                return null;
            }

            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                // Shared with any other responder on this machine (Avahi, Bonjour): all of them get every multicast query.
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255); // RFC 6762 11
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
                socket.Bind(new IPEndPoint(IPAddress.Any, Port));
                foreach ((int _, IPAddress address) in interfaces)
                {
                    socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(Group, address));
                }
            }
            catch (SocketException e)
            {
                socket.Dispose();
                problem = "mDNS off: cannot use UDP port " + Port + " (" + e.Message + "): another responder holds it without sharing; "
                    + "boards then need the server's address (ServerFallbackIp), or pass --no-mdns to silence this";
                return null;
            }

            var names = new List<DomainName> { new DomainName(name.TrimEnd('.')) };
            string own = HostName();
            if (!string.Equals(own, name.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            {
                names.Add(new DomainName(own));
            }

            problem = null;
            return new MdnsResponder(socket, logger, names, interfaces);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _stopping = true;
            _socket.Dispose();
            _thread.Join(TimeSpan.FromSeconds(2));
        }

        // Every interface that is up and holds an IPv4 address: all of them for an any-address bind, else the one
        // holding the bind address.
        private static List<(int Index, IPAddress Address)> ServingInterfaces(IPAddress bindAddress)
        {
            bool any = bindAddress.Equals(IPAddress.Any) || bindAddress.Equals(IPAddress.IPv6Any);
            IPAddress wanted = bindAddress.IsIPv4MappedToIPv6 ? bindAddress.MapToIPv4() : bindAddress;
            var result = new List<(int, IPAddress)>();
            foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.OperationalStatus != OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                {
                    continue;
                }

                IPInterfaceProperties properties = nic.GetIPProperties();
                IPv4InterfaceProperties? v4 = properties.GetIPv4Properties();
                if (v4 == null)
                {
                    continue;
                }

                foreach (UnicastIPAddressInformation unicast in properties.UnicastAddresses)
                {
                    IPAddress address = unicast.Address;
                    if (address.AddressFamily != AddressFamily.InterNetwork)
                    {
                        continue;
                    }

                    // Any address: the LAN interfaces, not loopback (a board is never on it); a given address: that one.
                    if ((any && !IPAddress.IsLoopback(address) && nic.SupportsMulticast) || (!any && address.Equals(wanted)))
                    {
                        result.Add((v4.Index, address));
                        break;
                    }
                }
            }

            return result;
        }

        private void ServeLoop()
        {
            byte[] buffer = new byte[9000];
            while (!_stopping)
            {
                EndPoint remote = new IPEndPoint(IPAddress.Any, 0);
                SocketFlags flags = SocketFlags.None;
                int length;
                IPPacketInformation packet;
                try
                {
                    length = _socket.ReceiveMessageFrom(buffer, 0, buffer.Length, ref flags, ref remote, out packet);
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

                    _logger.LogDebug("mDNS receive failed: {Reason}", e.Message);
                    continue;
                }

                try
                {
                    Answer(buffer, length, (IPEndPoint)remote, packet.Interface);
                }
                catch (SocketException e)
                {
                    _logger.LogDebug("mDNS: answer to {Remote} failed: {Reason}", remote, e.Message);
                }
                catch (Exception e)
                {
                    // Not a DNS message the library can read (it throws several kinds): the network carries all sorts of
                    // datagrams on this port, and none of them may stop the responder.
                    _logger.LogDebug("mDNS: unreadable datagram from {Remote}: {Reason}", remote, e.Message);
                }
            }
        }

        private void Answer(byte[] buffer, int length, IPEndPoint remote, int interfaceIndex)
        {
            var query = new Message();
            query.Read(buffer, 0, length);
            if (query.IsResponse || query.Opcode != MessageOperation.Query)
            {
                return;
            }

            IPAddress? address = AddressOn(interfaceIndex);
            if (address == null)
            {
                return; // it came in on an interface this server does not serve
            }

            // RFC 6762 6.7: a query from a port other than 5353 is a legacy (one-shot) resolver: answer it alone, by
            // unicast, with its ID and question, and a short TTL. The top bit of the class asks for a unicast reply (5.4).
            bool legacy = remote.Port != Port;
            Message response = query.CreateResponse();
            response.AA = true;
            if (!legacy)
            {
                response.Id = 0;
                response.Questions.Clear();
            }

            bool unicast = legacy;
            foreach (Question question in query.Questions)
            {
                bool ours = _names.Any(name => name.Equals(question.Name));
                if (!ours || (question.Type != DnsType.A && question.Type != DnsType.ANY))
                {
                    continue;
                }

                unicast |= ((ushort)question.Class & 0x8000) != 0;
                response.Answers.Add(new ARecord
                {
                    Name = question.Name,
                    Address = address,
                    TTL = legacy ? LegacyTtl : Ttl,
                    Class = legacy ? DnsClass.IN : CacheFlushInternet,
                });
            }

            if (response.Answers.Count == 0)
            {
                return;
            }

            Send(response, unicast ? remote : new IPEndPoint(Group, Port), address);
            Interlocked.Increment(ref _answered);
        }

        private IPAddress? AddressOn(int interfaceIndex)
        {
            foreach ((int index, IPAddress address) in _interfaces)
            {
                if (index == interfaceIndex)
                {
                    return address;
                }
            }

            return null;
        }

        private void Send(Message message, IPEndPoint destination, IPAddress viaInterface)
        {
            byte[] bytes = message.ToByteArray();
            lock (_socket)
            {
                // The multicast answer leaves by the interface the query came in on.
                _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, viaInterface.GetAddressBytes());
                _socket.SendTo(bytes, destination);
            }
        }

        // RFC 6762 8.3: announce the records at start, so caches on the network learn them before anyone asks.
        private void Announce()
        {
            foreach ((int _, IPAddress address) in _interfaces)
            {
                var announcement = new Message { QR = true, AA = true };
                foreach (DomainName name in _names)
                {
                    announcement.Answers.Add(new ARecord { Name = name, Address = address, TTL = Ttl, Class = CacheFlushInternet });
                }

                try
                {
                    Send(announcement, new IPEndPoint(Group, Port), address);
                }
                catch (SocketException e)
                {
                    _logger.LogDebug("mDNS announcement on {Address} failed: {Reason}", address, e.Message);
                }
            }
        }
    }
}
