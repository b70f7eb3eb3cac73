using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>Acknowledged writes survive a restart, and a hard kill of the server process at any moment.</summary>
    public sealed class PersistenceTests
    {
        [Fact]
        public async Task RegistersSurviveARestart()
        {
            string data = TestServer.NewDataFolder();
            try
            {
                await using (var first = TestServer.Start(dataFolder: data))
                {
                    Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(first.Plain, "W0FAC0B1234"));
                    Assert.Equal("A0FAC0C0001", await WwepTestClient.RequestAsync(first.Tls, "W0FAC0C0001", tls: true));
                    Assert.Equal("A0FAC0C0002", await WwepTestClient.RequestAsync(first.Plain, "W0FAC0C0002"));
                }

                await using var second = TestServer.Start(dataFolder: data);
                Assert.Equal(2, second.Host.Store.RegisterCount);
                Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(second.Plain, "R0FAC0B"));
                Assert.Equal("A0FAC0C0002", await WwepTestClient.RequestAsync(second.Tls, "R0FAC0C", tls: true));
                Assert.Equal("X", await WwepTestClient.RequestAsync(second.Plain, "R0BAC0B"));
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        [Fact]
        public async Task EveryAcknowledgedWriteSurvivesAHardKillInTheMiddleOfTraffic()
        {
            const int Writers = 24;
            string data = TestServer.NewDataFolder();
            TestPki pki = TestPki.Shared;
            string[] args =
            {
                "--bind", "127.0.0.1", "--plain-port", "0", "--tls-port", "0",
                "--cert", pki.ServerCertificatePath, "--key", pki.ServerKeyPath, "--data", data,
            };
            int[] lastAcknowledged = new int[Writers];
            int[] lastAttempted = new int[Writers];
            int acknowledged = 0;
            try
            {
                using (ServerProcess server = await ServerProcess.StartAsync(args))
                {
                    using var enough = new SemaphoreSlim(0);
                    Task[] writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
                    {
                        bool tls = w % 2 == 1;
                        for (int value = 1; value < 0xFFFF; value++)
                        {
                            string request = "W" + Device(w) + "05" + value.ToString("X4");
                            Volatile.Write(ref lastAttempted[w], value);
                            string reply;
                            try
                            {
                                reply = await WwepTestClient.RequestAsync(tls ? server.Tls : server.Plain, request, tls);
                            }
                            catch (Exception e) when (e is SocketException || e is IOException || e is System.Security.Authentication.AuthenticationException)
                            {
                                return; // the server is gone
                            }

                            if (reply != "A" + request.Substring(1))
                            {
                                return; // killed before it could answer
                            }

                            Volatile.Write(ref lastAcknowledged[w], value);
                            if (Interlocked.Increment(ref acknowledged) == 400)
                            {
                                enough.Release();
                            }
                        }
                    })).ToArray();

                    Assert.True(await enough.WaitAsync(TimeSpan.FromSeconds(60)), "the writers got fewer than 400 acknowledgements in 60 s");
                    server.KillHard(); // while the writers are still writing
                    await Task.WhenAll(writers);
                }

                using ServerProcess restarted = await ServerProcess.StartAsync(args);
                for (int w = 0; w < Writers; w++)
                {
                    string reply = await WwepTestClient.RequestAsync(restarted.Plain, "R" + Device(w) + "05");
                    Assert.True(lastAcknowledged[w] > 0, "writer " + w + " never got an acknowledgement");
                    Assert.Matches("^A" + Device(w) + "05[0-9A-F]{4}$", reply);
                    int stored = Convert.ToInt32(reply.Substring(7), 16);

                    // At least the last acknowledged value; at most the last one sent (its reply may have been cut off).
                    Assert.InRange(stored, lastAcknowledged[w], lastAttempted[w]);
                }
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        [Fact]
        public async Task ASecondServerOnTheSameDataFolderIsRefusedWithAClearMessage()
        {
            await using var first = TestServer.Start();
            StartupException error = Assert.Throws<StartupException>(() => TestServer.Start(dataFolder: first.Options.DataDirectory));
            Assert.Contains("another WWEP server is using this data folder", error.Message);
            Assert.Contains(RegisterStore.DatabaseFileName, error.Message);
            Assert.DoesNotContain("\n", error.Message);

            // The first one is undisturbed.
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(first.Plain, "W0FAC0B1234"));
        }

        private static string Device(int writer)
        {
            return (0x2000 + writer).ToString("X4");
        }
    }
}
