using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using WwepDevice.Core.Settings;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// The nanoff command lines of flash, configure and flash --list-ports, for a nanoff 2.x (flat flags) and
    /// a nanoff 3.x (verbs and bare keywords, nanoframework/nanoFirmwareFlasher #374; its Verbs/*Options.cs and
    /// README at v3.0.0-preview.1). Each fake nanoff answers --version and records the exact argument vector of every
    /// other run; the scripts run for real against a stand-in serial port. deploy's: DeployFirmwareCheckTests.
    /// </summary>
    public sealed class NanoffSyntaxTests
    {
        private const string Nanoff2 = "2.5.162";
        private const string Nanoff3 = "3.0.1";

        private static ScriptSandbox NewSandbox(string version, out string port)
        {
            var sandbox = new ScriptSandbox();
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff(version);
            port = sandbox.AddRepoFile("fake-serial-port", Array.Empty<byte>());
            return sandbox;
        }

        private static void AssertCalls(ScriptSandbox sandbox, ScriptResult result, params string[][] expected)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            string[][] calls = sandbox.NanoffCalls;
            Assert.Equal(expected.Length, calls.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], calls[i]);
            }
        }

        [Theory]
        [InlineData(Nanoff2, "--platform esp32 --serialport {port} --update --fwversion 1.17.0.401")]
        [InlineData(Nanoff3, "flash platform esp32 serialport {port} fwversion 1.17.0.401")]
        public void FlashWithoutTargetLetsNanoffPickTheImage(string version, string expected)
        {
            using ScriptSandbox sandbox = NewSandbox(version, out string port);
            sandbox.PinFirmware("*|1.17.0.401|confirmed");

            ScriptResult result = sandbox.Run("flash", "--port", port);

            AssertCalls(sandbox, result, Vector(expected, port));
        }

        [Theory]
        [InlineData(Nanoff2, "--target ESP32_REV3 --serialport {port} --update --fwversion 1.17.0.402")]
        [InlineData(Nanoff3, "flash target ESP32_REV3 serialport {port} fwversion 1.17.0.402")]
        public void FlashWithTargetNamesTheImage(string version, string expected)
        {
            using ScriptSandbox sandbox = NewSandbox(version, out string port);
            sandbox.PinFirmware("*|1.17.0.401|confirmed", "ESP32_REV3|1.17.0.402|confirmed");

            ScriptResult result = sandbox.Run("flash", "--port", port, "--target", "ESP32_REV3");

            AssertCalls(sandbox, result, Vector(expected, port));
        }

        [Theory]
        [InlineData(Nanoff2, "--listports")]
        [InlineData(Nanoff3, "list ports")]
        public void ListPortsNeedsNoPort(string version, string expected)
        {
            using ScriptSandbox sandbox = NewSandbox(version, out _);

            ScriptResult result = sandbox.Run("flash", "--list-ports");

            AssertCalls(sandbox, result, Vector(expected, string.Empty));
        }

        [Theory]
        [InlineData(Nanoff2, "--serialport {port} --networkdeployment", "--serialport {port} --filedeployment")]
        [InlineData(Nanoff3, "deploy serialport {port} network", "deploy serialport {port} file")]
        public void ConfigureStoresWifiThenTheSettingsFileInTwoRuns(string version, string network, string file)
        {
            using ScriptSandbox sandbox = NewSandbox(version, out string port);
            sandbox.AddRepoFile("certs/ca.crt.pem", TestCertificates.SelfSigned("WWEP CA").CertificatePem);
            sandbox.Environment["WWEP_WIFI_SSID"] = "lab";
            sandbox.Environment["WWEP_WIFI_PASSWORD"] = "test-only-passphrase";
            sandbox.AddDotnetRunningDlls();

            ScriptResult result = sandbox.Run("configure", "--port", port, "--server", "wwep.lan");

            Assert.True(result.ExitCode == 0, result.ToString());
            string[][] calls = sandbox.NanoffCalls;
            Assert.Equal(2, calls.Length);
            Assert.Equal(Vector(network, port), calls[0].Take(calls[0].Length - 1));
            Assert.EndsWith("/network.json", calls[0][^1]);
            Assert.Equal(Vector(file, port), calls[1].Take(calls[1].Length - 1));
            Assert.EndsWith("/files.json", calls[1][^1]);
        }

        [Theory]
        [InlineData(Nanoff2, "--serialport {port} --filedeployment")]
        [InlineData(Nanoff3, "deploy serialport {port} file")]
        public void ConfigureSettingsOnlyStoresTheFileWhichTheFirmwareReadsBack(string version, string expected)
        {
            using ScriptSandbox sandbox = NewSandbox(version, out string port);
            string seenJson = Path.Combine(sandbox.Temp, "seen-files.json");
            string seenConf = Path.Combine(sandbox.Temp, "seen-wwep.conf");
            // The fake keeps what nanoff would have read: the file deployment JSON and the file it names.
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff(
                version,
                "tools/nanoff-keeping",
                "json=\"${@: -1}\"; cp \"$json\" '" + seenJson + "'; src=\"$(sed -n 's/.*\"SourceFilePath\": \"\\([^\"]*\\)\".*/\\1/p' \"$json\")\"; cp \"$src\" '" + seenConf + "'");
            sandbox.AddDotnetRunningDlls();

            ScriptResult result = sandbox.Run(
                "configure", "--port", port, "--settings-only", "--server", "wwep.lan", "--fallback-ip", "192.168.1.20",
                "--tls-name", "wwep.example", "--mode", "two-button", "--client-cert", "--plain-port", "2770", "--tls-port", "4050",
                "--set", "SecondButtonPin=4", "--set", "LedPin=5");

            Assert.True(result.ExitCode == 0, result.ToString());
            string[] call = Assert.Single(sandbox.NanoffCalls);
            Assert.Equal(Vector(expected, port), call.Take(call.Length - 1));

            JsonElement files = JsonDocument.Parse(File.ReadAllText(seenJson)).RootElement.GetProperty("Files");
            Assert.Equal(2, files.GetArrayLength());
            Assert.Equal("I:\\wwep.conf", files[0].GetProperty("DestinationFilePath").GetString());
            Assert.False(files[0].TryGetProperty("SourceFilePath", out _), "the first entry deletes the old file");
            Assert.Equal("I:\\wwep.conf", files[1].GetProperty("DestinationFilePath").GetString());
            Assert.False(File.Exists(files[1].GetProperty("SourceFilePath").GetString()), "the temporary settings file was left behind");

            // The very bytes nanoff would store, through the firmware's own parser and merge.
            byte[] bytes = File.ReadAllBytes(seenConf);
            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(new WwepSettings(), SettingsFileRead.Read(bytes, bytes.Length));
            Assert.True(outcome.IsUsable, string.Join(" | ", outcome.Problems));
            WwepSettings settings = outcome.Settings;
            Assert.Equal("wwep.lan", settings.ServerHost);
            Assert.Equal("192.168.1.20", settings.ServerFallbackIp);
            Assert.Equal("wwep.example", settings.TlsHostName);
            Assert.Equal(LinkMode.TwoButton, settings.Mode);
            Assert.True(settings.UseClientCertificate);
            Assert.Equal(2770, settings.PlainPort);
            Assert.Equal(4050, settings.TlsPort);
            Assert.Equal(4, settings.SecondButtonPin);
            Assert.Equal(5, settings.LedPin);
        }

        [Fact]
        public void ConfigureDryRunPrintsTheSettingsFileAndTheFileDeploymentCommand()
        {
            using var sandbox = new ScriptSandbox();
            string nanoff = sandbox.AddFakeNanoff(Nanoff3);
            sandbox.AddDotnetRunningDlls();

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--settings-only", "--server", "wwep.lan", "--mode", "plain", "--nanoff", nanoff, "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            string[] lines = result.OutputLines;
            Assert.StartsWith("# <wwep.conf>, written to a temporary file and stored on the board as I:\\wwep.conf", lines[0]);
            Assert.Equal(new[] { "ServerHost=wwep.lan", "Mode=plain" }, lines.Skip(2).Take(2));
            Assert.StartsWith("# <files.json>", lines[4]);
            Assert.Equal(nanoff + " deploy serialport " + sandbox.Port + " file '<files.json>'", lines[^1]);
            Assert.Empty(sandbox.NanoffCalls);

            string conf = string.Join("\n", lines.Skip(1).Take(3)) + "\n";
            BoardSettingsFileContent parsed = BoardSettingsFile.Parse(Encoding.ASCII.GetBytes(conf), conf.Length);
            Assert.Empty(parsed.Problems);
            Assert.Equal(2, parsed.Count);
        }

        [Fact]
        public void ClearSettingsOnlyDeletesTheFile()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff(Nanoff2);

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--settings-only", "--clear-settings", "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            string json = string.Join("\n", result.OutputLines.Skip(1).Take(result.OutputLines.Length - 2));
            JsonElement entry = Assert.Single(JsonDocument.Parse(json).RootElement.GetProperty("Files").EnumerateArray());
            Assert.False(entry.TryGetProperty("SourceFilePath", out _));
        }

        [Theory]
        [InlineData("--set", "Colour=blue", "--set Colour: the firmware knows no such key")]
        [InlineData("--mode", "ssl", "unknown mode 'ssl': use plain, tls or two-button")]
        [InlineData("--plain-port", "http", "--plain-port 'http' is not a port number")]
        [InlineData("--show", null, "nanoff cannot read files back from the board")]
        public void ConfigureRefusesBadSettingsBeforeAnythingRuns(string option, string? value, string expected)
        {
            using var sandbox = new ScriptSandbox();
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff(Nanoff2);
            string[] arguments = value == null
                ? new[] { "--port", sandbox.Port, "--settings-only", option }
                : new[] { "--port", sandbox.Port, "--settings-only", option, value };

            ScriptResult result = sandbox.Run("configure", arguments);

            Assert.True(result.ExitCode == 64, result.ToString());
            Assert.Contains(expected, result.StandardError);
            Assert.Empty(sandbox.NanoffCalls);
        }

        [Fact]
        public void TheNanoffOptionWinsOverTheEnvironment()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff(Nanoff2, "tools/nanoff2");
            string chosen = sandbox.AddFakeNanoff(Nanoff3, "tools/nanoff3");
            sandbox.PinFirmware("*|1.17.0.401|confirmed");

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--nanoff", chosen, "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(new[] { chosen + " flash platform esp32 serialport " + sandbox.Port + " fwversion 1.17.0.401" }, result.OutputLines);
        }

        [Theory]
        [InlineData("1.9.0")]
        [InlineData("banner without a version")]
        public void AnUnknownNanoffVersionStopsWithOneLineNamingTheKnownOnes(string version)
        {
            using var sandbox = new ScriptSandbox();
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff(version);

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--dry-run");

            Assert.True(result.ExitCode == 2, result.ToString());
            string line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("nf-build knows nanoff 2.x (flag syntax, pinned: 2.5.162) and 3.x or later (verb syntax)", line);
            Assert.Equal(string.Empty, result.StandardOutput);
            Assert.Empty(sandbox.NanoffCalls);
        }

        [Fact]
        public void ThePinnedNanoffIsRestoredAndRunThroughDotnetNeverUpdatedGlobally()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/dotnet");
            sandbox.PinFirmware("*|1.17.0.401|confirmed");
            string port = sandbox.AddRepoFile("fake-serial-port", Array.Empty<byte>());

            ScriptResult result = sandbox.Run("flash", "--port", port);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(new[] { "dotnet tool restore", "dotnet nanoff --platform esp32 --serialport " + port + " --update --fwversion 1.17.0.401" }, sandbox.Calls);
        }

        [Fact]
        public void ThePinnedVersionIsTheManifestsAndA2x()
        {
            JsonElement nanoff = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine(".config/dotnet-tools.json")))
                .RootElement.GetProperty("tools").GetProperty("nanoff");

            Assert.Equal(Nanoff2, nanoff.GetProperty("version").GetString());
            Assert.Equal("nanoff", nanoff.GetProperty("commands")[0].GetString());
            Assert.Contains("pinned: " + Nanoff2, File.ReadAllText(RepositoryPaths.Combine("nf-build/lib/common.sh")));
            Assert.Contains("pinned: " + Nanoff2, File.ReadAllText(RepositoryPaths.Combine("nf-build/lib/Common.ps1")));
        }

        [Fact]
        public void NoScriptInstallsOrUpdatesAGlobalTool()
        {
            foreach (string script in new[] { "flash", "deploy", "configure", "build", "lib/common.sh", "flash.ps1", "deploy.ps1", "configure.ps1", "build.ps1", "lib/Common.ps1" })
            {
                string text = File.ReadAllText(RepositoryPaths.Combine("nf-build/" + script));
                Assert.DoesNotContain("tool update", text);
                Assert.DoesNotContain("tool install", text);
            }
        }

        private static string[] Vector(string expected, string port)
        {
            return expected.Replace("{port}", port).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
