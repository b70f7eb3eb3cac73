using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NfBuild.DeployCheck;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// nf-build/DeployCheck on its own: the .pe header read at the offsets the MetadataProcessor writes (checked on the
    /// real mscorlib.pe of the pinned CoreLibrary), images split as the build concatenates them, nanoff's device
    /// details read from its exact text, and the nanoCLR's checksum rule.
    /// </summary>
    public sealed class DeployCheckTests
    {
        private static readonly string s_realMscorlib = Path.Combine(AppContext.BaseDirectory, "nano", "mscorlib.pe");

        [Fact]
        public void TheRealMscorlibPeNeedsTheChecksumTheFirmwareDeclaresForMscorlib()
        {
            // WwepDevice/packages.config pins this CoreLibrary; the test copies that version's mscorlib.pe.
            string pinned = Regex.Match(File.ReadAllText(RepositoryPaths.Combine("WwepDevice/packages.config")), "id=\"nanoFramework.CoreLibrary\" version=\"([^\"]+)\"").Groups[1].Value;
            Assert.Equal("1.17.11", pinned);
            Assert.True(File.Exists(s_realMscorlib), s_realMscorlib + " is missing: the build copies it from the nanoFramework.CoreLibrary package");
            byte[] pe = File.ReadAllBytes(s_realMscorlib);

            PeAssembly assembly = Assert.Single(DeploymentImage.Read(pe, "mscorlib.pe"));

            // Named by the nanoCLR's built-in string 0xFCD2 (entry 0x32D), not by its own strings table.
            Assert.Equal(0xFCD2, pe[PeAssembly.NameOffset] | (pe[PeAssembly.NameOffset + 1] << 8));
            Assert.Equal("mscorlib", assembly.Name);
            Assert.Equal(new Version(1, 17, 11, 0), assembly.Version);
            Assert.Equal(pe.Length, assembly.Size);
            // nanoframework/nf-interpreter main (a3e8139a) src/CLR/CorLib/corlib_native.cpp, g_CLR_AssemblyNative_mscorlib:
            // "mscorlib", 0x1549C856 (with reflection), { 100, 5, 0, 24 }.
            Assert.Equal(0x1549C856u, assembly.NativeChecksum);
            Assert.Equal(0x1549C856u, BitConverter.ToUInt32(pe, PeAssembly.NativeChecksumOffset));
        }

        [Fact]
        public void AnImageIsItsPeFilesBackToBackEachPaddedToFourBytes()
        {
            byte[] mscorlib = File.ReadAllBytes(s_realMscorlib);
            byte[] odd = TestAssemblyImage.Assembly("System.Net", new Version(1, 11, 60, 0), 0x8EFB9944, extraBytes: 1);
            byte[] app = TestAssemblyImage.Assembly("WwepDevice", new Version(1, 0, 0, 0), 0, extraBytes: 2);
            Assert.NotEqual(0, odd.Length % 4);

            PeAssembly[] assemblies = DeploymentImage.Read(TestAssemblyImage.Image(app, odd, mscorlib), "WwepDevice.bin");

            Assert.Equal(new[] { "WwepDevice", "System.Net", "mscorlib" }, assemblies.Select(a => a.Name));
            Assert.Equal(new[] { 0u, 0x8EFB9944u, 0x1549C856u }, assemblies.Select(a => a.NativeChecksum));
            Assert.Equal(new Version(1, 11, 60, 0), assemblies[1].Version);
        }

        [Theory]
        [InlineData("NFMRK2", "is a nanoFramework v2 assembly (NFMRK2)")]
        [InlineData("MZ\u0090\0\u0003\0", "does not start with a nanoFramework assembly marker (NFMRK1)")]
        public void SomethingThatIsNoV1AssemblyIsRefusedInOneLine(string marker, string expected)
        {
            byte[] pe = TestAssemblyImage.Assembly("System.Net", new Version(1, 11, 60, 0), 1);
            for (int i = 0; i < marker.Length; i++)
            {
                pe[i] = (byte)marker[i];
            }

            ImageFormatException error = Assert.Throws<ImageFormatException>(() => DeploymentImage.Read(pe, "app.bin"));

            Assert.StartsWith("app.bin ", error.Message);
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void AnImageCutShortIsRefused()
        {
            byte[] pe = TestAssemblyImage.Assembly("System.Net", new Version(1, 11, 60, 0), 1);
            byte[] image = TestAssemblyImage.Image(pe, pe).Take(pe.Length + 130).ToArray();

            ImageFormatException error = Assert.Throws<ImageFormatException>(() => DeploymentImage.Read(image, "app.bin"));

            Assert.StartsWith("app.bin at byte " + ((pe.Length + 3) / 4 * 4) + " says it is", error.Message);
        }

        [Fact]
        public void DeviceDetailsAreReadFromNanoffsOwnText()
        {
            DeviceDetails details = DeviceDetails.Parse(NanoffDeviceDetails.Text("2.5.162", "mscorlib v100.5.0.24, checksum 0x1549C856", "System.Net v100.2.0.12, checksum 0x6DFA71D6"));

            Assert.Equal(NanoffDeviceDetails.FirmwareVersion, details.FirmwareVersion);
            Assert.Equal("ESP32_REV3", details.Target);
            // The "Assemblies:" list above ("  System.Net, 1.11.60.0") is the deployed application, not native code.
            Assert.Equal(new[] { "mscorlib", "System.Net" }, details.NativeAssemblies.Select(n => n.Name));
            Assert.Equal("100.2.0.12", details.Find("System.Net")!.Version);
            Assert.Equal(0x6DFA71D6u, details.Find("System.Net")!.Checksum);
            Assert.Null(details.Find("system.net"));
        }

        [Fact]
        public void DeviceDetailsWithWindowsLineEndsReadTheSame()
        {
            string text = NanoffDeviceDetails.Text("3.0.1", "System.Net v100.2.0.14, checksum 0x8EFB9944").Replace("\n", "\r\n");

            Assert.Equal(0x8EFB9944u, DeviceDetails.Parse(text).Find("System.Net")!.Checksum);
        }

        [Fact]
        public void NoNativeAssemblyListIsRefused()
        {
            Assert.Throws<ImageFormatException>(() => DeviceDetails.Parse("DeviceInfo is not valid!\n"));
        }

        [Fact]
        public void TheCheckFollowsTheNanoClrRuleAndNamesEveryMismatchInOneLine()
        {
            DeviceDetails board = DeviceDetails.Parse(NanoffDeviceDetails.Text(
                "2.5.162",
                "mscorlib v100.5.0.24, checksum 0xF0208DC0",
                "nanoFramework.Runtime.Native v100.0.10.0, checksum 0x0EAE898B",
                "System.Net v100.2.0.12, checksum 0x6DFA71D6"));
            PeAssembly[] image = DeploymentImage.Read(
                TestAssemblyImage.Image(
                    TestAssemblyImage.Assembly("System.Net", new Version(1, 11, 60, 0), 0x8EFB9944),
                    TestAssemblyImage.Assembly("nanoFramework.System.Text", new Version(1, 3, 42, 0), 0),
                    TestAssemblyImage.Assembly("mscorlib", new Version(1, 17, 11, 0), 0x1549C856)),
                "WwepDevice.bin");

            NativeMatch verdict = NativeMatch.Check(image, board, "nf-build/flash --port P --target {target}");

            Assert.False(verdict.Matches);
            Assert.DoesNotContain("\n", verdict.Line);
            Assert.StartsWith("System.Net: System.Net 1.11.60.0 in the image was built for native checksum 0x8EFB9944, the board's firmware 1.17.0.339 (ESP32_REV3) has System.Net v100.2.0.12, checksum 0x6DFA71D6", verdict.Line);
            Assert.Contains(" (also mscorlib); fix: flash the firmware that matches packages.config with nf-build/flash --port P --target ESP32_REV3 ", verdict.Line);
        }

        [Fact]
        public void AnAssemblyWithoutNativeMethodsNeedsNoNativeAssembly()
        {
            DeviceDetails board = DeviceDetails.Parse(NanoffDeviceDetails.Text("2.5.162", "mscorlib v100.5.0.24, checksum 0x1549C856"));
            PeAssembly[] image = DeploymentImage.Read(
                TestAssemblyImage.Image(
                    TestAssemblyImage.Assembly("WwepDevice", new Version(1, 0, 0, 0), 0),
                    TestAssemblyImage.Assembly("mscorlib", new Version(1, 17, 11, 0), 0x1549C856)),
                "WwepDevice.bin");

            NativeMatch verdict = NativeMatch.Check(image, board, "nf-build/flash");

            Assert.True(verdict.Matches, verdict.Line);
            Assert.EndsWith("at its checksum (mscorlib)", verdict.Line);
        }

        [Fact]
        public void AnAssemblyWithoutNativeMethodsIsStillRefusedWhenTheFirmwareDeclaresItsName()
        {
            // The nanoCLR compares whenever its firmware has a native assembly of that name, 0 included (CLRStartup.cpp).
            DeviceDetails board = DeviceDetails.Parse(NanoffDeviceDetails.Text("2.5.162", "nanoFramework.Runtime.Events v100.0.8.0, checksum 0x0EAB00C9"));
            PeAssembly[] image = { Assert.Single(DeploymentImage.Read(TestAssemblyImage.Assembly("nanoFramework.Runtime.Events", new Version(1, 11, 37, 0), 0), "x.pe")) };

            Assert.False(NativeMatch.Check(image, board, "nf-build/flash").Matches);
        }
    }
}
