using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace WwepServer.WebView.Tests
{
    /// <summary>
    /// Debian's Chromium for Playwright (its own browser download needs the internet): installed with apt-get when
    /// missing and this runs as root, as in CI. Without it the browser test fails with the command that fixes it:
    /// the classroom view is meant to be tested in a real browser.
    /// </summary>
    internal static class ChromiumInstaller
    {
        public static async Task EnsureAsync(string chromium, ITestOutputHelper output)
        {
            if (File.Exists(chromium))
            {
                return;
            }

            if (Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
            {
                output.WriteLine(chromium + " is missing: apt-get install -y chromium");
                if (await RunAsync("/usr/bin/apt-get", "install", "-y", "-qq", "chromium") != 0)
                {
                    await RunAsync("/usr/bin/apt-get", "update", "-qq");
                    await RunAsync("/usr/bin/apt-get", "install", "-y", "-qq", "chromium");
                }
            }

            if (!File.Exists(chromium))
            {
                throw new InvalidOperationException(chromium + " is missing and could not be installed: run sudo apt-get install -y chromium (Debian), then the tests again");
            }
        }

        private static async Task<int> RunAsync(string program, params string[] args)
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await process.WaitForExitAsync(bound.Token);
            await stdout;
            await stderr;
            return process.ExitCode;
        }
    }
}
