using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace NfBuild.Tests
{
    /// <summary>
    /// A throw-away copy of the repository layout that the nf-build scripts need (the scripts, their lib folder,
    /// WwepDevice.sln), with a PATH folder the test fills, an empty HOME and TMPDIR. The scripts run there exactly
    /// as committed; the test decides which tools exist. Tools a test wants to exist but never to run (msbuild,
    /// nanoff, ...) are stand-ins that append their command line to a log and do nothing else, so a test can prove
    /// that a dry run ran nothing, or see what a real run would have handed to the tool.
    /// </summary>
    public sealed class ScriptSandbox : IDisposable
    {
        /// <summary>The commands every script needs: bash and the POSIX tools it calls.</summary>
        public static readonly string[] BasicTools =
        {
            "bash", "env", "dirname", "basename", "cat", "sed", "grep", "tr", "cut", "awk", "uname", "id",
            "mktemp", "rm", "tail", "od", "base64", "wc", "tee", "head", "sort", "chmod", "cp", "stat", "ls",
        };

        /// <summary>Every script of nf-build a user runs; the sandbox holds a copy of each.</summary>
        public static readonly string[] Verbs = { "build", "flash", "configure", "deploy", "demo", "test" };

        private static readonly TimeSpan s_runLimit = TimeSpan.FromSeconds(60);

        private readonly string _top;

        /// <summary>Creates the sandbox with the scripts copied in and the basic tools on its PATH.</summary>
        public ScriptSandbox()
        {
            _top = Path.Combine(Path.GetTempPath(), "nfbuild-tests-" + Guid.NewGuid().ToString("N"));
            Repo = Path.Combine(_top, "repo");
            Bin = Path.Combine(_top, "bin");
            Home = Path.Combine(_top, "home");
            Temp = Path.Combine(_top, "tmp");
            CallLog = Path.Combine(_top, "calls.log");
            foreach (string directory in new[] { Repo, Bin, Home, Temp, Path.Combine(Repo, "nf-build", "lib") })
            {
                Directory.CreateDirectory(directory);
            }

            foreach (string verb in Verbs)
            {
                CopyFromRepository("nf-build/" + verb);
            }

            foreach (string file in Directory.GetFiles(RepositoryPaths.Combine("nf-build/lib")))
            {
                CopyFromRepository("nf-build/lib/" + Path.GetFileName(file));
            }

            CopyFromRepository("WwepDevice.sln");
            // nf-build/test finds the test projects in the solution.
            CopyFromRepository("nf-build/WwepHost.slnx");
            CopyFromRepository("nf-build/firmware-versions.txt");
            // nf-build/deploy builds nf-build/DeployCheck and runs its DLL; the build is this test run's (a project
            // reference), put where the script runs it. A stand-in dotnet that runs DLLs (AddDotnetRunningDlls) runs it.
            // nf-build/configure runs it too (--settings-file), with the firmware's Core it is built with.
            foreach (string file in new[] { "DeployCheck.dll", "DeployCheck.runtimeconfig.json", "DeployCheck.deps.json", "WwepDevice.Portable.dll" })
            {
                string target = RepoPath(DeployCheckFolder + "/" + file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(AppContext.BaseDirectory, file), target);
            }

            // The pinned nanoff, and the firmware's settings keys that nf-build/configure --set checks against.
            CopyFromRepository(".config/dotnet-tools.json");
            CopyFromRepository("WwepDevice/Core/Settings/BoardSettingKeys.cs");
            foreach (string tool in BasicTools)
            {
                LinkTool(tool);
            }

            Port = AddPort("ttyUSB0");
        }

        /// <summary>A stand-in serial port that exists (an empty file the user may read and write), for runs that need one.</summary>
        public string Port { get; }

        /// <summary>Where nf-build/deploy runs the firmware check from, relative to the repository root.</summary>
        public const string DeployCheckFolder = "nf-build/DeployCheck/bin/Release/net10.0";

        /// <summary>The sandbox repository root.</summary>
        public string Repo { get; }

        /// <summary>The only folder on the scripts' PATH.</summary>
        public string Bin { get; }

        /// <summary>The scripts' HOME (empty: no VS Code extensions, no dotnet tools).</summary>
        public string Home { get; }

        /// <summary>The scripts' TMPDIR.</summary>
        public string Temp { get; }

        /// <summary>Where stand-ins log their command lines.</summary>
        public string CallLog { get; }

        /// <summary>Extra environment variables for the scripts.</summary>
        public Dictionary<string, string> Environment { get; } = new Dictionary<string, string>();

        /// <summary>The command lines the stand-ins were run with, one per run ("name arg arg ...").</summary>
        public string[] Calls => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : Array.Empty<string>();

        /// <summary>Puts a real tool of this machine on the sandbox PATH (a symbolic link).</summary>
        /// <param name="name">The command name, for example <c>sed</c>.</param>
        public void LinkTool(string name)
        {
            string? found = FindOnHostPath(name);
            Assert.True(found != null, "the test machine has no '" + name + "' on PATH, which the nf-build scripts need");
            File.CreateSymbolicLink(Path.Combine(Bin, name), found!);
        }

        /// <summary>Writes a stand-in executable that logs its command line and then runs <paramref name="body"/>.</summary>
        /// <param name="path">Where, relative to the sandbox top (for example <c>bin/msbuild</c>).</param>
        /// <param name="body">bash lines to run after logging (default: exit 0).</param>
        /// <returns>The full path of the stand-in.</returns>
        /// <param name="prelude">bash lines to run before logging (a fake's answer to --version).</param>
        public string AddStandIn(string path, string body = "exit 0", string prelude = "")
        {
            string full = Path.Combine(_top, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            string script = "#!" + FindOnHostPath("bash") + "\n"
                + prelude + "\n"
                + "printf '%s' \"$(basename \"$0\")\" >> '" + CallLog + "'\n"
                + "for a in \"$@\"; do printf ' %s' \"$a\" >> '" + CallLog + "'; done\n"
                + "printf '\\n' >> '" + CallLog + "'\n"
                + body + "\n";
            File.WriteAllText(full, script);
            // The scripts are bash, for Linux and macOS (Windows has the .ps1 twins): there is no Windows branch.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            return full;
        }

        /// <summary>
        /// Writes a fake nanoff: it answers <c>--version</c> as nanoff does (CommandLineParser's "name version" line)
        /// without logging, and records every other argument vector exactly (see <see cref="NanoffCalls"/>) besides the
        /// stand-in log.
        /// </summary>
        /// <param name="version">The version it reports, for example <c>2.5.162</c> or <c>3.0.1</c>.</param>
        /// <param name="path">Where, relative to the sandbox top.</param>
        /// <param name="body">bash lines to run after logging (default: exit 0).</param>
        /// <returns>The full path of the fake.</returns>
        public string AddFakeNanoff(string version, string path = "tools/nanoff", string body = "exit 0")
        {
            string argvLog = Path.Combine(_top, "nanoff-argv.log");
            return AddStandIn(
                path,
                "for a in \"$@\"; do printf '%s\\037' \"$a\" >> '" + argvLog + "'; done; printf '\\n' >> '" + argvLog + "'\n" + body,
                "if [ \"$1\" = --version ]; then echo 'nanoff " + version + "+3f2c1a'; exit 0; fi");
        }

        /// <summary>
        /// Writes a stand-in <c>dotnet</c> on the sandbox PATH that logs its command line like every stand-in and runs
        /// a <c>.dll</c> it is given with this machine's real dotnet (the firmware check); anything else (tool restore,
        /// build) it only logs, answering with <paramref name="body"/>.
        /// </summary>
        /// <param name="body">bash lines for the other commands (default: exit 0).</param>
        /// <returns>The full path of the stand-in.</returns>
        public string AddDotnetRunningDlls(string body = "exit 0")
        {
            string? real = FindOnHostPath("dotnet");
            Assert.True(real != null, "the test machine has no dotnet on PATH");
            return AddStandIn("bin/dotnet", "case \"$1\" in *.dll) exec '" + real + "' \"$@\" ;; esac\n" + body);
        }

        /// <summary>The argument vectors a fake nanoff was run with, one per run, each argument as it arrived.</summary>
        public string[][] NanoffCalls
        {
            get
            {
                string argvLog = Path.Combine(_top, "nanoff-argv.log");
                if (!File.Exists(argvLog))
                {
                    return Array.Empty<string[]>();
                }

                string[] lines = File.ReadAllLines(argvLog);
                string[][] calls = new string[lines.Length][];
                for (int i = 0; i < lines.Length; i++)
                {
                    calls[i] = lines[i].Length == 0 ? Array.Empty<string>() : lines[i].TrimEnd('\u001f').Split('\u001f');
                }

                return calls;
            }
        }

        /// <summary>Makes a stand-in serial port: an empty file under the sandbox's own dev folder.</summary>
        /// <param name="name">Its file name, for example <c>ttyACM0</c> or <c>cu.usbserial-0001</c>.</param>
        /// <returns>Its full path, to pass as --port.</returns>
        public string AddPort(string name)
        {
            string full = Path.Combine(_top, "dev", name);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, Array.Empty<byte>());
            return full;
        }

        /// <summary>Replaces the firmware table (nf-build/firmware-versions.txt) with these rows, so a test sets its own pins.</summary>
        /// <param name="rows">Lines <c>TARGET|VERSION|STATUS</c>.</param>
        public void PinFirmware(params string[] rows)
        {
            AddRepoFile("nf-build/firmware-versions.txt", "# test table\n" + string.Join("\n", rows) + "\n");
        }

        /// <summary>Writes a file into the sandbox repository.</summary>
        /// <param name="relative">Path under the repository root, with '/'.</param>
        /// <param name="content">The bytes.</param>
        /// <returns>The full path.</returns>
        public string AddRepoFile(string relative, byte[] content)
        {
            string full = RepoPath(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
            return full;
        }

        /// <summary>Writes a text file into the sandbox repository.</summary>
        /// <param name="relative">Path under the repository root, with '/'.</param>
        /// <param name="content">The text (UTF-8).</param>
        /// <returns>The full path.</returns>
        public string AddRepoFile(string relative, string content)
        {
            return AddRepoFile(relative, Encoding.UTF8.GetBytes(content));
        }

        /// <summary>The full path of a file in the sandbox repository.</summary>
        /// <param name="relative">Path under the repository root, with '/'.</param>
        /// <returns>The full path.</returns>
        public string RepoPath(string relative)
        {
            return Path.Combine(Repo, relative.Replace('/', Path.DirectorySeparatorChar));
        }

        /// <summary>Makes a folder that holds the three project system files, as the VS Code extension ships them.</summary>
        /// <param name="relative">Path under the sandbox top.</param>
        /// <param name="leaveOut">A file name not to create.</param>
        /// <returns>The full path of the folder.</returns>
        public string AddProjectSystem(string relative, string? leaveOut = null)
        {
            string directory = Path.Combine(_top, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(directory);
            foreach (string file in new[] { "NFProjectSystem.Default.props", "NFProjectSystem.props", "NFProjectSystem.CSharp.targets" })
            {
                if (file != leaveOut)
                {
                    File.WriteAllText(Path.Combine(directory, file), "<Project />\n");
                }
            }

            return directory;
        }

        /// <summary>Runs <c>nf-build/&lt;verb&gt;</c> with bash, stdin closed (not a terminal), in the sandbox repository.</summary>
        /// <param name="verb">One of <see cref="Verbs"/>.</param>
        /// <param name="arguments">The script's arguments.</param>
        /// <returns>What it did.</returns>
        public ScriptResult Run(string verb, params string[] arguments)
        {
            var start = new ProcessStartInfo(FindOnHostPath("bash")!)
            {
                WorkingDirectory = Repo,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(Repo, "nf-build", verb));
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment.Clear();
            start.Environment["PATH"] = Bin;
            start.Environment["HOME"] = Home;
            start.Environment["TMPDIR"] = Temp;
            start.Environment["LC_ALL"] = "C";
            foreach (KeyValuePair<string, string> variable in Environment)
            {
                start.Environment[variable.Key] = variable.Value;
            }

            using Process process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)s_runLimit.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("nf-build/" + verb + " did not finish within " + s_runLimit.TotalSeconds + " s");
            }

            process.WaitForExit();
            return new ScriptResult(process.ExitCode, output.Result, error.Result);
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            try
            {
                Directory.Delete(_top, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is no reason to fail a test.
            }
        }

        private void CopyFromRepository(string relative)
        {
            string target = RepoPath(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(RepositoryPaths.Combine(relative), target);
        }

        private static string? FindOnHostPath(string name)
        {
            string path = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
            foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
