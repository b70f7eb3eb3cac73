using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
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

        [Fact]
        public void DemoPrintsBothBuildsTheServerAndTheSimulatorWithPortsChosenAtRunTime()
        {
            using var sandbox = new ScriptSandbox();
            string dotnet = sandbox.AddStandIn("bin/dotnet");
            foreach (string file in new[] { "ca.crt.pem", "server.crt.pem", "server.key.pem" })
            {
                sandbox.AddRepoFile("certs/" + file, "# TEST ONLY\n");
            }

            ScriptResult result = sandbox.Run("demo", "--dry-run", "--", "--mac", "24:0a:c4:12:34:56");

            Assert.True(result.ExitCode == 0, result.ToString());
            string certs = sandbox.Repo + "/certs/";
            Assert.Equal(
                new[]
                {
                    dotnet + " build " + sandbox.Repo + "/WwepServer/WwepServer.csproj -c Release -nologo -v quiet -clp:NoSummary",
                    dotnet + " build " + sandbox.Repo + "/nf-build/Simulator/WwepSimulator.csproj -c Release -nologo -v quiet -clp:NoSummary",
                    "# in the background, on free high ports (tried up to 5 times), until the simulator ends:",
                    dotnet + " " + sandbox.Repo + "/WwepServer/bin/Release/net10.0/WwepServer.dll --bind 127.0.0.1 --plain-port '<plain-port>' --tls-port '<tls-port>'"
                        + " --sntp-port 0 --web-port '<web-port>' --no-mdns --cert " + certs + "server.crt.pem --key " + certs + "server.key.pem --client-ca " + certs + "ca.crt.pem --data '<data>'",
                    "# the classroom view: http://127.0.0.1:<web-port>/",
                    // Not a terminal: the scripted presses, then the simulator options given after --.
                    dotnet + " " + sandbox.Repo + "/nf-build/Simulator/bin/Release/net10.0/WwepSimulator.dll --host localhost --plain-port '<plain-port>' --tls-port '<tls-port>'"
                        + " --mode tls --ca " + certs + "ca.crt.pem --presses 5 --interval 300 --mac 24:0a:c4:12:34:56",
                },
                result.OutputLines);
            Assert.Empty(sandbox.Calls);
        }

        // --room: a roster for the room's boards, and a simulator for each: two that work, one that fails, one that goes silent.
        [Fact]
        public void DemoRoomAddsFourNamedBoardsOneFailingOneSilent()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/dotnet");
            foreach (string file in new[] { "ca.crt.pem", "server.crt.pem", "server.key.pem" })
            {
                sandbox.AddRepoFile("certs/" + file, "# TEST ONLY\n");
            }

            ScriptResult result = sandbox.Run("demo", "--dry-run", "--room");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.EndsWith(" --data '<data>' --roster '<data>/roster.csv'", result.OutputLines.Single(line => line.Contains("WwepServer.dll", StringComparison.Ordinal)));
            string[] simulators = result.OutputLines.Where(line => line.Contains("WwepSimulator.dll", StringComparison.Ordinal)).ToArray();
            Assert.Equal(5, simulators.Length);

            // The failing board sends plain WWEP to the TLS port; the silent one presses twice, once.
            Assert.Contains(simulators, line => line.Contains("--plain-port '<tls-port>'", StringComparison.Ordinal) && line.Contains("--mac 24:0a:c4:00:00:03", StringComparison.Ordinal));
            Assert.Contains("# Hedy, device 00F6, silent:", result.OutputLines);
            Assert.Contains("# Grace, device 00F5, fails:", result.OutputLines);
            Assert.Empty(sandbox.Calls);
        }

        [Fact]
        public void DemoWithoutTheCertificatesNamesEachAndStillShowsTheCommands()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/dotnet");
            sandbox.AddRepoFile("certs/ca.crt.pem", "# TEST ONLY\n");

            ScriptResult result = sandbox.Run("demo", "--dry-run");

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Equal(2, result.MissingLines.Length);
            Assert.Contains("certs/server.crt.pem (the TEST ONLY certificates): run 'dotnet run --project certs/tool -- init' then '-- server'", result.MissingLines[0]);
            Assert.Contains("certs/server.key.pem", result.MissingLines[1]);
            Assert.Equal(4, result.OutputLines.Count(line => line.Contains("dotnet", StringComparison.Ordinal)));
            Assert.Empty(sandbox.Calls);
        }

        [Fact]
        public void TestPrintsTheBuildTheDeviceTestsAndEveryTestProjectOfTheSolution()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/dotnet");
            string[] projects = Regex.Matches(File.ReadAllText(RepositoryPaths.Combine("nf-build/WwepHost.slnx")), "Path=\"([^\"]*\\.Tests\\.csproj)\"")
                .Select(match => match.Groups[1].Value)
                .ToArray();

            ScriptResult all = sandbox.Run("test", "--dry-run");
            ScriptResult filtered = sandbox.Run("test", "Codec", "--dry-run");

            Assert.True(all.ExitCode == 0, all.ToString());
            Assert.Equal("dotnet build nf-build/WwepHost.slnx -c Release -nologo -v quiet -clp:ErrorsOnly", all.OutputLines[0]);
            Assert.Equal("dotnet nf-build/WwepDevice.HostTests/bin/Release/net10.0/WwepDevice.HostTests.dll", all.OutputLines[1]);
            Assert.NotEmpty(projects);
            Assert.Equal(projects.Length + 2, all.OutputLines.Length);
            for (int i = 0; i < projects.Length; i++)
            {
                Assert.StartsWith("dotnet test nf-build/" + projects[i] + " -c Release --no-build", all.OutputLines[i + 2]);
            }

            Assert.True(filtered.ExitCode == 0, filtered.ToString());
            Assert.Equal(new[] { all.OutputLines[0], all.OutputLines[1] + " Codec" }, filtered.OutputLines);
            Assert.Empty(sandbox.Calls);
        }

        [Theory]
        [InlineData("--frobnicate", "unknown option '--frobnicate'")]
        [InlineData("Codec Sntp", "one filter at a time: 'Codec' and 'Sntp'")]
        public void TestRefusesAnUnknownOptionAndASecondFilterWithoutBuilding(string arguments, string message)
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/dotnet");

            ScriptResult result = sandbox.Run("test", arguments.Split(' '));

            Assert.True(result.ExitCode == 64, result.ToString());
            Assert.Contains("nf-build/test: " + message, result.StandardError);
            Assert.Empty(sandbox.Calls);
        }
    }
}
