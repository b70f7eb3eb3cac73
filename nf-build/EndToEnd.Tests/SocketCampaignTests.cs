using System;
using System.Collections.Generic;
using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// The fault simulation's schedules on real sockets (<see cref="SocketSeed"/>): nf-build/test runs a few seeds;
    /// nf-build/socket-campaign runs 50 or more (WWEP_SOCKET_SEEDS), each against the same real WwepServer process,
    /// which the proxy kills (kill -9) and starts again on its data.
    /// </summary>
    public sealed class SocketCampaignTests
    {
        private const int SeedsInTheGate = 4;
        private readonly ITestOutputHelper _output;

        /// <summary>Keeps xunit's output for the figures.</summary>
        /// <param name="output">The test's output.</param>
        public SocketCampaignTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>Seeds 1..N on sockets, reported together; N from WWEP_SOCKET_SEEDS (nf-build/socket-campaign), else a few.</summary>
        [Fact]
        public void SeedsOnRealSocketsBreakNoInvariant()
        {
            string? asked = Environment.GetEnvironmentVariable("WWEP_SOCKET_SEEDS");
            int seeds = asked != null && int.TryParse(asked, out int n) && n > 0 ? n : SeedsInTheGate;
            ServerCertificate certificate = new ServerCertificate(RepositoryLayout.CertsFile("server.crt.pem"), RepositoryLayout.CertsFile("server.key.pem"));
            using WwepServerProcess server = new WwepServerProcess();
            server.Start(certificate);
            var reports = new List<string>();
            Stopwatch watch = Stopwatch.StartNew();
            for (int seed = 1; seed <= seeds; seed++)
            {
                string? report = SocketSeed.Run(seed, server, certificate);
                if (report != null)
                {
                    reports.Add(report);
                }
            }

            _output.WriteLine(seeds.ToString() + " seeds on sockets, " + reports.Count.ToString() + " violations, " + watch.Elapsed.TotalSeconds.ToString("0.0") + " s");
            Assert.True(reports.Count == 0, string.Join("\n", reports));
        }

        /// <summary>The proxy plays what a seed says, TLS-only faults working (the socket campaign runs plain WWEP).</summary>
        [Fact]
        public void TheProxyPlaysTheSeedsFirstFaultsWithTlsOnesWorking()
        {
            FaultSimulation.Schedule schedule = FaultSimulation.Schedule.FromSeed(3);
            List<FaultSimulation.Fault> faults = SocketSeed.FaultsOf(schedule);
            Assert.True(faults.Count <= SocketSeed.FaultsPlayed);
            for (int i = 0; i < faults.Count; i++)
            {
                FaultSimulation.Fault seeded = schedule.Faults[i];
                bool tlsOnly = seeded.ToString().StartsWith("Handshake", StringComparison.Ordinal) || seeded == FaultSimulation.Fault.SlowHandshake;
                Assert.Equal(tlsOnly ? FaultSimulation.Fault.None : seeded, faults[i]);
            }
        }
    }
}
