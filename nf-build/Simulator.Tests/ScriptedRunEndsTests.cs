using System;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace WwepSimulator.Tests
{
    /// <summary>
    /// README's "clock not set" example ends as README says: <c>--presses N</c> exits 0 or 1 once the presses are done,
    /// even though the firmware's clock keeper (ClockSync) goes on retrying every 30 s on a thread of its own while the
    /// clock stays unset. Run as a real process, because a thread that keeps a process alive only shows there.
    /// </summary>
    public sealed class ScriptedRunEndsTests
    {
        // Far above what the run needs (a refused TLS attempt, one SNTP round against a closed port), and still finite:
        // without the fix the process never exits at all, so the bound only has to be reached by the broken run.
        private static readonly TimeSpan s_exitBound = TimeSpan.FromSeconds(60);

        [Fact]
        public void ClockNotSetExampleExitsWithOneWhenThePressIsNotStored()
        {
            // README: dotnet run --project nf-build/Simulator -- --host localhost --clock 1970-01-01 --presses 1 --attempts 1
            // Only the two ports are added, pointed at a loopback port that is closed, so that no server on this machine
            // (a WwepServer on 40508, an NTP daemon on 123) can answer.
            int closed = ClosedLoopbackPort();
            string[] readmeExample = { "--host", "localhost", "--clock", "1970-01-01", "--presses", "1", "--attempts", "1" };
            string[] closedPorts = { "--tls-port", closed.ToString(), "--sntp-port", closed.ToString() };

            SimulatorProcess run = SimulatorProcess.Run(Concat(readmeExample, closedPorts), s_exitBound);

            Assert.True(run.Exited, "the simulator was still running " + s_exitBound.TotalSeconds + " s after it started:\n" + run.Output);
            Assert.True(run.ExitCode == 1, "exit " + run.ExitCode + ", README says 1 when the server does not have the final state:\n" + run.Output);
            Assert.Contains("done: 1 press(es)", run.Output);
            Assert.Contains("the final state was NOT stored on the server", run.Output);
        }

        private static int ClosedLoopbackPort()
        {
            // A port the system just handed out, free for TCP and UDP alike, and released again: nothing listens on it.
            for (int tries = 0; ; tries++)
            {
                using Socket tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                int port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
                using Socket udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                try
                {
                    udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                    return port;
                }
                catch (SocketException) when (tries < 20)
                {
                    // Taken for UDP by someone else: ask for another.
                }
            }
        }

        private static string[] Concat(string[] first, string[] second)
        {
            string[] all = new string[first.Length + second.Length];
            first.CopyTo(all, 0);
            second.CopyTo(all, first.Length);
            return all;
        }
    }
}
