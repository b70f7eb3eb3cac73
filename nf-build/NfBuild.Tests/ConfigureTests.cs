using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// nf-build/configure: the network deployment JSON it hands nanoff (nanoff's schema, certificates as base64 with
    /// the NUL byte mbedTLS needs after PEM), the secrets it keeps out of sight, and the temporary file's life.
    /// </summary>
    public sealed class ConfigureTests
    {
        // TEST ONLY values; never a real network.
        private const string Ssid = "WW101 \"lab\" \\ 2.4";
        private const string Password = "test-only-passphrase";

        private static ScriptSandbox NewSandbox()
        {
            var sandbox = new ScriptSandbox();
            sandbox.Environment["WWEP_WIFI_SSID"] = Ssid;
            sandbox.Environment["WWEP_WIFI_PASSWORD"] = Password;
            // A nanoff 2.x fake at bin/nanoff (each test writes it): the flag syntax these tests read.
            sandbox.Environment["NF_NANOFF"] = Path.Combine(sandbox.Bin, "nanoff");
            return sandbox;
        }

        // The dry run prints a comment line, the JSON, then the command.
        private static JsonElement JsonOf(ScriptResult result)
        {
            string[] lines = result.OutputLines;
            Assert.StartsWith("# <network.json>", lines[0]);
            string json = string.Join("\n", lines.Skip(1).TakeWhile(line => !line.StartsWith('#') && !line.StartsWith('/')));
            return JsonDocument.Parse(json).RootElement;
        }

        [Fact]
        public void DryRunShowsNanoffSchemaWithThePasswordMaskedAndTheCommand()
        {
            using ScriptSandbox sandbox = NewSandbox();
            string nanoff = sandbox.AddFakeNanoff("2.5.162", "bin/nanoff");

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(nanoff + " --serialport " + sandbox.Port + " --networkdeployment '<network.json>'", result.OutputLines[^1]);
            JsonElement root = JsonOf(result);
            JsonElement client = root.GetProperty("WirelessClient");
            Assert.Equal(Ssid, client.GetProperty("Ssid").GetString());
            Assert.Equal("********", client.GetProperty("Password").GetString());
            Assert.Equal("WPA2", client.GetProperty("Authentication").GetString());
            Assert.Equal("WPA2", client.GetProperty("Encryption").GetString());
            Assert.Equal("AutoConnect", client.GetProperty("ConfigurationOption").GetString());
            Assert.True(client.GetProperty("DhcpEnabled").GetBoolean());
            // No CA option, no CA stored: without CACertificates nanoff leaves the board's bundle alone.
            Assert.False(root.TryGetProperty("CACertificates", out _));
            Assert.False(root.TryGetProperty("DeviceCertificates", out _));
            Assert.DoesNotContain(Password, result.StandardOutput + result.StandardError);
            Assert.Empty(sandbox.Calls);
        }

        [Fact]
        public void DeviceCertificateAndKeyAreNamedButNeverShownInADryRun()
        {
            using ScriptSandbox sandbox = NewSandbox();
            sandbox.AddFakeNanoff("2.5.162", "bin/nanoff");
            (string certificate, string key) = TestCertificates.SelfSigned("WWEP device 02E8");
            sandbox.AddRepoFile("certs/device.crt.pem", certificate);
            sandbox.AddRepoFile("certs/device.key.pem", key);

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--device", "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(
                "hidden: base64 of device.crt.pem + device.key.pem, it holds the private key",
                JsonOf(result).GetProperty("DeviceCertificates").GetString());
            string keyBase64 = Convert.ToBase64String(Encoding.ASCII.GetBytes(key));
            Assert.DoesNotContain("PRIVATE KEY", result.StandardOutput);
            Assert.DoesNotContain(keyBase64.Substring(0, 40), result.StandardOutput);
        }

        [Fact]
        public void OpenNetworkHasAnEmptyPasswordAndOpenAuthentication()
        {
            using ScriptSandbox sandbox = NewSandbox();
            sandbox.AddFakeNanoff("2.5.162", "bin/nanoff");
            sandbox.Environment["WWEP_WIFI_PASSWORD"] = string.Empty;

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            JsonElement client = JsonOf(result).GetProperty("WirelessClient");
            Assert.Equal(string.Empty, client.GetProperty("Password").GetString());
            Assert.Equal("Open", client.GetProperty("Authentication").GetString());
            Assert.Equal("None", client.GetProperty("Encryption").GetString());
        }

        [Theory]
        [InlineData("short", "the Wi-Fi password has 5 characters: a WPA2 passphrase has 8 to 63")]
        [InlineData("tab\there-in-the-middle", "holds a control character")]
        public void UnusableWifiPasswordIsRefusedWithTheRule(string password, string expected)
        {
            using ScriptSandbox sandbox = NewSandbox();
            sandbox.AddFakeNanoff("2.5.162", "bin/nanoff");
            sandbox.Environment["WWEP_WIFI_PASSWORD"] = password;

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--dry-run");

            Assert.True(result.ExitCode == 64, result.ToString());
            Assert.Contains(expected, result.StandardError);
            Assert.DoesNotContain(password, result.StandardError);
        }

        [Fact]
        public void WithoutATerminalOrTheVariablesItAsksForTheVariables()
        {
            using ScriptSandbox sandbox = NewSandbox();
            sandbox.AddFakeNanoff("2.5.162", "bin/nanoff");
            sandbox.Environment.Remove("WWEP_WIFI_SSID");

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--dry-run");

            Assert.True(result.ExitCode == 64, result.ToString());
            Assert.Contains("no Wi-Fi network: set WWEP_WIFI_SSID, or run this in a terminal to be asked", result.StandardError);
        }

        [Fact]
        public void MissingCaCertificateStopsEvenADryRunAndSaysWhereItComesFrom()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddFakeNanoff("2.5.162", "bin/nanoff");
            sandbox.Environment["WWEP_WIFI_SSID"] = Ssid;
            sandbox.Environment["WWEP_WIFI_PASSWORD"] = Password;

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--ca", "certs/ca.crt.pem", "--dry-run");

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains(sandbox.RepoPath("certs/ca.crt.pem") + " (a CA certificate to store, --ca): give the path", result.StandardError);
            Assert.Equal(string.Empty, result.StandardOutput);
        }

        [Fact]
        public void RealRunHandsNanoffAPrivateFileWithTheRealPasswordAndRemovesItAfterwards()
        {
            using ScriptSandbox sandbox = NewSandbox();
            string copy = Path.Combine(sandbox.Temp, "seen.json");
            string mode = Path.Combine(sandbox.Temp, "seen.mode");
            // The stand-in keeps what nanoff would have read: the file's content and its permission bits.
            sandbox.AddFakeNanoff("2.5.162", "bin/nanoff", "file=\"$4\"; cp \"$file\" '" + copy + "'; { stat -c %a \"$file\" 2>/dev/null || stat -f %Lp \"$file\"; } > '" + mode + "'; echo \"$file\" > '" + mode + ".path'");
            string port = sandbox.AddRepoFile("fake-serial-port", Array.Empty<byte>());

            ScriptResult result = sandbox.Run("configure", "--port", port);

            Assert.True(result.ExitCode == 0, result.ToString());
            string call = Assert.Single(sandbox.Calls);
            Assert.StartsWith("nanoff --serialport " + port + " --networkdeployment " + sandbox.Temp + "/wwep-configure.", call);
            Assert.EndsWith("/network.json", call);
            Assert.Equal("600", File.ReadAllText(mode).Trim());
            Assert.False(File.Exists(File.ReadAllText(mode + ".path").Trim()), "the JSON with the password was left behind");
            JsonElement root = JsonDocument.Parse(File.ReadAllText(copy)).RootElement;
            Assert.Equal(Password, root.GetProperty("WirelessClient").GetProperty("Password").GetString());
            Assert.Equal(Ssid, root.GetProperty("WirelessClient").GetProperty("Ssid").GetString());
            Assert.False(root.TryGetProperty("CACertificates", out _));
            Assert.DoesNotContain(Password, result.StandardOutput + result.StandardError);
        }

        [Fact]
        public void FailingNanoffPassesItsExitCodeOnWithAHintAndStillRemovesTheFile()
        {
            using ScriptSandbox sandbox = NewSandbox();
            string path = Path.Combine(sandbox.Temp, "seen.path");
            sandbox.AddFakeNanoff("2.5.162", "bin/nanoff", "echo \"$4\" > '" + path + "'; exit 3");
            string port = sandbox.AddRepoFile("fake-serial-port", Array.Empty<byte>());

            ScriptResult result = sandbox.Run("configure", "--port", port);

            Assert.True(result.ExitCode == 3, result.ToString());
            Assert.Contains("nanoff failed (exit 3): is the board running the nanoFramework firmware (nf-build/flash)", result.StandardError);
            Assert.False(File.Exists(File.ReadAllText(path).Trim()), "the JSON with the password was left behind");
        }
    }
}
