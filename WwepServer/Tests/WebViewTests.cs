using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>
    /// The classroom view over real HTTP: the JSON of every device, the event stream that pushes a write within a
    /// second, read-only, and a port it cannot have reported in one line while WWEP goes on. (The page itself in a
    /// real browser: WwepServer/WebView.Tests.)
    /// </summary>
    public sealed class WebViewTests
    {
        [Fact]
        public async Task ApiDevicesShowsRegistersLedTransportAndPeer()
        {
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            Assert.Equal("A0FAC050001", await WwepTestClient.RequestAsync(server.Plain, "W0FAC050001"));
            Assert.Equal("A0FAC0B1234", await WwepTestClient.RequestAsync(server.Tls, "W0fac0b1234", tls: true));
            using var http = new HttpClient { BaseAddress = new Uri("http://" + PeerName.Format(server.Host.Web!.EndPoint)) };

            JsonElement device = default;
            await LimitTests.WaitUntilAsync(() =>
            {
                using JsonDocument json = JsonDocument.Parse(http.GetStringAsync("/api/devices").GetAwaiter().GetResult());
                if (json.RootElement.GetArrayLength() == 1 && System.Linq.Enumerable.Count(json.RootElement[0].GetProperty("registers").EnumerateObject()) == 2)
                {
                    device = json.RootElement[0].Clone();
                    return true;
                }

                return false;
            });
            Assert.Equal("0FAC", device.GetProperty("id").GetString());
            Assert.True(device.GetProperty("led").GetBoolean());
            Assert.Equal("0001", device.GetProperty("registers").GetProperty("05").GetString());
            Assert.Equal("1234", device.GetProperty("registers").GetProperty("0B").GetString());
            Assert.Equal("TLS", device.GetProperty("transport").GetString());
            Assert.StartsWith("127.0.0.1:", device.GetProperty("peer").GetString());
            Assert.InRange(device.GetProperty("lastWrite").GetDateTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));

            HttpResponseMessage post = await http.PostAsync("/api/devices", new StringContent("{}"));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
            string page = await http.GetStringAsync("/");
            Assert.Contains("new EventSource(\"/events\")", page);
        }

        [Fact]
        public async Task TheEventStreamPushesAWriteWithinASecond()
        {
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            using var http = new HttpClient { BaseAddress = new Uri("http://" + PeerName.Format(server.Host.Web!.EndPoint)), Timeout = Timeout.InfiniteTimeSpan };
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            using HttpResponseMessage response = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, bound.Token);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(bound.Token));
            Assert.Equal("event: snapshot", await reader.ReadLineAsync(bound.Token));
            await reader.ReadLineAsync(bound.Token); // its data
            await reader.ReadLineAsync(bound.Token); // blank line

            DateTime written = DateTime.UtcNow;
            Assert.Equal("A02E8050001", await WwepTestClient.RequestAsync(server.Plain, "W02E8050001"));
            Assert.Equal("event: update", await reader.ReadLineAsync(bound.Token));
            string? data = await reader.ReadLineAsync(bound.Token);
            TimeSpan delay = DateTime.UtcNow - written;
            Assert.NotNull(data);
            Assert.Contains("\"id\":\"02E8\"", data);
            Assert.Contains("\"led\":true", data);
            Assert.Contains("\"online\":true", data);
            Assert.Contains("\"request\":\"W02E8050001\"", data);
            Assert.True(delay < TimeSpan.FromSeconds(1), "the update took " + delay.TotalMilliseconds + " ms");
        }

        [Fact]
        public async Task APortInUseIsOneLineAndWwepIsStillServed()
        {
            using Socket holder = FreePorts.HoldTcp(out int port);
            await using var server = TestServer.Start(configure: o => o.WebPort = port);
            Assert.Null(server.Host.Web);
            string line = Assert.Single(StartupBanner.Lines(server.Host, server.Options), l => l.Contains("web view", StringComparison.Ordinal) || l.Contains("classroom view", StringComparison.Ordinal));
            Assert.Contains("cannot listen on 127.0.0.1:" + port, line);
            Assert.Contains("--web-port", line);
            Assert.Equal("A0FAC050001", await WwepTestClient.RequestAsync(server.Plain, "W0FAC050001"));
        }
    }
}
