using System;
using System.Threading.Tasks;
using WwepServer.Tests;

namespace WwepServer.WebView.Tests
{
    /// <summary>
    /// Debian's Chromium for Playwright (its own browser download needs the internet): installed with apt-get when
    /// missing and this runs as root, as in CI. Without it the browser test fails with the command that fixes it:
    /// the classroom view is meant to be tested in a real browser.
    /// </summary>
    internal static class ChromiumInstaller
    {
        public static async Task EnsureAsync(string chromium)
        {
            string? missing = await ToolRun.EnsureDebianProgramAsync(chromium, "chromium");
            if (missing != null)
            {
                throw new InvalidOperationException(missing);
            }
        }
    }
}
