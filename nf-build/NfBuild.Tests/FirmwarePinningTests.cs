using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// nf-build/flash writes the firmware version nf-build/firmware-versions.txt pins for the target, passed to nanoff
    /// as --fwversion (2.x) or the fwversion keyword (3.x, nanoFirmwareFlasher Verbs/FlashOptions.cs at
    /// v3.0.0-preview.1); --latest opts out and says what it risks; a target the table knows no version for stops
    /// before nanoff runs. The tests give each sandbox a table of their own, so they hold whatever the real one pins.
    /// </summary>
    public sealed class FirmwarePinningTests
    {
        private const string Nanoff2 = "2.5.162";
        private const string Nanoff3 = "3.0.1";

        private static ScriptSandbox NewSandbox(string version)
        {
            var sandbox = new ScriptSandbox();
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff(version);
            return sandbox;
        }


        [Theory]
        [InlineData(Nanoff2, "--target ESP32_C3 --serialport {port} --update --fwversion 1.17.0.420")]
        [InlineData(Nanoff3, "flash target ESP32_C3 serialport {port} fwversion 1.17.0.420")]
        public void FlashPassesTheConfirmedVersionPinnedForTheTarget(string version, string expected)
        {
            using ScriptSandbox sandbox = NewSandbox(version);
            sandbox.PinFirmware("*|1.17.0.401|confirmed", "ESP32_REV3|1.17.0.402|confirmed", "ESP32_C3|1.17.0.420|confirmed");

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--target", "ESP32_C3");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(expected.Replace("{port}", sandbox.Port).Split(' '), Assert.Single(sandbox.NanoffCalls));
            Assert.DoesNotContain(result.VerbLines("flash"), line => line.Contains("pinned in"));
        }

        [Theory]
        [InlineData(Nanoff2, "--platform esp32 --serialport {port} --update --fwversion 1.17.0.401")]
        [InlineData(Nanoff3, "flash platform esp32 serialport {port} fwversion 1.17.0.401")]
        public void FlashWithoutTargetPassesTheVersionOfTheStarRow(string version, string expected)
        {
            using ScriptSandbox sandbox = NewSandbox(version);
            sandbox.PinFirmware("ESP32_REV3|1.17.0.402|confirmed", "*|1.17.0.401|confirmed");

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(expected.Replace("{port}", sandbox.Port).Split(' '), Assert.Single(sandbox.NanoffCalls));
        }

        [Fact]
        public void AnUnconfirmedVersionIsFlashedWithOneLineThatSaysSo()
        {
            using ScriptSandbox sandbox = NewSandbox(Nanoff2);
            sandbox.PinFirmware("ESP32_REV3|1.17.0.339|unconfirmed");

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--target", "ESP32_REV3");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(new[] { "--target", "ESP32_REV3", "--serialport", sandbox.Port, "--update", "--fwversion", "1.17.0.339" }, Assert.Single(sandbox.NanoffCalls));
            Assert.Contains(
                "nf-build/flash: firmware 1.17.0.339 for ESP32_REV3 is pinned in nf-build/firmware-versions.txt but unconfirmed against this image; nf-build/deploy compares the native checksums before it writes the application",
                result.VerbLines("flash"));
        }

        [Theory]
        [InlineData(Nanoff2, "--target ESP32_REV3 --serialport {port} --update")]
        [InlineData(Nanoff3, "flash target ESP32_REV3 serialport {port}")]
        public void LatestPassesNoVersionAndSaysInOneLineWhatItRisks(string version, string expected)
        {
            using ScriptSandbox sandbox = NewSandbox(version);
            sandbox.PinFirmware("ESP32_REV3|1.17.0.402|confirmed");

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--target", "ESP32_REV3", "--latest");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(expected.Replace("{port}", sandbox.Port).Split(' '), Assert.Single(sandbox.NanoffCalls));
            string line = Assert.Single(result.VerbLines("flash"), line => line.Contains("--latest"));
            Assert.Contains("not the one nf-build/firmware-versions.txt pins for packages.config", line);
            Assert.Contains("the board refuses the application (CLR_E_ASSM_WRONG_CHECKSUM)", line);
        }

        [Theory]
        [InlineData("ESP32_C6_THREAD", "ESP32_C6_THREAD")]
        [InlineData(null, "the target nanoff picks (no --target)")]
        public void ATargetWithoutAPinnedVersionStopsBeforeNanoffInOneLine(string? target, string named)
        {
            using ScriptSandbox sandbox = NewSandbox(Nanoff2);
            sandbox.PinFirmware("*|unknown|unknown", "ESP32_REV3|1.17.0.402|confirmed", "ESP32_C6_THREAD|unknown|unknown");
            string[] arguments = target == null ? new[] { "--port", sandbox.Port } : new[] { "--port", sandbox.Port, "--target", target };

            ScriptResult result = sandbox.Run("flash", arguments);
            ScriptResult dryRun = sandbox.Run("flash", arguments.Append("--dry-run").ToArray());

            foreach (ScriptResult run in new[] { result, dryRun })
            {
                Assert.True(run.ExitCode == 2, run.ToString());
                string line = Assert.Single(run.VerbLines("flash"));
                Assert.StartsWith("nf-build/flash: missing: a firmware version for " + named + " that matches WwepDevice/packages.config: nf-build/firmware-versions.txt has none yet", line);
                Assert.Contains("--latest", line);
                Assert.Equal(string.Empty, run.StandardOutput);
            }

            Assert.Empty(sandbox.NanoffCalls);
        }

        [Fact]
        public void TheRepositoryTableHasOneWellFormedRowPerTargetAndOneForNoTarget()
        {
            string[] targets = File.ReadAllLines(RepositoryPaths.Combine("nf-build/lib/esp32-targets.txt"))
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.Split('|')[0])
                .ToArray();
            string[][] rows = File.ReadAllLines(RepositoryPaths.Combine("nf-build/firmware-versions.txt"))
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.Split('|'))
                .ToArray();

            Assert.Equal(new[] { "*" }.Concat(targets).OrderBy(name => name, StringComparer.Ordinal), rows.Select(row => row[0]).OrderBy(name => name, StringComparer.Ordinal));
            Assert.All(rows, row =>
            {
                Assert.True(row.Length == 3, string.Join("|", row) + ": TARGET|VERSION|STATUS");
                Assert.Contains(row[2], new[] { "confirmed", "unconfirmed", "unknown" });
                Assert.True(row[1] == "unknown" ? row[2] == "unknown" : Regex.IsMatch(row[1], @"^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$") && row[2] != "unknown", string.Join("|", row) + ": a version is x.y.z.n and then confirmed or unconfirmed; unknown goes with unknown");
            });
        }

        [Fact]
        public void TheRepositoryTablesPinReachesNanoffUnchanged()
        {
            string[] pinned = File.ReadAllLines(RepositoryPaths.Combine("nf-build/firmware-versions.txt"))
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.Split('|'))
                .First(row => row[1] != "unknown");
            using ScriptSandbox sandbox = NewSandbox(Nanoff3);

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--target", pinned[0], "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.EndsWith(" flash target " + pinned[0] + " serialport " + sandbox.Port + " fwversion " + pinned[1], Assert.Single(result.OutputLines));
        }
    }
}
