using System;
using System.IO;
using System.Linq;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// nf-build/deploy reads the board's native assemblies with nanoff's device details, compares them with the native
    /// checksums in the image's .pe headers (nf-build/DeployCheck), and deploys only when they match. The fake nanoffs
    /// print nanoff's own device details text (see <see cref="NanoffDeviceDetails"/>) and record every argument vector;
    /// the image is a real .bin of v1 assembly headers (see <see cref="TestAssemblyImage"/>).
    /// </summary>
    public sealed class DeployFirmwareCheckTests
    {
        private const string Nanoff2 = "2.5.162";
        private const string Nanoff3 = "3.0.1";

        // The two System.Net generations (nf-interpreter src/DeviceInterfaces/System.Net/sys_net_native.cpp before and
        // from 47ef80bd, #3460) and CoreLibrary 1.17.11's mscorlib (nf-interpreter main src/CLR/CorLib/corlib_native.cpp).
        private const uint SystemNetOlder = 0x6DFA71D6;
        private const uint SystemNetNewer = 0x8EFB9944;
        private const uint Mscorlib = 0x1549C856;

        private static readonly string[] s_olderBoard =
        {
            "mscorlib v100.5.0.24, checksum 0x1549C856",
            "nanoFramework.Runtime.Native v100.0.10.0, checksum 0x0EAE898B",
            "System.Net v100.2.0.12, checksum 0x6DFA71D6",
        };

        private static readonly string[] s_newerBoard =
        {
            "mscorlib v100.5.0.24, checksum 0x1549C856",
            "nanoFramework.Runtime.Native v100.0.10.0, checksum 0x0EAE898B",
            "System.Net v100.2.0.14, checksum 0x8EFB9944",
        };

        private static ScriptSandbox NewSandbox(string nanoffVersion, string[] boardNatives, out string image)
        {
            var sandbox = new ScriptSandbox();
            string details = sandbox.AddRepoFile("board-details.txt", NanoffDeviceDetails.Text(nanoffVersion, boardNatives));
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff(
                nanoffVersion,
                body: "for a in \"$@\"; do if [ \"$a\" = --devicedetails ] || [ \"$a\" = details ]; then cat '" + details + "'; fi; done");
            sandbox.AddDotnetRunningDlls();
            image = sandbox.AddRepoFile("WwepDevice/bin/Debug/WwepDevice.bin", TestAssemblyImage.Image(
                TestAssemblyImage.Assembly("WwepDevice", new Version(1, 0, 0, 0), 0, extraBytes: 1),
                TestAssemblyImage.Assembly("System.Net", new Version(1, 11, 60, 0), SystemNetNewer, extraBytes: 2),
                TestAssemblyImage.Assembly("nanoFramework.System.Text", new Version(1, 3, 42, 0), 0),
                TestAssemblyImage.Assembly("mscorlib", new Version(1, 17, 11, 0), Mscorlib, extraBytes: 3)));
            return sandbox;
        }


        // Refused: the exit code, exactly one line of the verb's own with the expected words, and nanoff run once, for
        // the details: nothing was written to the board. Returns that line.
        private static string AssertNotDeployed(ScriptSandbox sandbox, ScriptResult result, int exitCode, string expected)
        {
            Assert.True(result.ExitCode == exitCode, result.ToString());
            string line = Assert.Single(result.VerbLines("deploy"));
            Assert.Contains(expected, line);
            Assert.Single(sandbox.NanoffCalls);
            return line;
        }

        [Theory]
        [InlineData(Nanoff2, "--nanodevice --devicedetails --serialport {port}")]
        [InlineData(Nanoff3, "details serialport {port}")]
        public void DeployRefusesABoardWhoseSystemNetChecksumDiffersInOneLineNamingSystemNet(string version, string details)
        {
            using ScriptSandbox sandbox = NewSandbox(version, s_olderBoard, out _);

            ScriptResult result = sandbox.Run("deploy", "--port", sandbox.Port);

            string line = AssertNotDeployed(sandbox, result, 1, "nf-build/deploy: not deployed: System.Net: ");
            Assert.StartsWith("nf-build/deploy: not deployed: System.Net: ", line);
            Assert.Contains("System.Net 1.11.60.0 in the image was built for native checksum 0x" + SystemNetNewer.ToString("X8"), line);
            Assert.Contains("firmware " + NanoffDeviceDetails.FirmwareVersion + " (ESP32_REV3) has System.Net v100.2.0.12, checksum 0x" + SystemNetOlder.ToString("X8"), line);
            Assert.Contains("CLR_E_ASSM_WRONG_CHECKSUM", line);
            Assert.Contains("fix: flash the firmware that matches packages.config with nf-build/flash --port " + sandbox.Port + " --target ESP32_REV3", line);
            Assert.DoesNotContain("mscorlib:", line);
            // Only the details were read: nothing was written to the board.
            string[] call = Assert.Single(sandbox.NanoffCalls);
            Assert.Equal(details.Replace("{port}", sandbox.Port).Split(' '), call);
        }

        [Theory]
        [InlineData(Nanoff2, "--nanodevice --devicedetails --serialport {port}", "--nanodevice --deploy --serialport {port} --image {image}")]
        [InlineData(Nanoff3, "details serialport {port}", "deploy serialport {port} image {image}")]
        public void DeployAcceptsAMatchingBoardThenSendsTheImage(string version, string details, string deploy)
        {
            using ScriptSandbox sandbox = NewSandbox(version, s_newerBoard, out string image);

            ScriptResult result = sandbox.Run("deploy", "--port", sandbox.Port);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains(
                "nf-build/deploy: the board's firmware " + NanoffDeviceDetails.FirmwareVersion + " (ESP32_REV3) has the native code of every assembly in the image that needs it, at its checksum (System.Net, mscorlib)",
                result.VerbLines("deploy"));
            string[][] calls = sandbox.NanoffCalls;
            Assert.Equal(2, calls.Length);
            Assert.Equal(details.Replace("{port}", sandbox.Port).Split(' '), calls[0]);
            Assert.Equal(deploy.Replace("{port}", sandbox.Port).Replace("{image}", image).Split(' '), calls[1]);
        }

        [Fact]
        public void DeployRefusesAFirmwareWithoutANativeAssemblyTheImageCalls()
        {
            using ScriptSandbox sandbox = NewSandbox(Nanoff2, new[] { s_newerBoard[0], s_newerBoard[1] }, out _);

            ScriptResult result = sandbox.Run("deploy", "--port", sandbox.Port);

            AssertNotDeployed(sandbox, result, 1, "System.Net: System.Net 1.11.60.0 in the image was built for native checksum 0x8EFB9944, and the board's firmware " + NanoffDeviceDetails.FirmwareVersion + " (ESP32_REV3) has no native System.Net at all");
        }

        [Fact]
        public void DeployToABoardInItsBootloaderSaysSoInOneLineAndWritesNothing()
        {
            using var sandbox = new ScriptSandbox();
            // What nanoff prints when the board answers from its booter: target info, no native assembly list.
            string details = sandbox.AddRepoFile("booter.txt", ".NET nanoFramework Firmware Flasher v2.5.162+3f2c1a\n\nTarget:   ESP32_REV3\nCLR Version: 0.0.0.0\n");
            sandbox.Environment["NF_NANOFF"] = sandbox.AddFakeNanoff(Nanoff2, body: "[ \"$2\" = --devicedetails ] && cat '" + details + "'; exit 0");
            sandbox.AddDotnetRunningDlls();
            sandbox.AddRepoFile("WwepDevice/bin/Debug/WwepDevice.bin", TestAssemblyImage.Assembly("mscorlib", new Version(1, 17, 11, 0), Mscorlib));

            ScriptResult result = sandbox.Run("deploy", "--port", sandbox.Port);

            AssertNotDeployed(sandbox, result, 3, "list no native assemblies: is the board running the nanoFramework firmware");
        }

        [Fact]
        public void DeployOfAFileThatIsNoImageSaysSoBeforeWritingIt()
        {
            using ScriptSandbox sandbox = NewSandbox(Nanoff2, s_newerBoard, out _);
            string other = sandbox.AddRepoFile("notes.bin", System.Text.Encoding.ASCII.GetBytes("these are not the assemblies you are looking for, padded out to well beyond a header's length: 0123456789012345678901234567890123456789"));

            ScriptResult result = sandbox.Run("deploy", "--port", sandbox.Port, "--image", other);

            AssertNotDeployed(sandbox, result, 3, "notes.bin does not start with a nanoFramework assembly marker (NFMRK1)");
        }

        [Fact]
        public void DeployBuildsTheCheckFromTheRepositoryBeforeRunningIt()
        {
            using ScriptSandbox sandbox = NewSandbox(Nanoff2, s_newerBoard, out _);

            ScriptResult result = sandbox.Run("deploy", "--port", sandbox.Port);

            Assert.True(result.ExitCode == 0, result.ToString());
            string build = Assert.Single(sandbox.Calls, call => call.StartsWith("dotnet build", StringComparison.Ordinal));
            Assert.Equal("dotnet build nf-build/DeployCheck/DeployCheck.csproj -c Release -nologo -v q", build);
            Assert.True(File.Exists(RepositoryPaths.Combine("nf-build/DeployCheck/DeployCheck.csproj")), "the project deploy builds is not where it says");
            Assert.Contains("<AssemblyName>DeployCheck</AssemblyName>", File.ReadAllText(RepositoryPaths.Combine("nf-build/DeployCheck/DeployCheck.csproj")));
        }
    }
}
