using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Playwright;
using WwepServer.Tests;
using Xunit;
using Xunit.Abstractions;

namespace WwepServer.WebView.Tests
{
    /// <summary>
    /// The classroom page in Debian's Chromium, driven by Playwright: a simulated board presses its button (the
    /// firmware's own logic, through the simulator), and the LED on the page turns on, then off, without a reload.
    /// Screenshots are kept as artifacts (the folder is printed).
    /// </summary>
    public sealed class ClassroomViewBrowserTests
    {
        private const string Chromium = "/usr/bin/chromium";

        // The simulator's device ID is the 16-bit sum of its MAC's bytes: 0x24+0x0A+0xC4+0x12+0x34+0x56 = 0x018E.
        private const string Mac = "24:0a:c4:12:34:56";
        private const string DeviceId = "018E";

        private static readonly float WaitMs = 10_000;
        private readonly ITestOutputHelper _output;

        public ClassroomViewBrowserTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>Where the screenshots go: next to the test assembly, under screenshots/.</summary>
        public static string ScreenshotFolder
        {
            get { return Path.Combine(AppContext.BaseDirectory, "screenshots"); }
        }

        [Fact]
        public async Task TheLedOnThePageFollowsTheBoardsPresses()
        {
            await ChromiumInstaller.EnsureAsync(Chromium);
            int webPort = FreePorts.Tcp();
            string data = TestServer.NewDataFolder();
            try
            {
                using ServerProcess server = await ServerProcess.StartAsync(
                    "--bind", "127.0.0.1", "--plain-port", "0", "--tls-port", "0", "--web-port", webPort.ToString(), "--data", data,
                    "--cert", TestPki.Shared.ServerCertificatePath, "--key", TestPki.Shared.ServerKeyPath);
                Match web = Regex.Match(server.Output, @"classroom view on (http://[\d.]+:\d+/)");
                Assert.True(web.Success, "no classroom view line in:\n" + server.Output);

                using IPlaywright playwright = await Playwright.CreateAsync();
                await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Chromium,
                    Headless = true,
                });
                IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 560 } });
                await page.GotoAsync(web.Groups[1].Value);
                await page.Locator("#status.live").WaitForAsync(new LocatorWaitForOptions { Timeout = WaitMs });

                // One press: LED on, on the board and on the page.
                await PressAsync(server, presses: 1);
                await page.Locator("#device-" + DeviceId + " .led[data-led='on']").WaitForAsync(new LocatorWaitForOptions { Timeout = WaitMs });
                Assert.Contains("05=0001", await page.Locator("#device-" + DeviceId).InnerTextAsync());
                Assert.Contains("W" + DeviceId + "050001", await page.Locator("#feed").InnerTextAsync());
                await ScreenshotAsync(page, "classroom-led-on.png");

                // The board restarts with its LED off; two presses: on, then off. The page ends unlit.
                await PressAsync(server, presses: 2);
                await page.Locator("#device-" + DeviceId + " .led[data-led='off']").WaitForAsync(new LocatorWaitForOptions { Timeout = WaitMs });
                Assert.Contains("05=0000", await page.Locator("#device-" + DeviceId).InnerTextAsync());
                await ScreenshotAsync(page, "classroom-led-off.png");
            }
            finally
            {
                if (Directory.Exists(data))
                {
                    Directory.Delete(data, recursive: true);
                }
            }
        }

        [Fact]
        public async Task EveryDeviceShowsItsRegistersTransportIdentityAndPeer()
        {
            await ChromiumInstaller.EnsureAsync(Chromium);
            string data = TestServer.NewDataFolder();
            try
            {
                using ServerProcess server = await ServerProcess.StartAsync(
                    "--bind", "127.0.0.1", "--plain-port", "0", "--tls-port", "0", "--web-port", FreePorts.Tcp().ToString(), "--data", data,
                    "--cert", TestPki.Shared.ServerCertificatePath, "--key", TestPki.Shared.ServerKeyPath,
                    "--require-client-cert", "--client-ca", TestPki.Shared.CaPath, "--allow-plain");
                string url = Regex.Match(server.Output, @"classroom view on (http://[\d.]+:\d+/)").Groups[1].Value;

                // A classroom: boards in the clear, one with its device certificate over TLS, one refused write.
                using System.Security.Cryptography.X509Certificates.X509Certificate2 board = TestPki.Shared.IssueClient("02E8");
                foreach (string request in new[] { "W0FAC050001", "W0FAC0B1234", "W1A2B050000", "W1A2B0C00FF", "W3C7D050001" })
                {
                    Assert.Equal("A" + request.Substring(1), await WwepTestClient.RequestAsync(server.Plain, request));
                }

                Assert.Equal("A02E8050001", await WwepTestClient.RequestAsync(server.Tls, "W02E8050001", tls: true, board));
                Assert.Equal("X", await WwepTestClient.RequestAsync(server.Tls, "W0FAC050000", tls: true, board));

                using IPlaywright playwright = await Playwright.CreateAsync();
                await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
                IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 640 } });
                await page.GotoAsync(url);
                await page.Locator("#device-3C7D").WaitForAsync(new LocatorWaitForOptions { Timeout = WaitMs });

                string tlsCard = await page.Locator("#device-02E8").InnerTextAsync();
                Assert.Contains("TLS", tlsCard);
                Assert.Contains("CN=02E8", tlsCard);
                Assert.Contains("127.0.0.1:", tlsCard);
                Assert.Contains("0B=1234", await page.Locator("#device-0FAC").InnerTextAsync());
                Assert.Equal(4, await page.Locator(".device").CountAsync());
                Assert.Equal(3, await page.Locator(".led[data-led='on']").CountAsync()); // 0FAC, 02E8 and 3C7D lit
                Assert.Contains("not the client certificate's", await page.Locator("#feed").InnerTextAsync());
                await ScreenshotAsync(page, "classroom-overview.png");
            }
            finally
            {
                if (Directory.Exists(data))
                {
                    Directory.Delete(data, recursive: true);
                }
            }
        }

        private async Task PressAsync(ServerProcess server, int presses)
        {
            var (exit, output) = await ToolRun.RunAsync(
                TimeSpan.FromSeconds(60),
                "dotnet",
                Path.Combine(AppContext.BaseDirectory, "WwepSimulator.dll"), "--host", "127.0.0.1", "--mode", "plain",
                "--plain-port", server.Plain.Port.ToString(), "--mac", Mac, "--presses", presses.ToString(), "--interval", "400");
            _output.WriteLine("simulator, " + presses + " press(es): exit " + exit + "\n" + output);
            Assert.True(exit == 0, "the simulated board's final state was not stored:\n" + output);
        }

        private async Task ScreenshotAsync(IPage page, string name)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            string path = Path.Combine(ScreenshotFolder, name);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            _output.WriteLine("screenshot: " + path);
        }
    }
}
