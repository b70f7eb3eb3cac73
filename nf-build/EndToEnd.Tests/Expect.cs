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
    }
}
