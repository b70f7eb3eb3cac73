using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using WwepDevice.Core.Protocol;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>Many boards at once on both ports: every one gets its own reply, none is lost or crossed.</summary>
    public sealed class ConcurrencyTests
    {
        private const int Clients = 400;

        [Fact]
        public async Task HundredsOfSimultaneousClientsOnBothPortsEachGetTheirOwnReply()
        {
            // All clients here share one address; the per-address cap is tested in PeerLimitTests.
            await using var server = TestServer.Start(configure: o => o.MaxConnectionsPerPeer = o.MaxConnections);

            // Each client writes its own register with its own value, all released at the same moment.
            string[] writes = Enumerable.Range(0, Clients).Select(Write).ToArray();
            string[] writeReplies = await RunAllAtOnceAsync(server, writes);
            for (int i = 0; i < Clients; i++)
            {
                Assert.Equal("A" + writes[i].Substring(1), writeReplies[i]);
            }

            string[] reads = writes.Select(w => "R" + w.Substring(1, 6)).ToArray();
            string[] readReplies = await RunAllAtOnceAsync(server, reads);
            for (int i = 0; i < Clients; i++)
            {
                Assert.Equal("A" + writes[i].Substring(1), readReplies[i]);
            }

            Assert.Equal(Clients, server.Host.Store.RegisterCount);
            Assert.Equal(2 * Clients, server.Host.TransactionCount);
        }

        [Fact]
        public async Task ConcurrentWritesShareCommits()
        {
            await using var server = TestServer.Start(configure: o => o.MaxConnectionsPerPeer = o.MaxConnections);
            string[] writes = Enumerable.Range(0, 200).Select(Write).ToArray();
            string[] replies = await RunAllAtOnceAsync(server, writes);
            Assert.All(replies, reply => Assert.StartsWith("A", reply));

            // Group commit: one disk flush carried several acknowledged writes.
            Assert.Equal(200, server.Host.Store.CommittedWrites);
            Assert.True(server.Host.Store.CommitCount < 200, "expected fewer commits than writes, got " + server.Host.Store.CommitCount);
        }

        private static string Write(int client)
        {
            int device = 0x1000 + (client * 7);
            int register = client % 256;
            int value = (int)((client * 2654435761L) & 0xFFFF); // scattered, so a crossed reply shows
            byte[] text = new byte[WwepCodec.WriteLength];
            WwepCodec.BuildWrite(text, 0, device, register, value);
            return System.Text.Encoding.ASCII.GetString(text);
        }

        private static async Task<string[]> RunAllAtOnceAsync(TestServer server, string[] requests)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<string>[] clients = requests.Select((request, i) => Task.Run(async () =>
            {
                await gate.Task;
                bool tls = i % 2 == 1;
                IPEndPoint port = tls ? server.Tls : server.Plain;
                return await WwepTestClient.RequestAsync(port, request, tls);
            })).ToArray();
            gate.SetResult();
            return await Task.WhenAll(clients);
        }
    }
}
