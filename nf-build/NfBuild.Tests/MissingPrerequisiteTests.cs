using System.IO;
using System.Linq;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// With a PATH that holds only bash and the POSIX tools, and an empty HOME, each script names every missing
    /// piece on a line of its own, with how to get it, exits 2, and runs nothing.
    /// </summary>
    public sealed class MissingPrerequisiteTests
    {
        private const int MissingExit = 2;


        [Fact]
        public void BuildNamesMsbuildNugetAndTheProjectSystemEachWithHowToGetIt()
        {
            using var sandbox = new ScriptSandbox();

            ScriptResult result = sandbox.Run("build");

            Assert.True(result.ExitCode == MissingExit, result.ToString());
            string[] missing = result.MissingLines;
            Assert.Equal(3, missing.Length);
            Assert.Contains("msbuild (Mono's)", missing[0]);
            Assert.Contains("https://www.mono-project.com/download/stable/", missing[0]);
            Assert.Contains("nuget (the NuGet CLI)", missing[1]);
            Assert.Contains("https://www.nuget.org/downloads", missing[1]);
            Assert.Contains("code --install-extension nanoframework.vscode-nanoframework", missing[2]);
            Assert.Contains("NF_PROJECT_SYSTEM_PATH", missing[2]);
            Assert.Equal(string.Empty, result.StandardOutput);
            Assert.False(Directory.Exists(sandbox.RepoPath("packages")));
        }

        [Fact]
        public void BuildDryRunStillShowsTheCommandsButFailsWhileSomethingIsMissing()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/nuget");

            ScriptResult result = sandbox.Run("build", "--dry-run");

            Assert.True(result.ExitCode == MissingExit, result.ToString());
            Assert.Equal(2, result.MissingLines.Length);
            Assert.Equal(sandbox.Bin + "/nuget restore WwepDevice.sln", result.OutputLines[1]);
            Assert.StartsWith("msbuild WwepDevice.sln ", result.OutputLines[2]);
            Assert.Contains("dry run: nothing ran", result.StandardError);
            Assert.Empty(sandbox.Calls);
        }

        [Fact]
        public void ProjectSystemFolderWithoutTheTargetsFileIsRefusedByName()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/msbuild");
            sandbox.AddStandIn("bin/nuget");
            sandbox.Environment["NF_PROJECT_SYSTEM_PATH"] = sandbox.AddProjectSystem("nf/v1.0", leaveOut: "NFProjectSystem.CSharp.targets");

            ScriptResult result = sandbox.Run("build");

            Assert.True(result.ExitCode == MissingExit, result.ToString());
            string line = Assert.Single(result.MissingLines);
            Assert.Contains("lacks NFProjectSystem.CSharp.targets;", line);
            Assert.Empty(sandbox.Calls);
        }

        [Fact]
        public void IncompleteVsCodeExtensionIsReportedAsNeedingAReinstall()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/msbuild");
            sandbox.AddStandIn("bin/nuget");
            sandbox.AddProjectSystem("home/.vscode/extensions/nanoframework.vscode-nanoframework-1.0.197/dist/utils/nanoFramework/v1.0", leaveOut: "NFProjectSystem.props");

            ScriptResult result = sandbox.Run("build");

            Assert.True(result.ExitCode == MissingExit, result.ToString());
            string line = Assert.Single(result.MissingLines);
            Assert.Contains("nanoframework.vscode-nanoframework-1.0.197 has no complete dist/utils/nanoFramework/v1.0/", line);
            Assert.Contains("--force", line);
        }

        [Fact]
        public void CertificateFileThatResourcesResxEmbedsIsCheckedBeforeMsbuild()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/msbuild");
            sandbox.AddStandIn("bin/nuget");
            sandbox.Environment["NF_PROJECT_SYSTEM_PATH"] = sandbox.AddProjectSystem("nf/v1.0");
            sandbox.AddRepoFile("WwepDevice/Resources.resx",
                "<root>\n  <data name=\"CaCertificate\" type=\"System.Resources.ResXFileRef, System.Windows.Forms\">\n"
                + "    <value>Resources\\ca.crt.der;System.Byte[], mscorlib</value>\n  </data>\n"
                + "  <data name=\"Greeting\"><value>hello;System.Byte[] is just text here</value></data>\n</root>\n");

            ScriptResult missing = sandbox.Run("build");
            sandbox.AddRepoFile("WwepDevice/Resources/ca.crt.der", new byte[] { 0x30 });
            ScriptResult present = sandbox.Run("build", "--dry-run");

            Assert.True(missing.ExitCode == MissingExit, missing.ToString());
            string line = Assert.Single(missing.MissingLines);
            Assert.Contains("WwepDevice/Resources/ca.crt.der (embedded by WwepDevice/Resources.resx)", line);
            Assert.True(present.ExitCode == 0, present.ToString());
            Assert.Empty(sandbox.Calls);
        }

        [Fact]
        public void MsbuildFailingWithMsb4057GetsTheProjectSystemExplained()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/nuget");
            sandbox.AddStandIn("bin/msbuild", "echo 'WwepDevice.nfproj : error MSB4057: The target \"Build\" does not exist in the project.'\nexit 1");
            string projectSystem = sandbox.AddProjectSystem("nf/v1.0");
            sandbox.Environment["NF_PROJECT_SYSTEM_PATH"] = projectSystem;

            ScriptResult result = sandbox.Run("build");

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("error MSB4057", result.StandardOutput);
            Assert.Contains("the project system at " + projectSystem + "/ was not imported", result.StandardError);
            Assert.Equal(new[] { "nuget restore WwepDevice.sln", "msbuild WwepDevice.sln -p:Configuration=Debug -p:Platform=Any CPU -p:NanoFrameworkProjectSystemPath=" + projectSystem + "/ -p:NFMDP_PE_Verbose=false -p:NFMDP_PE_VerboseMinimize=false -p:UseSharedCompilation=false -verbosity:minimal" }, sandbox.Calls);
        }

        [Fact]
        public void FlashWithoutDotnetSaysWhereToGetTheSdk()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.PinFirmware("*|1.17.0.401|confirmed");

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port);

            Assert.True(result.ExitCode == MissingExit, result.ToString());
            string line = Assert.Single(result.MissingLines);
            Assert.Contains("dotnet (the .NET SDK, which runs the pinned nanoff as a local tool): https://dot.net/download", line);
            Assert.Equal(string.Empty, result.StandardOutput);
        }

        [Theory]
        [InlineData("deploy")]
        [InlineData("configure")]
        public void VerbWithoutDotnetNamesTheSdkThatRunsThePinnedNanoff(string verb)
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddRepoFile("WwepDevice/bin/Debug/WwepDevice.bin", new byte[] { 1 });
            sandbox.AddRepoFile("certs/ca.crt.pem", TestCertificates.SelfSigned("WWEP CA").CertificatePem);
            sandbox.Environment["WWEP_WIFI_SSID"] = "lab";
            sandbox.Environment["WWEP_WIFI_PASSWORD"] = "not-a-real-password";

            ScriptResult result = sandbox.Run(verb, "--port", sandbox.Port);

            Assert.True(result.ExitCode == MissingExit, result.ToString());
            string line = Assert.Single(result.MissingLines);
            Assert.Contains("dotnet (the .NET SDK, which runs the pinned nanoff as a local tool)", line);
        }

        [Fact]
        public void DeployWithoutABuiltImageSaysToBuildFirst()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/dotnet");

            ScriptResult result = sandbox.Run("deploy", "--port", sandbox.Port);

            Assert.True(result.ExitCode == MissingExit, result.ToString());
            string line = Assert.Single(result.MissingLines);
            Assert.Contains("WwepDevice/bin/Debug/WwepDevice.bin (the application image): run nf-build/build first", line);
            Assert.Equal(new[] { "dotnet tool restore" }, sandbox.Calls);
        }

        [Fact]
        public void DeployPointsAtTheOtherConfigurationWhenOnlyThatOneWasBuilt()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/dotnet");
            sandbox.AddRepoFile("WwepDevice/bin/Release/WwepDevice.bin", new byte[] { 1 });

            ScriptResult result = sandbox.Run("deploy", "--port", sandbox.Port);

            Assert.True(result.ExitCode == MissingExit, result.ToString());
            Assert.Contains("or deploy the Release build with --configuration Release", Assert.Single(result.MissingLines));
        }

        [Fact]
        public void DeployToAPortThatIsNotThereStopsBeforeNanoff()
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddStandIn("bin/dotnet");
            sandbox.AddRepoFile("WwepDevice/bin/Debug/WwepDevice.bin", new byte[] { 1 });
            string port = Path.Combine(sandbox.Temp, "ttyUSB-not-plugged-in");

            ScriptResult result = sandbox.Run("deploy", "--port", port);

            Assert.True(result.ExitCode == MissingExit, result.ToString());
            Assert.Contains("serial port " + port + " does not exist: plug the board in", Assert.Single(result.MissingLines));
            Assert.Equal(new[] { "dotnet tool restore" }, sandbox.Calls);
        }
    }
}
