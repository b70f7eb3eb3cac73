using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
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
                Assert.Contains("05=0001", await DetailsAsync(page, DeviceId));
                Assert.Contains("W" + DeviceId + "050001", await page.Locator("#feed").InnerTextAsync());
                await ScreenshotAsync(page, "classroom-led-on.png");

                // The board restarts with its LED off; two presses: on, then off. The page ends unlit.
                await PressAsync(server, presses: 2);
                await page.Locator("#device-" + DeviceId + " .led[data-led='off']").WaitForAsync(new LocatorWaitForOptions { Timeout = WaitMs });
                Assert.Contains("05=0000", await DetailsAsync(page, DeviceId));
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

                string tlsCard = await DetailsAsync(page, "02E8");
                Assert.Contains("TLS", tlsCard);
                Assert.Contains("CN=02E8", tlsCard);
                Assert.Contains("127.0.0.1:", tlsCard);
                Assert.Contains("0B=1234", await DetailsAsync(page, "0FAC"));
                Assert.Equal(4, await page.Locator(".device").CountAsync());
                Assert.Equal(3, await page.Locator("#devices .led[data-led='on']").CountAsync()); // 0FAC, 02E8 and 3C7D lit
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

        // The room as the teacher sees it at 1280 px: a board whose device certificate expired (its card names the cause
        // and the fix, with the student's name from the roster), boards online with their last seen, one on the roster
        // not seen, and a TLS ClientHello sent to the plain port, whose reply column stays on screen. This test's
        // screenshot is kept with the others.
        [Fact]
        public async Task TheRoomShowsAFailingBoardItsNameOnlineLastSeenAndKeepsTheReplyColumnOnScreen()
        {
            await ChromiumInstaller.EnsureAsync(Chromium);
            string data = TestServer.NewDataFolder();
            string roster = Path.Combine(Path.GetTempPath(), "wwep-roster-" + Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllText(roster, "device ID,name\n0FAC,Ada Lovelace\n02E8,Grace Hopper\n1A2B,Alan Turing\n3C7D,Katherine Johnson\n4E5F,Hedy Lamarr\n");
            try
            {
                using ServerProcess server = await ServerProcess.StartAsync(
                    "--bind", "127.0.0.1", "--plain-port", "0", "--tls-port", "0", "--web-port", FreePorts.Tcp().ToString(), "--data", data,
                    "--cert", TestPki.Shared.ServerCertificatePath, "--key", TestPki.Shared.ServerKeyPath,
                    "--require-client-cert", "--client-ca", TestPki.Shared.CaPath, "--allow-plain", "--roster", roster);
                string url = Regex.Match(server.Output, @"classroom view on (http://[\d.]+:\d+/)").Groups[1].Value;

                // Two boards in the clear from one machine, one over mutual TLS, one whose certificate has expired.
                foreach (string request in new[] { "W1A2B050001", "W3C7D050000" })
                {
                    Assert.Equal("A" + request.Substring(1), await WwepTestClient.RequestAsync(server.Plain, request));
                }

                using X509Certificate2 grace = TestPki.Shared.IssueClient("02E8");
                Assert.Equal("A02E8050001", await WwepTestClient.RequestAsync(server.Tls, "W02E8050001", tls: true, grace));

                using IPlaywright playwright = await Playwright.CreateAsync();
                await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
                IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
                await page.GotoAsync(url);

                // The view has every good board (so 127.0.0.1 has carried several devices and stands for itself) before
                // the failures come, live.
                foreach (string id in new[] { "1A2B", "3C7D", "02E8" })
                {
                    await page.Locator("#device-" + id + ".online").WaitForAsync(new LocatorWaitForOptions { Timeout = WaitMs });
                }

                using X509Certificate2 expired = TestPki.Shared.IssueClient("0FAC", DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-2));
                string refused;
                try
                {
                    refused = await WwepTestClient.RequestAsync(server.Tls, "W0FAC050001", tls: true, expired);
                }
                catch (Exception e) when (e is System.Security.Authentication.AuthenticationException || e is IOException)
                {
                    refused = string.Empty; // TLS 1.2: the handshake fails; TLS 1.3: the connection closes after it
                }

                Assert.Equal(string.Empty, refused);

                // Garbage: a TLS ClientHello on the plain port.
                byte[] hello = await ClientHelloCapture.CaptureAsync("wwep.local", System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
                Assert.Equal("X", await WwepTestClient.SendRawAsync(server.Plain, hello));
                await page.Locator("#unidentified-list .unidentified[data-address='127.0.0.1'][data-cause='tls-on-plain-port']").WaitForAsync(new LocatorWaitForOptions { Timeout = WaitMs });

                // The failing board: its name, online, last seen today (a time without a date), the cause and the fix.
                ILocator ada = page.Locator("#device-0FAC.failing");
                await ada.WaitForAsync(new LocatorWaitForOptions { Timeout = WaitMs });
                string face = await ada.InnerTextAsync();
                Assert.Contains("Ada Lovelace", face);
                Assert.Contains("online", face);
                Assert.Contains("client-cert-expired", face);
                string card = await DetailsAsync(page, "0FAC");
                Assert.Matches(@"last seen \d{2}:\d{2}:\d{2}", card);
                Assert.Contains("Failing: the board's device certificate has expired", card);
                Assert.Contains("Fix: make a new one: dotnet run --project certs/tool -- device --id 0FAC", card);
                Assert.Contains("client-cert-expired", card);

                Assert.Contains("Grace Hopper", await page.Locator("#device-02E8.online").InnerTextAsync());
                Assert.Contains("not seen", await page.Locator("#device-4E5F").InnerTextAsync());
                string room = await page.Locator("#totals").InnerTextAsync();
                Assert.Contains("boards seen 4", room); // 127.0.0.1 carried two of them and the ClientHello: no board of its own
                Assert.Contains("from no known board 1 (1 address)", room);
                Assert.Contains("on the roster, not seen 1", room);
                Assert.Contains("client-cert-expired 1", room);
                Assert.Contains("tls-on-plain-port 1", room);

                // The ClientHello's row: escaped, cut, and the reply column still inside the 1280 px.
                ILocator garbage = page.Locator("#feed tr", new PageLocatorOptions { HasText = "\\x16\\x03" });
                await garbage.WaitForAsync(new LocatorWaitForOptions { Timeout = WaitMs });
                LocatorBoundingBoxResult? reply = await garbage.Locator("td").Nth(5).BoundingBoxAsync();
                Assert.NotNull(reply);
                Assert.True(reply!.X + reply.Width <= 1280, "the reply column ends at " + (reply.X + reply.Width) + " px");
                Assert.StartsWith("X", await garbage.Locator("td").Nth(5).InnerTextAsync());
                Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 1280, "the page scrolls sideways");
                await ScreenshotAsync(page, "classroom-view.png");

                // The same room seen the next day: "last seen" carries its date; online is judged by the server's clock.
                IPage tomorrow = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
                await tomorrow.Clock.SetFixedTimeAsync(DateTime.Now.AddDays(1));
                await tomorrow.GotoAsync(url);
                ILocator later = tomorrow.Locator("#device-0FAC.failing");
                await later.WaitForAsync(new LocatorWaitForOptions { Timeout = WaitMs });
                Assert.Matches(@"last seen \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", await DetailsAsync(tomorrow, "0FAC"));
            }
            finally
            {
                File.Delete(roster);
                if (Directory.Exists(data))
                {
                    Directory.Delete(data, recursive: true);
                }
            }
        }

        // Opens a board's details with a click on its card, as a teacher would, and reads them.
        internal static async Task<string> DetailsAsync(IPage page, string key)
        {
            // Closed first: the panel may cover the card, and a click on the open board's card closes it.
            await page.Keyboard.PressAsync("Escape");
            await page.Locator("#device-" + key).ClickAsync();
            ILocator panel = page.Locator("#detail");
            await panel.Locator(".id", new LocatorLocatorOptions { HasText = key }).WaitForAsync(new LocatorWaitForOptions { Timeout = WaitMs });
            return await panel.InnerTextAsync();
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
