using System.IO;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// --dry-run prints the exact commands a real run would run, one a line, and runs none of them: every tool here is
    /// a stand-in that would log a call, and no test may find one logged, but for the one check a dry run makes with
    /// the pinned nanoff: <c>dotnet tool restore</c>, which only fills the NuGet cache and alone can tell whether that
    /// nanoff can be had.
    /// </summary>
    public sealed class DryRunTests
    {
        [Fact]
        public void BuildPrintsRestoreAndMsbuildWithTheProjectSystemPath()
        {
            using var sandbox = new ScriptSandbox();
            string msbuild = sandbox.AddStandIn("mono/bin/msbuild");
            string nuget = sandbox.AddStandIn("mono/bin/nuget");
            string projectSystem = sandbox.AddProjectSystem("nf/v1.0");
            sandbox.Environment["NF_MSBUILD"] = msbuild;
            sandbox.Environment["NF_NUGET"] = nuget;
            sandbox.Environment["NF_PROJECT_SYSTEM_PATH"] = projectSystem;

            ScriptResult result = sandbox.Run("build", "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(
                new[]
                {
                    "cd " + sandbox.Repo,
                    nuget + " restore WwepDevice.sln",
                    msbuild + " WwepDevice.sln -p:Configuration=Debug '-p:Platform=Any CPU' -p:NanoFrameworkProjectSystemPath="
                        + projectSystem + "/ -p:NFMDP_PE_Verbose=false -p:NFMDP_PE_VerboseMinimize=false -p:UseSharedCompilation=false -verbosity:minimal",
                },
                result.OutputLines);
            Assert.Empty(sandbox.Calls);
            Assert.False(Directory.Exists(sandbox.RepoPath("packages")), "a dry run restored packages");
        }

        [Fact]
        public void BuildFindsMsbuildAndNugetOnPathAndTakesTheReleaseConfiguration()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/msbuild");
            sandbox.AddStandIn("bin/nuget");
            string projectSystem = sandbox.AddProjectSystem("nf/v1.0");
            sandbox.Environment["NF_PROJECT_SYSTEM_PATH"] = projectSystem + "/";

            ScriptResult result = sandbox.Run("build", "--configuration", "Release", "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(sandbox.Bin + "/nuget restore WwepDevice.sln", result.OutputLines[1]);
            // One trailing slash, however NF_PROJECT_SYSTEM_PATH was written: the .nfproj appends file names to it.
            Assert.Equal(
                sandbox.Bin + "/msbuild WwepDevice.sln -p:Configuration=Release '-p:Platform=Any CPU' -p:NanoFrameworkProjectSystemPath="
                    + projectSystem + "/ -p:NFMDP_PE_Verbose=false -p:NFMDP_PE_VerboseMinimize=false -p:UseSharedCompilation=false -verbosity:minimal",
                result.OutputLines[2]);
            Assert.Empty(sandbox.Calls);
        }

        [Fact]
        public void BuildTakesTheNewestCompleteVsCodeExtension()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/msbuild");
            sandbox.AddStandIn("bin/nuget");
            const string Extensions = "home/.vscode/extensions/";
            sandbox.AddProjectSystem(Extensions + "nanoframework.vscode-nanoframework-1.0.9/dist/utils/nanoFramework/v1.0");
            string newest = sandbox.AddProjectSystem(Extensions + "nanoframework.vscode-nanoframework-1.0.10-linux-x64/dist/utils/nanoFramework/v1.0");
            // Newer still, but broken (no targets file): must be passed over, not chosen.
            sandbox.AddProjectSystem(Extensions + "nanoframework.vscode-nanoframework-1.0.11/dist/utils/nanoFramework/v1.0", leaveOut: "NFProjectSystem.CSharp.targets");

            ScriptResult result = sandbox.Run("build", "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("-p:NanoFrameworkProjectSystemPath=" + newest + "/ ", result.OutputLines[2]);
        }

        [Fact]
        public void FlashRestoresThePinnedNanoffAndRunsItThroughDotnetWithoutAGlobalTool()
        {
            using var sandbox = new ScriptSandbox();
            string dotnet = sandbox.AddStandIn("bin/dotnet");
            sandbox.PinFirmware("*|1.17.0.401|confirmed");

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(
                new[]
                {
                    dotnet + " tool restore",
                    dotnet + " nanoff --platform esp32 --serialport " + sandbox.Port + " --update --fwversion 1.17.0.401",
                },
                result.OutputLines);
            Assert.Equal(new[] { "dotnet tool restore" }, sandbox.Calls);
        }

        [Fact]
        public void FlashPassesTheTargetToThePinnedNanoff()
        {
            using var sandbox = new ScriptSandbox();
            string dotnet = sandbox.AddStandIn("bin/dotnet");
            string port = sandbox.AddPort("ttyACM0");
            sandbox.PinFirmware("*|1.17.0.401|confirmed", "ESP32_S3_OCTAL|1.17.0.402|confirmed");

            ScriptResult result = sandbox.Run("flash", "--port", port, "--target", "ESP32_S3_OCTAL", "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(
                new[]
                {
                    dotnet + " tool restore",
                    dotnet + " nanoff --target ESP32_S3_OCTAL --serialport " + port + " --update --fwversion 1.17.0.402",
                },
                result.OutputLines);
            Assert.Equal(new[] { "dotnet tool restore" }, sandbox.Calls);
        }

        [Fact]
        public void DeployPrintsTheFirmwareCheckThenNanoffWithTheAbsoluteImagePath()
        {
            using var sandbox = new ScriptSandbox();
            string nanoff = sandbox.AddFakeNanoff("2.5.162");
            sandbox.Environment["NF_NANOFF"] = nanoff;
            string dotnet = sandbox.AddStandIn("bin/dotnet");
            string port = sandbox.AddPort("cu.usbserial-0001");
            string image = sandbox.AddRepoFile("WwepDevice/bin/Debug/WwepDevice.bin", new byte[] { 1, 2, 3 });

            ScriptResult result = sandbox.Run("deploy", "--port", port, "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(
                new[]
                {
                    "# the board's details (its firmware's native assemblies), kept in a temporary file <device-details.txt> for the check:",
                    nanoff + " --nanodevice --devicedetails --serialport " + port,
                    dotnet + " build nf-build/DeployCheck/DeployCheck.csproj -c Release -nologo -v q",
                    dotnet + " " + ScriptSandbox.DeployCheckFolder + "/DeployCheck.dll --image " + image + " --device-details '<device-details.txt>' --flash-command 'nf-build/flash --port " + port + " --target {target}'",
                    nanoff + " --nanodevice --deploy --serialport " + port + " --image " + image,
                },
                result.OutputLines);
            Assert.Empty(sandbox.Calls);
        }

        [Fact]
        public void DeployTakesTheReleaseImageWhenAskedAndQuotesAPathWithSpaces()
        {
            using var sandbox = new ScriptSandbox();
            string nanoff = sandbox.AddFakeNanoff("2.5.162", "bin/nanoff");
            sandbox.Environment["NF_NANOFF"] = "nanoff";
            sandbox.AddStandIn("bin/dotnet");
            string image = sandbox.AddRepoFile("WwepDevice/bin/Release/WwepDevice.bin", new byte[] { 1 });
            string custom = sandbox.AddRepoFile("my images/app.bin", new byte[] { 2 });

            ScriptResult release = sandbox.Run("deploy", "--port", sandbox.Port, "--configuration", "Release", "--dry-run");
            ScriptResult chosen = sandbox.Run("deploy", "--port", sandbox.Port, "--image", "my images/app.bin", "--dry-run");

            Assert.True(release.ExitCode == 0, release.ToString());
            Assert.Equal(nanoff + " --nanodevice --deploy --serialport " + sandbox.Port + " --image " + image, release.OutputLines[^1]);
            Assert.True(chosen.ExitCode == 0, chosen.ToString());
            Assert.Equal(nanoff + " --nanodevice --deploy --serialport " + sandbox.Port + " --image '" + custom + "'", chosen.OutputLines[^1]);
            Assert.Contains("--image '" + custom + "' --device-details", chosen.OutputLines[^2]);
            Assert.Empty(sandbox.Calls);
        }
    }
}
