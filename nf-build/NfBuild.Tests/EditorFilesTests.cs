using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// The VS Code files and the scripts they call belong together: a renamed task, a target list that drifts from
    /// nf-build/lib/esp32-targets.txt, or a script that lost its executable bit breaks F5 for everyone.
    /// </summary>
    public sealed class EditorFilesTests
    {
        private static readonly JsonDocumentOptions s_jsonc = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

        private static JsonElement Load(string relative)
        {
            return JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine(relative)), s_jsonc).RootElement;
        }

        [Fact]
        public void LaunchUsesTheNanoFrameworkDebuggerOnTheDebugBuildAfterTheBuildTask()
        {
            JsonElement launch = Load(".vscode/launch.json");
            string[] taskLabels = Load(".vscode/tasks.json").GetProperty("tasks").EnumerateArray()
                .Select(task => task.GetProperty("label").GetString()!).ToArray();

            JsonElement[] configurations = launch.GetProperty("configurations").EnumerateArray().ToArray();

            Assert.NotEmpty(configurations);
            Assert.All(configurations, configuration =>
            {
                Assert.Equal("nanoframework", configuration.GetProperty("type").GetString());
                Assert.Equal("${workspaceFolder}/WwepDevice/bin/Debug", configuration.GetProperty("program").GetString());
            });
            JsonElement launchConfiguration = configurations.Single(configuration => configuration.GetProperty("request").GetString() == "launch");
            Assert.Contains(launchConfiguration.GetProperty("preLaunchTask").GetString(), taskLabels);
        }

        [Fact]
        public void TasksRunScriptsThatExistWithTheirWindowsTwins()
        {
            JsonElement[] tasks = Load(".vscode/tasks.json").GetProperty("tasks").EnumerateArray().ToArray();

            Assert.Contains(tasks, task => task.GetProperty("label").GetString() == "nf-build: build");
            Assert.Contains(tasks, task => task.GetProperty("label").GetString() == "nf-build: deploy");
            Assert.All(tasks, task =>
            {
                string script = task.GetProperty("command").GetString()!.Replace("${workspaceFolder}/", string.Empty);
                Assert.True(File.Exists(RepositoryPaths.Combine(script)), task.GetProperty("label").GetString() + " runs " + script + ", which is missing");
                string windowsScript = task.GetProperty("windows").GetProperty("args").EnumerateArray()
                    .Select(arg => arg.GetString()!).Single(arg => arg.EndsWith(".ps1"))
                    .Replace("${workspaceFolder}\\", string.Empty).Replace('\\', '/');
                Assert.Equal(script + ".ps1", windowsScript);
                Assert.True(File.Exists(RepositoryPaths.Combine(windowsScript)), windowsScript + " is missing");
            });
        }

        [Fact]
        public void FirmwarePickListIsTheTargetFile()
        {
            JsonElement input = Load(".vscode/tasks.json").GetProperty("inputs").EnumerateArray()
                .Single(candidate => candidate.GetProperty("id").GetString() == "firmwareTarget");
            string[] fromFile = File.ReadAllLines(RepositoryPaths.Combine("nf-build/lib/esp32-targets.txt"))
                .Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line.Split('|')[0]).ToArray();

            Assert.Equal(fromFile, input.GetProperty("options").EnumerateArray().Select(option => option.GetString()));
        }

        // The nanoFramework extension's package.json contributions (nf-VSCodeExtension main 6ee9443, August 2026):
        // the "nanoframework" debugger's configurationAttributes per request, and its configuration properties.
        private static readonly string[] s_launchAttributes = { "program", "device", "stopOnEntry", "deployAssemblies", "assembliesPath", "verbose", "verbosity" };
        private static readonly string[] s_attachAttributes = { "device", "program", "stopOnEntry", "verbose", "verbosity" };
        private static readonly string[] s_extensionSettings =
        {
            "nanoFramework.showTerminalOutput", "nanoFramework.test.sessionTimeout", "nanoFramework.test.logging",
            "nanoFramework.test.nanoclrVersion", "nanoFramework.test.usePreviewClr", "nanoFramework.test.pathToLocalCLRInstance",
            "nanoFramework.test.hardwarePort", "nanoFramework.test.hardwareRetries", "nanoFramework.test.runSettingsPath",
            "nanoFramework.test.watchMode",
        };

        // What VS Code itself reads in every launch configuration, whatever the debugger.
        private static readonly string[] s_vsCodeLaunchKeys = { "name", "type", "request", "preLaunchTask", "postDebugTask", "presentation", "internalConsoleOptions" };

        [Fact]
        public void LaunchConfigurationsUseOnlyAttributesTheExtensionsDebuggerDeclares()
        {
            foreach (JsonElement configuration in Load(".vscode/launch.json").GetProperty("configurations").EnumerateArray())
            {
                string request = configuration.GetProperty("request").GetString()!;
                string[] declared = request == "launch" ? s_launchAttributes : s_attachAttributes;
                foreach (JsonProperty property in configuration.EnumerateObject())
                {
                    Assert.True(
                        s_vsCodeLaunchKeys.Contains(property.Name) || declared.Contains(property.Name),
                        configuration.GetProperty("name").GetString() + ": '" + property.Name + "' is not an attribute of the nanoframework debugger's " + request + " request");
                }
            }
        }

        [Fact]
        public void SettingsAreTheExtensionsAndPointAtTheOnlyRunSettingsFile()
        {
            JsonElement settings = Load(".vscode/settings.json");
            foreach (JsonProperty property in settings.EnumerateObject().Where(p => p.Name.StartsWith("nanoFramework.", StringComparison.Ordinal)))
            {
                Assert.True(s_extensionSettings.Contains(property.Name), property.Name + " is not a setting of the nanoFramework extension");
            }

            string runSettings = settings.GetProperty("nanoFramework.test.runSettingsPath").GetString()!;
            Assert.True(File.Exists(RepositoryPaths.Combine(runSettings)), runSettings + " is missing");

            // Without the setting the extension takes the first **/nano.runsettings outside bin, obj and node_modules.
            string root = RepositoryPaths.Combine(".");
            string[] found = Directory.GetFiles(root, "nano.runsettings", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
                .Where(path => !path.Split('/').Any(part => part == "bin" || part == "obj" || part == "node_modules"))
                .ToArray();
            Assert.Equal(new[] { runSettings }, found);
            Assert.Contains("<IsRealHardware>", File.ReadAllText(RepositoryPaths.Combine(runSettings)));
        }

        [Fact]
        public void TasksArePlainProcessesAsTheExtensionContributesNoTaskType()
        {
            Assert.All(Load(".vscode/tasks.json").GetProperty("tasks").EnumerateArray(), task =>
                Assert.Equal("process", task.GetProperty("type").GetString()));
        }

        [Fact]
        public void ExtensionsRecommendNanoFrameworkAndCSharp()
        {
            string[] recommended = Load(".vscode/extensions.json").GetProperty("recommendations").EnumerateArray()
                .Select(id => id.GetString()!).ToArray();

            Assert.Contains("nanoframework.vscode-nanoframework", recommended);
            Assert.Contains("ms-dotnettools.csharp", recommended);
        }

        [Theory]
        [InlineData("nf-build/build")]
        [InlineData("nf-build/flash")]
        [InlineData("nf-build/configure")]
        [InlineData("nf-build/deploy")]
        public void ScriptIsExecutableAndStartsWithEnvBash(string script)
        {
            string path = RepositoryPaths.Combine(script);

            Assert.StartsWith("#!/usr/bin/env bash\n", File.ReadAllText(path));
            if (!System.OperatingSystem.IsWindows())
            {
                Assert.True((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, script + " is not executable: chmod +x " + script + " (and git add --chmod=+x)");
            }
        }
    }
}
