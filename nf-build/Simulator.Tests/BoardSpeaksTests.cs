using System;
using WwepEndToEnd.Tests;
using Xunit;

namespace WwepSimulator.Tests
{
    /// <summary>
    /// The simulator shows what the board shows without a serial monitor: the boot state stored, the blink code of a
    /// failure, and the status block of a long press. Run as a user runs it, against a loopback port where nothing
    /// listens.
    /// </summary>
    public sealed class BoardSpeaksTests
    {
        [Fact]
        public void NothingListeningEndsWithBlinkCodeThree()
        {
            var (exitCode, output) = SimulatorRun.Run("--host", "127.0.0.1", "--mode", "plain", "--plain-port", FreePort.Next().ToString(), "--presses", "1", "--attempts", "1", "--quiet");

            Assert.Equal(1, exitCode);
            Assert.Contains(Environment.NewLine + "LED blink 3: server unreachable" + Environment.NewLine, output);
            Assert.Contains("[WWEP] boot: storing LED OFF on the server", output);
            Assert.DoesNotContain("[WWEP] status:", output);
        }

        [Fact]
        public void ALongPressPrintsTheStatusBlockWithTheDeviceAndTheClocksSource()
        {
            var (exitCode, output) = SimulatorRun.Run("--host", "127.0.0.1", "--mode", "plain", "--plain-port", FreePort.Next().ToString(), "--presses", "1", "--attempts", "1", "--quiet", "--mac", "C4:7F:51:01:6A:E9", "--long-press");

            Assert.Equal(1, exitCode);
            string[] lines = output.Split(Environment.NewLine);
            int start = Array.IndexOf(lines, "[WWEP] status:");
            Assert.True(start > 0, output);
            Assert.True(Array.IndexOf(lines, "long press (held 3 s)") < start, output);
            Assert.Contains("[WWEP]   device: 02E8, MAC C4:7F:51:01:6A:E9", lines);
            Assert.Contains(lines, line => line.StartsWith("[WWEP]   clock: ", StringComparison.Ordinal) && line.EndsWith(" UTC, set by this PC's clock", StringComparison.Ordinal));
            Assert.Contains("[WWEP]   setting MaxAttempts=1 (simulator option)", lines);
            // The long press's own toggle is being sent meanwhile: its attempt may or may not be counted yet.
            Assert.Contains(lines, line => line == "[WWEP]   counts: 2 presses, 2 sends, 0 acknowledged" || line == "[WWEP]   counts: 2 presses, 3 sends, 0 acknowledged");
            Assert.Contains("[WWEP] status: delivering the LED state now", lines);
            // The long press queues the undelivered state again; whether that collapses into its own toggle's pending send
            // or follows it depends on whether the worker took the toggle first: 3 or 4 attempts, both right.
            Assert.True(output.Contains("done: 2 press(es), 3 send attempt(s), 0 acknowledged; LED OFF", StringComparison.Ordinal)
                || output.Contains("done: 2 press(es), 4 send attempt(s), 0 acknowledged; LED OFF", StringComparison.Ordinal), output);
        }

        [Fact]
        public void AnUnknownLedAtBootIsRefusedWithTheChoices()
        {
            var (exitCode, output) = SimulatorRun.Run("--led-at-boot", "on", "--presses", "1");

            Assert.Equal(Program.BadInput, exitCode);
            Assert.Contains("error: --led-at-boot 'on' is not a choice: use off or restore", output);
        }
    }
}
