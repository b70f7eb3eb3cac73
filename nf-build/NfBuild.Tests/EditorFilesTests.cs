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
