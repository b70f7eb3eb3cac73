using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Playwright;
using WwepServer.Tests;
using Xunit;
using Xunit.Abstractions;

namespace WwepServer.WebView.Tests
{
    /// <summary>
    /// A class of forty on the classroom view, in Debian's Chromium: on a projector (1280x800) every board's card is on
    /// screen at once, the failing ones marked and first, and the failures no board can be named for are listed apart,
    /// not counted as boards; on a phone (390x844) nothing scrolls sideways. The screenshots are README's.
    /// </summary>
    public sealed class ClassroomRoomBrowserTests
    {
        private const string Chromium = "/usr/bin/chromium";
        private const int Boards = 40;
        private static readonly float WaitMs = 15_000;

        private static readonly string[] Names =
        {
            "Ada", "Alan", "Barbara", "Claude", "Dennis", "Donald", "Edsger", "Frances", "Grace", "Hedy",
            "Ivan", "Jean", "John", "Karen", "Ken", "Leslie", "Linus", "Margaret", "Mary", "Niklaus",
            "Ole-Johan", "Radia", "Richard", "Robin", "Shafi", "Sophie", "Tim", "Tony", "Vint", "Whitfield",
            "Adele", "Bjarne", "Carol", "Dorothy", "Evelyn", "Fran", "Guido", "Hal", "Irene", "Joan",
        };

        private readonly ITestOutputHelper _output;

        public ClassroomRoomBrowserTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task FortyBoardsFitAProjectorAndAPhoneWithFailuresMarkedAndStrangersApart()
        {
            await ChromiumInstaller.EnsureAsync(Chromium);
            string data = TestServer.NewDataFolder();
            string roster = Path.Combine(Path.GetTempPath(), "wwep-roster-" + Guid.NewGuid().ToString("N") + ".csv");
            string[] ids = Enumerable.Range(1, Boards).Select(i => (0x1000 + i).ToString("X4")).ToArray();
            File.WriteAllText(roster, "device ID,name\n" + string.Concat(ids.Select((id, i) => id + "," + Names[i] + " " + (char)('A' + (i % 26)) + ".\n")));
            try
            {
                using ServerProcess server = await ServerProcess.StartAsync(
                    "--bind", "127.0.0.1", "--plain-port", "0", "--tls-port", "0", "--web-port", FreePorts.Tcp().ToString(), "--data", data,
                    "--cert", TestPki.Shared.ServerCertificatePath, "--key", TestPki.Shared.ServerKeyPath,
                    "--require-client-cert", "--client-ca", TestPki.Shared.CaPath, "--allow-plain", "--roster", roster);
                string url = Regex.Match(server.Output, @"classroom view on (http://[\d.]+:\d+/)").Groups[1].Value;

                // Thirty-six boards that work, all from this one machine (so 127.0.0.1 stands for none of them).
                for (int i = 0; i < Boards - 4; i++)
                {
                    string write = "W" + ids[i] + "05000" + (i % 3 == 0 ? "0" : "1");
                    Assert.Equal("A" + write.Substring(1), await WwepTestClient.RequestAsync(server.Plain, write));
                }

                using IPlaywright playwright = await Playwright.CreateAsync();
                await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
                IPage projector = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
                await projector.GotoAsync(url);
                await projector.WaitForFunctionAsync("n => document.querySelectorAll('.device.online').length >= n", Boards - 4, new PageWaitForFunctionOptions { Timeout = WaitMs });

                // Four boards failing in four ways, each known by its certificate or its request; then three strangers.
                using X509Certificate2 expired = TestPki.Shared.IssueClient(ids[36], DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-2));
                using var otherPki = new TestPki("WWEP TEST ONLY other CA");
                using X509Certificate2 stranger = otherPki.IssueClient(ids[37]);
                using X509Certificate2 borrower = TestPki.Shared.IssueClient(ids[38]);
                Assert.Equal(string.Empty, await ReplyOrEmptyAsync(server, expired, "W" + ids[36] + "050001"));
                Assert.Equal(string.Empty, await ReplyOrEmptyAsync(server, stranger, "W" + ids[37] + "050001"));
                Assert.Equal("X", await ReplyOrEmptyAsync(server, borrower, "W" + ids[0] + "050001"));
                Assert.Equal(string.Empty, await WwepTestClient.SendRawAsync(server.Tls, Encoding.Latin1.GetBytes("W" + ids[39] + "050001")));

                byte[] hello = await ClientHelloCapture.CaptureAsync("wwep.local", System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
                Assert.Equal("X", await WwepTestClient.SendRawAsync(server.Plain, hello));
                for (int i = 0; i < 3; i++)
                {
                    Assert.Equal(string.Empty, await WwepTestClient.SendRawAsync(server.Tls, new byte[] { 1, 2, 3 }, from: "127.0.0.77"));
                }

                Assert.Equal("X", await WwepTestClient.SendRawAsync(server.Plain, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n\r\n"), from: "127.0.0.78"));

                await projector.WaitForFunctionAsync("() => document.querySelectorAll('.device.failing').length === 4 && document.querySelectorAll('.unidentified').length === 3"
                    + " && document.querySelector(\".unidentified[data-address='127.0.0.77'] .count\").textContent === '\u00d73'", null, new PageWaitForFunctionOptions { Timeout = WaitMs });

                // Every card on the projector's screen, none scrolled to.
                Assert.Equal(Boards, await projector.Locator(".device").CountAsync());
                string[] outside = await projector.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('.device')].filter(c => { const r = c.getBoundingClientRect(); return r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight; }).map(c => c.dataset.key)");
                Assert.True(outside.Length == 0, "cards outside 1280x800: " + string.Join(" ", outside));
                Assert.Equal(0, await projector.EvaluateAsync<int>("() => scrollY"));

                // The failing ones are marked and come first; the strangers are no boards.
                string[] failing = await projector.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.device.failing')].map(c => c.dataset.key)");
                Assert.Equal(ids.Skip(36).OrderBy(id => id, StringComparer.Ordinal), failing.OrderBy(id => id, StringComparer.Ordinal));
                string[] firstFour = await projector.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.device')].slice(0, 4).map(c => c.dataset.key)");
                Assert.Equal(failing.OrderBy(id => id, StringComparer.Ordinal), firstFour.OrderBy(id => id, StringComparer.Ordinal));
                string room = await projector.Locator("#totals").InnerTextAsync();
                Assert.Contains("boards seen 40", room);
                Assert.Contains("failing 4", room);
                Assert.Contains("from no known board 5 (3 addresses)", room);
                Assert.Equal(0, await projector.Locator("#device-127-0-0-77, #device-127-0-0-78, #device-127-0-0-1").CountAsync());
                string strangers = await projector.Locator("#unidentified-list").InnerTextAsync();
                Assert.Contains("tls-on-plain-port", strangers);
                Assert.Contains("http-on-wwep-port", strangers);
                Assert.Contains("the classroom view is at " + url + ";", strangers); // this server's port, not 8080

                // A failing board's cause and fix are one click away, with this server's numbers.
                await projector.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("classroom-room-1280.png") });
                Assert.Contains("Fix: make a new one: dotnet run --project certs/tool -- device --id " + ids[36], await DetailsAsync(projector, ids[36]));
                Assert.Contains("client-cert-other-ca", await DetailsAsync(projector, ids[37]));
                Assert.Contains("other-device", await DetailsAsync(projector, ids[38]));
                Assert.Contains("send plain WWEP to the plain port (" + server.Plain.Port + ";", await DetailsAsync(projector, ids[39]));
                await projector.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("classroom-room-1280-details.png") });
                await projector.Keyboard.PressAsync("Escape");
                Assert.True(await projector.Locator("#detail").IsHiddenAsync());

