using System;
using System.Linq;
using Xunit;

namespace WwepEndToEnd.Tests
{
    /// <summary>Assertions shared by the end-to-end tests, each with the transcript in its failure message.</summary>
    internal static class Expect
    {
        /// <summary>The device printed this exact line.</summary>
        /// <param name="device">The device.</param>
        /// <param name="line">The whole line, prefix included.</param>
        public static void Printed(DeviceUnderTest device, string line)
        {
            Assert.True(device.Lines.Contains(line), "expected the line\n  " + line + "\nin the device's output:\n" + device.Transcript);
        }

        /// <summary>
        /// Nothing crashed: the device's worker reached idle and never reported an unexpected exception; the server
        /// process (when one is given) still runs.
        /// </summary>
        /// <param name="device">The device.</param>
        /// <param name="settled">What <see cref="DeviceUnderTest.PressAndSettle"/> or Settle returned.</param>
        /// <param name="server">The server, or null.</param>
        public static void NoCrash(DeviceUnderTest device, bool settled, WwepServerProcess? server = null)
        {
            Assert.True(settled, "the device's worker was still busy at its worst-case time:\n" + device.Transcript);
            Assert.DoesNotContain(device.Lines, line => line.Contains("unexpected ", StringComparison.Ordinal));
            if (server != null)
            {
                Assert.True(server.IsRunning, "the WWEP server process ended:\n" + string.Join("\n", server.Lines));
            }
        }

        /// <summary>
        /// The recovery after a fix: nothing crashed, the press was stored over TLS on the first attempt, the server
        /// holds that state, and the plain port never saw a connection.
        /// </summary>
        /// <param name="device">The device that pressed after the fix.</param>
        /// <param name="settled">What its press returned.</param>
        /// <param name="server">The real server.</param>
        /// <param name="plain">The listener on the port the device believes is plain.</param>
        /// <param name="ledOn">The LED state that press made.</param>
        public static void RecoveredOverTlsOnly(DeviceUnderTest device, bool settled, WwepServerProcess server, PlainPortSentinel plain, bool ledOn)
        {
            NoCrash(device, settled, server);
            Assert.Equal("[WWEP] LED " + (ledOn ? "ON" : "OFF") + " stored on the server (TLS, attempt 1)", device.BoardLines.Last());
            Assert.Equal(ledOn ? "A02E8050001" : "A02E8050000", RawWwep.ReadLedRegister(server.PlainPort, DeviceUnderTest.Id));
            Assert.Equal(0, plain.Connections);
        }
    }
}
