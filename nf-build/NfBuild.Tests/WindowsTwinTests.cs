using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// The PowerShell twins cannot run here (no PowerShell on the test machine), so what they share with the bash verbs
    /// is checked in their text: the same firmware table, the same nanoff keywords, the same check run the same way.
    /// A twin that drifts fails here instead of on a student's Windows laptop.
    /// </summary>
    public sealed class WindowsTwinTests
    {
        private static string Text(string relative)
        {
            return File.ReadAllText(RepositoryPaths.Combine(relative));
        }

        [Fact]
        public void FlashTwinsReadTheSameTableAndPassTheVersionTheSameWay()
        {
            Assert.Contains("NF_FIRMWARE_TABLE=\"nf-build/firmware-versions.txt\"", Text("nf-build/lib/common.sh"));
            Assert.Contains("'nf-build\\firmware-versions.txt'", Text("nf-build/lib/Common.ps1"));
            Assert.Contains("@('--fwversion', $Version)", Text("nf-build/lib/Common.ps1"));
            Assert.Contains("@('fwversion', $Version)", Text("nf-build/lib/Common.ps1"));
            string flash = Text("nf-build/flash.ps1");
            Assert.Contains("[switch]$Latest", flash);
            Assert.Contains("Get-NfPinnedFirmware $Target", flash);
            Assert.Contains("Stop-NfIfMissing -EvenInDryRun", flash);
            Assert.Contains("CLR_E_ASSM_WRONG_CHECKSUM", flash);
        }

        [Fact]
        public void DeployTwinsReadTheDetailsAndRunTheSameCheck()
        {
            string common = Text("nf-build/lib/Common.ps1");
            Assert.Contains("Flags = @('--nanodevice', '--devicedetails', '--serialport', $Port); Verbs = @('details', 'serialport', $Port)", common);
            string deploy = Text("nf-build/deploy.ps1");
            Assert.Contains("'nf-build\\DeployCheck\\bin\\Release\\net10.0\\DeployCheck.dll'", deploy);
            Assert.Contains("@('build', $checkProject, '-c', 'Release', '-nologo', '-v', 'q')", deploy);
            Assert.Contains("--device-details $detailsFile --flash-command $flashCommand", deploy);
            Assert.Contains("Stop-Nf $status \"not deployed: $verdict\"", deploy);
            Assert.Contains("CHECK_DLL=\"" + ScriptSandbox.DeployCheckFolder + "/DeployCheck.dll\"", Text("nf-build/deploy"));
        }

        [Fact]
        public void DryRunTwinsRecordAMissingPortAndAnUnrestorableNanoffInsteadOfStopping()
        {
            string common = Text("nf-build/lib/Common.ps1");
            Assert.Contains("Add-NfMissing \"serial port $Port is not there", common);
            Assert.Contains("Test-NfPinnedNanoffRestores $dotnet $version", common);
            foreach (string verb in new[] { "flash.ps1", "deploy.ps1", "configure.ps1" })
            {
                string text = Text("nf-build/" + verb);
                Assert.DoesNotContain("if (-not $script:NfDryRun) { Test-NfPort", text);
                Assert.Contains("Test-NfPort $Port", text);
            }
        }

        [Theory]
        [InlineData("build.ps1")]
        [InlineData("flash.ps1")]
        [InlineData("configure.ps1")]
        [InlineData("deploy.ps1")]
        public void EveryTwinParameterIsInItsHelpAndHelpStopsWithExitZero(string twin)
        {
            string text = Text("nf-build/" + twin);
            Match parameters = Regex.Match(text, @"\nparam\((?<list>.*?)\n\)", RegexOptions.Singleline);
            Assert.True(parameters.Success, twin + " has no param(...) block");
            string[] names = Regex.Matches(parameters.Groups["list"].Value, @"\$(\w+)").Select(m => m.Groups[1].Value).ToArray();
            string[] documented = Regex.Matches(text, @"^\.PARAMETER (\w+)\r?$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();

            Assert.Contains("DryRun", names);
            Assert.Contains("Help", names);
            Assert.All(names, name => Assert.True(documented.Contains(name), twin + " takes -" + name + " but its help has no .PARAMETER " + name));
            Assert.Matches(@"if \(\$Help\) \{ Get-Help \$PSCommandPath -Detailed;[^}]*exit 0 \}", text);
        }
    }
}
