using System;
using System.IO;
using System.Text;
using WwepDevice.Core.Settings;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// nf-build/configure refuses what the board would refuse, with the board's own lines, before it writes anything
    /// (the check is nf-build/DeployCheck --settings-file, the firmware's parser compiled for .NET), and fails when
    /// nanoff reports a file it could not store while exiting 0 (nanoFirmwareFlasher
    /// nanoFirmwareFlasher.Library/FileDeployment/FileDeploymentManager.cs, DeployAsync, v2.5.162).
    /// </summary>
    public sealed class ConfigureSettingsCheckTests
    {
        private const string Nanoff2 = "2.5.162";

        [Fact]
        public void ValuesTheBoardRefusesStopConfigureWithTheBoardsLineAndNothingIsWritten()
        {
            string[][] cases =
            {
                new[] { "--fallback-ip", "300.1.1.1" },
                new[] { "--set", "LedPin=abc" },
                new[] { "--plain-port", "99999" },
            };
            string[] lines = { "ServerFallbackIp=300.1.1.1", "LedPin=abc", "PlainPort=99999" };
            for (int i = 0; i < cases.Length; i++)
            {
                foreach (bool dryRun in new[] { true, false })
                {
                    using ScriptSandbox sandbox = NewSandbox("exit 0");
                    sandbox.Environment["WWEP_WIFI_SSID"] = "lab";
                    sandbox.Environment["WWEP_WIFI_PASSWORD"] = "test-only-passphrase";
                    sandbox.AddRepoFile("certs/ca.crt.pem", TestCertificates.SelfSigned("WWEP CA").CertificatePem);
                    string[] arguments = dryRun
                        ? new[] { "--port", sandbox.Port, cases[i][0], cases[i][1], "--dry-run" }
                        : new[] { "--port", sandbox.Port, cases[i][0], cases[i][1] };

                    ScriptResult result = sandbox.Run("configure", arguments);

                    string boardLine = "setting: " + BoardProblem(lines[i]);
                    Assert.True(result.ExitCode == 1, string.Join(" ", cases[i]) + ": " + result);
                    Assert.Contains(boardLine, result.StandardError);
                    Assert.Contains("nothing was written to the board", result.StandardError);
                    Assert.Empty(sandbox.NanoffCalls);
                    Assert.Equal(string.Empty, result.StandardOutput);
                }
            }
        }

        [Fact]
        public void EveryProblemOfTheSettingsIsToldAtOnce()
        {
            using ScriptSandbox sandbox = NewSandbox("exit 0");

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--settings-only", "--fallback-ip", "300.1.1.1", "--set", "MaxAttempts=0", "--set", "LedPin=abc", "--dry-run");

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("ServerFallbackIp", result.StandardError);
            Assert.Contains("MaxAttempts", result.StandardError);
            Assert.Contains("LedPin", result.StandardError);
        }

        [Fact]
        public void AFileTheBoardDidNotStoreFailsThoughNanoffExitsZero()
        {
            // What nanoff prints when the board answers PlatformError to the write, exiting 0.
            using ScriptSandbox sandbox = NewSandbox(
                "echo 'Deleting file I:\\wwep.conf...OK'; echo 'Deploying file /tmp/x/wwep.conf to I:\\wwep.conf...'; echo 'Error deploying content file /tmp/x/wwep.conf to I:\\wwep.conf'; exit 0");

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--settings-only", "--server", "wwep.lan");

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("the board did not store I:\\wwep.conf", result.StandardError);
            Assert.Single(sandbox.NanoffCalls);
        }

        [Fact]
        public void AnOldFileThatWasNotThereIsNoFailure()
        {
            // The first entry deletes the old file; on a board without one nanoff says so in yellow and goes on.
            using ScriptSandbox sandbox = NewSandbox(
                "echo 'Deleting file I:\\wwep.conf...'; echo 'Error deleting file I:\\wwep.conf, it may not exist on the storage.'; echo 'Deploying file /tmp/x/wwep.conf to I:\\wwep.conf...OK'; exit 0");

            ScriptResult result = sandbox.Run("configure", "--port", sandbox.Port, "--settings-only", "--server", "wwep.lan");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("stored I:\\wwep.conf (1 settings)", result.StandardError);
        }

        private static ScriptSandbox NewSandbox(string nanoffBody)
        {
            var sandbox = new ScriptSandbox();
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff(Nanoff2, "tools/nanoff", nanoffBody);
            sandbox.AddDotnetRunningDlls();
            return sandbox;
        }

        // The board's own words for the one line, from the firmware's loader itself (configure's file starts with a
        // comment, so the setting is line 2).
        private static string BoardProblem(string line)
        {
            byte[] bytes = Encoding.ASCII.GetBytes("# written by nf-build/configure\n" + line + "\n");
            BoardSettingsOutcome outcome = BoardSettingsLoader.Load(new WwepSettings(), SettingsFileRead.Read(bytes, bytes.Length));
            Assert.False(outcome.IsUsable, line);
            return outcome.Problems[0];
        }
    }
}
