using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Makaretu.Dns;
using Xunit;
using Xunit.Abstractions;

namespace WwepServer.Tests
{
    /// <summary>
    /// Boards find the server by name: real mDNS queries over multicast on loopback (the server bound to 127.0.0.1
    /// serves that interface), both as a one-shot resolver asks (legacy unicast, RFC 6762 6.7, as lwIP does) and as
    /// a full mDNS querier on port 5353 that gets the multicast answer.
    /// </summary>
    public sealed class MdnsTests
    {
        private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(3);
        private readonly ITestOutputHelper _output;

        public MdnsTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task AOneShotQueryForWwepLocalAndTheHostNameGetsTheServersAddress()
        {
            await using var server = TestServer.Start(configure: o => o.MdnsEnabled = true);
            Assert.NotNull(server.Host.Mdns);
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            client.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.Loopback.GetAddressBytes());
            client.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);

            foreach (string name in new[] { "wwep.local", "WWEP.local", MdnsResponder.HostName() })
            {
                Message? answer = await QueryAsync(client, name, new IPEndPoint(MdnsResponder.Group, MdnsResponder.Port), id: 0x1234, unicastBit: false);
                Assert.True(answer != null, "no answer for " + name + " to a query sent to 224.0.0.251:5353 on loopback");
                Assert.Equal(0x1234, answer!.Id);
                ARecord record = Assert.IsType<ARecord>(Assert.Single(answer.Answers));
                Assert.True(record.Name!.Equals(new DomainName(name)));
                Assert.Equal(IPAddress.Loopback, record.Address);
                Assert.True(record.TTL <= TimeSpan.FromSeconds(10), "a legacy unicast answer's TTL must be 10 s at most");
            }

            Assert.Null(await QueryAsync(client, "someone-else.local", new IPEndPoint(MdnsResponder.Group, MdnsResponder.Port), id: 7, unicastBit: false));
            Assert.Contains(StartupBanner.Lines(server.Host, server.Options), line => line.Contains("mDNS: boards find this server as wwep.local", StringComparison.Ordinal));
        }

        [Fact]
        public async Task AFullMdnsQuerierOnPort5353GetsTheMulticastAnswerForACustomName()
        {
            await using var server = TestServer.Start(configure: o =>
            {
                o.MdnsEnabled = true;
                o.MdnsName = "classroom.local";
            });
            using var querier = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            querier.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            querier.Bind(new IPEndPoint(IPAddress.Any, MdnsResponder.Port));
            querier.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(MdnsResponder.Group, IPAddress.Loopback));
            querier.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.Loopback.GetAddressBytes());
            querier.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);

            Message? answer = await QueryAsync(querier, "classroom.local", new IPEndPoint(MdnsResponder.Group, MdnsResponder.Port), id: 0, unicastBit: false);
            Assert.True(answer != null, "no multicast answer for classroom.local on loopback");
            ARecord record = Assert.IsType<ARecord>(Assert.Single(answer!.Answers));
            Assert.Equal(IPAddress.Loopback, record.Address);
            Assert.Equal(TimeSpan.FromSeconds(120), record.TTL);
            Assert.Equal(0x8001, (int)record.Class); // cache-flush: the name is this host's alone
            Assert.True(server.Host.Mdns!.Answered >= 1);
            _output.WriteLine("answer: " + record);
        }

        // Sends an A question and waits for a response that answers it (skipping the querier's own looped-back query).
        private static async Task<Message?> QueryAsync(Socket socket, string name, IPEndPoint to, ushort id, bool unicastBit)
        {
            var query = new Message { Id = id };
            query.Questions.Add(new Question { Name = name, Type = DnsType.A, Class = unicastBit ? (DnsClass)0x8001 : DnsClass.IN });
            await socket.SendToAsync(query.ToByteArray(), SocketFlags.None, to);
            byte[] buffer = new byte[9000];
            using var bound = new CancellationTokenSource(AnswerWait);
            try
            {
                while (true)
                {
                    SocketReceiveFromResult received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), bound.Token);
                    var message = new Message();
                    message.Read(buffer, 0, received.ReceivedBytes);
                    if (message.IsResponse && message.Answers.Any(answer => answer.Name!.Equals(new DomainName(name))))
                    {
                        return message;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }
}
