using System;
using System.IO;
using System.Linq;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>What the scripts say about bad or missing arguments, and their --help.</summary>
    public sealed class ArgumentHandlingTests
    {
        private const int UsageExit = 64;

        /// <summary>The seven firmware names the project's platform notes list; the flash script must know each.</summary>
        private static readonly string[] s_documentedTargetNames =
        {
            "ESP32_REV0", "ESP32_PSRAM_REV0", "ESP32_REV3", "ESP32_PSRAM_REV3", "ESP32_C3", "ESP32_S3_QUAD", "ESP32_S3_OCTAL",
        };

        /// <summary>The same names as theory data.</summary>
        public static TheoryData<string> DocumentedTargets => new TheoryData<string>(s_documentedTargetNames);

        [Theory]
        [InlineData("flash")]
        [InlineData("configure")]
        [InlineData("deploy")]
        public void VerbWithoutPortStopsAndSaysHowToNameOne(string verb)
        {
            using var sandbox = new ScriptSandbox();

            ScriptResult result = sandbox.Run(verb, "--dry-run");

            Assert.True(result.ExitCode == UsageExit, result.ToString());
            Assert.Contains("--port <serial> is required", result.StandardError);
            Assert.Contains("nf-build/flash --list-ports", result.StandardError);
            Assert.Equal(string.Empty, result.StandardOutput);
        }

        [Theory]
        [InlineData("build")]
        [InlineData("flash")]
        [InlineData("configure")]
        [InlineData("deploy")]
        public void UnknownOptionIsNamedWithAPointerToHelp(string verb)
        {
            using var sandbox = new ScriptSandbox();

            // The unknown option comes first: the scripts read their arguments from left to right.
            ScriptResult result = sandbox.Run(verb, "--frobnicate", "--port", sandbox.Port);

            Assert.True(result.ExitCode == UsageExit, result.ToString());
            Assert.Contains("unknown option '--frobnicate'", result.StandardError);
            Assert.Contains("nf-build/" + verb + " --help", result.StandardError);
        }

        [Theory]
        [InlineData("flash", "--target")]
        [InlineData("deploy", "--image")]
        [InlineData("build", "--configuration")]
        [InlineData("configure", "--ca")]
        public void OptionWithoutItsValueIsRefused(string verb, string option)
        {
            using var sandbox = new ScriptSandbox();

            ScriptResult result = sandbox.Run(verb, option);

            Assert.True(result.ExitCode == UsageExit, result.ToString());
            Assert.Contains(option + " needs a value", result.StandardError);
        }

        [Fact]
        public void PortFollowedByAnotherOptionIsNotTakenAsThePort()
        {
            using var sandbox = new ScriptSandbox();

            ScriptResult result = sandbox.Run("deploy", "--port", "--dry-run");

            Assert.True(result.ExitCode == UsageExit, result.ToString());
            Assert.Contains("--port needs a value, not the option --dry-run", result.StandardError);
        }

        /// <summary>Every script a user runs, as theory data.</summary>
        public static TheoryData<string> Verbs => new TheoryData<string>(ScriptSandbox.Verbs);

        [Theory]
        [MemberData(nameof(Verbs))]
        public void HelpPrintsTheUsageWithEveryOptionTheScriptTakesAndRunsNothing(string verb)
        {
            using var sandbox = new ScriptSandbox();
            sandbox.AddDotnetRunningDlls();
            string[] options = ScriptOptions.Accepted(File.ReadAllText(RepositoryPaths.Combine("nf-build/" + verb)));

            ScriptResult result = sandbox.Run(verb, "--help");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.StartsWith("Usage: nf-build/" + verb, result.StandardOutput);
            Assert.Equal(string.Empty, result.StandardError);
            Assert.Contains("--dry-run", options);
            Assert.Contains("--help", options);
            Assert.All(options, option => Assert.True(result.StandardOutput.Contains(option, StringComparison.Ordinal), "nf-build/" + verb + " takes " + option + " but its --help does not say so"));
            Assert.Empty(sandbox.Calls);
        }

        [Fact]
        public void OptionsAreReadFromTheArgumentLoopOfAScript()
        {
            string script = "while [ $# -gt 0 ]; do\n    case \"$1\" in\n        --port) x ;;\n        --port=*) x ;;\n"
                + "        --mode)\n            case \"$2\" in\n                plain | --x) ;;\n            esac\n            ;;\n"
                + "        --configuration | -c) x ;;\n        -h|--help) x ;;\n        --) break ;;\n        *) y ;;\n    esac\ndone\n"
                + "case \"$mode\" in\n    --not-an-option) z ;;\nesac\n";

            Assert.Equal(new[] { "--configuration", "--help", "--mode", "--port" }, ScriptOptions.Accepted(script));
        }

        [Fact]
        public void UnknownTargetIsRefusedWithTheKnownNames()
        {
            using var sandbox = new ScriptSandbox();

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--target", "ESP8266", "--dry-run");

            Assert.True(result.ExitCode == UsageExit, result.ToString());
            Assert.Contains("unknown target 'ESP8266'", result.StandardError);
            Assert.Contains("ESP32_PSRAM_REV0", result.StandardError);
            Assert.Equal(string.Empty, result.StandardOutput);
        }

        [Fact]
        public void TargetInLowerCaseGetsTheUpperCaseNameSuggested()
        {
            using var sandbox = new ScriptSandbox();

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--target", "esp32_c3", "--dry-run");

            Assert.True(result.ExitCode == UsageExit, result.ToString());
            Assert.Contains("did you mean ESP32_C3?", result.StandardError);
        }

        [Theory]
        [MemberData(nameof(DocumentedTargets))]
        public void DocumentedTargetIsAcceptedAndPassedToNanoff(string target)
        {
            using var sandbox = new ScriptSandbox();
            string nanoff = sandbox.AddFakeNanoff("2.5.162");
            sandbox.Environment["NF_NANOFF"] = nanoff;
            sandbox.PinFirmware(target + "|1.17.0.500|confirmed");

            ScriptResult result = sandbox.Run("flash", "--port", sandbox.Port, "--target", target, "--dry-run");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(new[] { nanoff + " --target " + target + " --serialport " + sandbox.Port + " --update --fwversion 1.17.0.500" }, result.OutputLines);
        }

        [Fact]
        public void ListTargetsPrintsEveryNameOfTheTargetFileAndNoChipWithoutWifi()
        {
            using var sandbox = new ScriptSandbox();
            string[][] rows = File.ReadAllLines(RepositoryPaths.Combine("nf-build/lib/esp32-targets.txt"))
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.Split('|'))
                .ToArray();

            ScriptResult result = sandbox.Run("flash", "--list-targets");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(rows.Select(row => row[0]), result.OutputLines);
            Assert.All(rows, row => Assert.True(row.Length == 2 && row[1].Length > 10, row[0] + " needs one '|' and a board description"));
            Assert.All(s_documentedTargetNames, name => Assert.Contains(name, result.OutputLines));
            Assert.DoesNotContain("ESP32_H2_THREAD", result.OutputLines);
        }

        [Theory]
        [InlineData("build")]
        [InlineData("deploy")]
        public void UnknownConfigurationIsRefused(string verb)
        {
            using var sandbox = new ScriptSandbox();
            string[] port = verb == "deploy" ? new[] { "--port", sandbox.Port } : new string[0];

            ScriptResult result = sandbox.Run(verb, port.Concat(new[] { "--configuration", "debug", "--dry-run" }).ToArray());

            Assert.True(result.ExitCode == UsageExit, result.ToString());
            Assert.Contains("unknown configuration 'debug': use Debug or Release", result.StandardError);
        }
    }
}
