using System;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>
    /// A log a person can read under attack: one line per client address and cause, then a count per period, never one
    /// line per connection.
    /// </summary>
    public sealed class FailureLogTests
    {
        [Fact]
        public async Task TenThousandGarbageConnectionsToTheTlsPortWriteAFewLines()
        {
            const int Connections = 10_000;
            await using var server = TestServer.Start();
            byte[] garbage = Encoding.ASCII.GetBytes("\u0001garbage\r\n");

            // Bounded: 10,000 connections, 8 at a time (far below the 100 one address may hold), each closed by the server.
            await Parallel.ForEachAsync(Enumerable.Range(0, Connections), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
            {
                Assert.Equal(string.Empty, await WwepTestClient.SendRawAsync(server.Tls, garbage));
            });
            await LimitTests.WaitUntilAsync(() => server.Host.Failures.Count(FailureCause.NotTls) == Connections, TimeSpan.FromSeconds(60));
            server.Host.Failures.Flush();

            // What a person sees at the default level (Information and up): the first line and one count.
            string[] shown = server.Log.Lines.Where(line => !line.StartsWith("Debug:", StringComparison.Ordinal) && !line.StartsWith("Trace:", StringComparison.Ordinal)).ToArray();
            Assert.True(shown.Length <= 30, shown.Length + " log lines for " + Connections + " connections:\n" + string.Join("\n", shown.Take(40)));
            Assert.Single(shown, line => line.Contains("(not-tls); fix:", StringComparison.Ordinal) || line.EndsWith("(not-tls)", StringComparison.Ordinal));
            Assert.Contains(shown, line => line.EndsWith("(not-tls) ... and " + (Connections - 1) + " more from 127.0.0.1 in the last minute", StringComparison.Ordinal));
            Assert.Equal(Connections, server.Host.Failures.Total);
        }

        [Fact]
        public void EachAddressAndCauseIsOneLineThenACountPerPeriod()
        {
            var log = new CapturedLog();
            using var factory = log.CreateFactory();
            var failures = new FailureLog(factory.CreateLogger("test"), TimeSpan.FromSeconds(10));
            for (int i = 0; i < 5; i++)
            {
                failures.Record(Failure("10.0.0.23", FailureCause.UntrustedServer));
            }

            failures.Record(Failure("10.0.0.24", FailureCause.UntrustedServer));
            failures.Record(Failure("10.0.0.23", FailureCause.TlsVersion));
            Assert.Equal(3, log.Lines.Count);

            failures.Flush();
            Assert.Equal(4, log.Lines.Count);
            Assert.EndsWith("(untrusted-server) ... and 4 more from 10.0.0.23 in the last 10 s", log.Lines[3]);

            // Quiet for a whole period: forgotten, so the next one is a full line again.
            failures.Flush();
            failures.Record(Failure("10.0.0.23", FailureCause.UntrustedServer));
            Assert.Equal(5, log.Lines.Count);
            Assert.Contains("fix: put this server's CA into the firmware", log.Lines[4]);
            Assert.Equal(7, failures.Count(FailureCause.UntrustedServer));
            Assert.Equal(8, failures.Total);
        }

        [Fact]
        public void NewAddressesBeyondTheLimitOfAPeriodAreCountedTogether()
        {
            var log = new CapturedLog();
            using var factory = log.CreateFactory();
            var failures = new FailureLog(factory.CreateLogger("test"), FailureLog.DefaultPeriod);
            for (int i = 0; i < FailureLog.MaxFirstLinesPerPeriod + 25; i++)
            {
                failures.Record(Failure("10.0." + (i / 256) + "." + (i % 256), FailureCause.NotTls));
            }

            Assert.Equal(FailureLog.MaxFirstLinesPerPeriod, log.Lines.Count);
            failures.Flush();
            Assert.StartsWith("Warning: ... and 25 more failed connection(s) from further addresses in the last minute", log.Lines.Last());
        }

        private static ConnectionFailure Failure(string address, FailureCause cause)
        {
            return new ConnectionFailure(DateTime.UtcNow, "TLS", address + ":50000", address, null, cause, null, null);
        }
    }
}
