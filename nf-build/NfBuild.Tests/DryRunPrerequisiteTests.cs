using System.Linq;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// A dry run that exits 0 means a real run can start: a serial port that is not there, or a pinned nanoff that
    /// cannot be restored (no --nanoff), is a missing prerequisite, one line each, exit 2, and the commands are still
    /// printed.
    /// </summary>
    public sealed class DryRunPrerequisiteTests
    {
        private const int MissingExit = 2;


        private static ScriptSandbox NewSandbox()
        {
            var sandbox = new ScriptSandbox();
            sandbox.PinFirmware("*|1.17.0.401|confirmed");
            sandbox.AddRepoFile("WwepDevice/bin/Debug/WwepDevice.bin", new byte[] { 1 });
            sandbox.Environment["WWEP_WIFI_SSID"] = "lab";
            sandbox.Environment["WWEP_WIFI_PASSWORD"] = "test-only-passphrase";
            sandbox.AddRepoFile("certs/ca.crt.pem", TestCertificates.SelfSigned("WWEP CA").CertificatePem);
            return sandbox;
        }

        [Theory]
        [InlineData("flash")]
        [InlineData("deploy")]
        [InlineData("configure")]
        public void ADryRunToASerialPortThatIsNotThereExitsTwoWithOneLine(string verb)
        {
            using ScriptSandbox sandbox = NewSandbox();
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff("2.5.162");
            sandbox.AddStandIn("bin/dotnet");
            string port = sandbox.Temp + "/ttyUSB-not-plugged-in";

            ScriptResult result = sandbox.Run(verb, "--port", port, "--dry-run");

            Assert.True(result.ExitCode == MissingExit, result.ToString());
            string line = Assert.Single(result.MissingLines);
            Assert.Equal("nf-build/" + verb + ": missing: serial port " + port + " does not exist: plug the board in (a data USB cable, not a charge-only one); see which ports there are with: ls /dev/ttyUSB* /dev/ttyACM* (or nf-build/flash --list-ports)", line);
            Assert.Contains("dry run: nothing ran", result.StandardError);
            Assert.Contains(result.OutputLines, command => command.Contains(" serialport " + port) || command.Contains(" --serialport " + port));
            Assert.Empty(sandbox.NanoffCalls);
        }

        [Theory]
        [InlineData("flash")]
        [InlineData("deploy")]
        [InlineData("configure")]
        public void ADryRunWhosePinnedNanoffCannotBeRestoredExitsTwoWithOneLine(string verb)
        {
            using ScriptSandbox sandbox = NewSandbox();
            // dotnet's own words when no feed serves the package, then its exit code.
            sandbox.AddStandIn("bin/dotnet", "if [ \"$1\" = tool ]; then echo 'Version 2.5.162 of package nanoff is not found in NuGet feeds https://api.nuget.org/v3/index.json.'; exit 1; fi");

            ScriptResult result = sandbox.Run(verb, "--port", sandbox.Port, "--dry-run");

            Assert.True(result.ExitCode == MissingExit, result.ToString());
            string line = Assert.Single(result.MissingLines);
            Assert.Equal(
                "nf-build/" + verb + ": missing: nanoff 2.5.162 (pinned in .config/dotnet-tools.json): dotnet tool restore failed (exit 1: Version 2.5.162 of package nanoff is not found in NuGet feeds https://api.nuget.org/v3/index.json.); make a NuGet feed that serves nanoff reachable, or install a nanoff yourself and pass it with --nanoff <path>",
                line);
            Assert.Equal(new[] { "dotnet tool restore" }, sandbox.Calls);
        }

        [Fact]
        public void ARestorableNanoffAndAPortThatIsThereGiveACleanDryRun()
        {
            using ScriptSandbox sandbox = NewSandbox();
            sandbox.AddStandIn("bin/dotnet");

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Empty(result.MissingLines);
        }

        [Fact]
        public void AChosenNanoffNeedsNoRestore()
        {
            using ScriptSandbox sandbox = NewSandbox();
            sandbox.AddStandIn("bin/dotnet", "exit 1");
            string nanoff = sandbox.AddFakeNanoff("2.5.162");

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--nanoff", nanoff, "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Empty(sandbox.Calls);
        }
    }
}