                // One control orders the room: by ID, by name.
                await projector.Locator("#sort").SelectOptionAsync("id");
                Assert.Equal(ids[0], await projector.Locator(".device").First.GetAttributeAsync("data-key"));
                await projector.Locator("#sort").SelectOptionAsync("name");
                Assert.Equal("Ada A.", await projector.Locator(".device").First.Locator(".name").InnerTextAsync());
                Assert.Equal("Whitfield D.", await projector.Locator(".device").Last.Locator(".name").InnerTextAsync());

                // A phone: the same room, nothing wider than the screen, the feed's reply column on it.
                IPage phone = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
                await phone.GotoAsync(url);
                await phone.WaitForFunctionAsync("() => document.querySelectorAll('.device.failing').length === 4", null, new PageWaitForFunctionOptions { Timeout = WaitMs });
                Assert.Equal(Boards, await phone.Locator(".device").CountAsync());
                int width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(width <= 390, "the phone page is " + width + " px wide");
                double widest = await phone.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('body *')].filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect().right))");
                Assert.True(widest <= 390.5, "an element ends at " + widest + " px");
                LocatorBoundingBoxResult? reply = await phone.Locator("#feed tr").First.Locator("td.c-reply").BoundingBoxAsync();
                Assert.True(reply != null && reply.Width > 40 && reply.X + reply.Width <= 390, "the reply column is not on the phone's screen");
                await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("classroom-room-390.png") });
                await phone.Locator("#device-" + ids[36]).TapAsync();
                Assert.Contains("Fix: ", await phone.Locator("#detail").InnerTextAsync());
                Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the details scroll sideways");
                await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("classroom-room-390-details.png") });
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

        // A refused client certificate ends the connection during the handshake (TLS 1.2) or right after it (TLS 1.3).
        private static async Task<string> ReplyOrEmptyAsync(ServerProcess server, X509Certificate2 certificate, string request)
        {
            try
            {
                return await WwepTestClient.RequestAsync(server.Tls, request, tls: true, certificate);
            }
            catch (Exception e) when (e is System.Security.Authentication.AuthenticationException || e is IOException)
            {
                return string.Empty;
            }
        }

        private static Task<string> DetailsAsync(IPage page, string key)
        {
            return ClassroomViewBrowserTests.DetailsAsync(page, key);
        }

        private string Screenshot(string name)
        {
            Directory.CreateDirectory(ClassroomViewBrowserTests.ScreenshotFolder);
            string path = Path.Combine(ClassroomViewBrowserTests.ScreenshotFolder, name);
            _output.WriteLine("screenshot: " + path);
            return path;
        }
    }
}
