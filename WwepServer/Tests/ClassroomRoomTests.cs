using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>
    /// The whole room on the classroom view, over real HTTP: every board that connected (those that only failed too), by
    /// device ID or by address, online and last seen, its last failure with cause and fix, the roster's names, totals.
    /// Clients come from several loopback addresses (127.0.0.x), as boards come from several machines.
    /// </summary>
    public sealed class ClassroomRoomTests
    {
        [Fact]
        public async Task EveryBoardIsShownWithItsNameOnlineStateLastFailureAndTheTotals()
        {
            string roster = WriteRoster("device ID,name\n0FAC,Ada\n02e8,Grace\n");
            try
            {
                await using var server = TestServer.Start(configure: o => { o.WebPort = FreePorts.Tcp(); o.RosterPath = roster; });
                Assert.Equal("A0FAC050001", await WwepTestClient.SendRawAsync(server.Plain, Encoding.Latin1.GetBytes("W0FAC050001"), from: "127.0.0.2"));
                Assert.Equal(string.Empty, await WwepTestClient.SendRawAsync(server.Tls, Encoding.Latin1.GetBytes("W1A2B050001"), from: "127.0.0.3"));

                JsonElement ada = await ClassroomApi.WaitForBoardAsync(server, "0FAC", b => b.GetProperty("online").GetBoolean());
                Assert.Equal("Ada", ada.GetProperty("name").GetString());
                Assert.Equal("127.0.0.2", ada.GetProperty("address").GetString());
                Assert.InRange(ada.GetProperty("lastSeen").GetDateTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
                Assert.True(ada.GetProperty("led").GetBoolean());
                Assert.False(ada.GetProperty("failing").GetBoolean());

                // Plain WWEP on the TLS port names its device: the failure is that device's, with this server's plain port.
                JsonElement failure = await ClassroomApi.WaitForFailureAsync(server, "1A2B", "plain-on-tls-port");
                Assert.Equal("W1A2B050001", failure.GetProperty("sent").GetString());
                Assert.Contains("send plain WWEP to the plain port (" + server.Plain.Port + "; the board's PlainPort), or set the board's Mode to Tls", failure.GetProperty("fix").GetString());

                // On the roster, never seen: a card all the same.
                JsonElement boards = await ClassroomApi.BoardsAsync(server);
                JsonElement grace = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "02E8");
                Assert.Equal("Grace", grace.GetProperty("name").GetString());
                Assert.False(grace.GetProperty("online").GetBoolean());
                Assert.Equal(JsonValueKind.Null, grace.GetProperty("lastSeen").ValueKind);
                Assert.Equal(new[] { "02E8", "0FAC", "1A2B" }, boards.EnumerateArray().Select(b => b.GetProperty("key").GetString()).ToArray());

                JsonElement totals = await ClassroomApi.TotalsAsync(server);
                Assert.Equal(2, totals.GetProperty("boardsSeen").GetInt32());
                Assert.Equal(2, totals.GetProperty("online").GetInt32());
                Assert.Equal(1, totals.GetProperty("failing").GetInt32());
                Assert.Equal(1, totals.GetProperty("rosterNotSeen").GetInt32());
                Assert.Equal(1, totals.GetProperty("writes").GetInt64());
                Assert.Equal(1, totals.GetProperty("failures").GetInt64());
                Assert.Equal(0, totals.GetProperty("unidentifiedFailures").GetInt64());
                JsonElement cause = Assert.Single(totals.GetProperty("failuresByCause").EnumerateArray());
                Assert.Equal("plain-on-tls-port", cause.GetProperty("cause").GetString());
                Assert.Equal(1, cause.GetProperty("count").GetInt64());
            }
            finally
            {
                File.Delete(roster);
            }
        }

        // A client that never named a device is no board: its failures are listed apart, by address and cause, counted.
        [Fact]
        public async Task FailuresOfAnAddressThatNamedNoDeviceAreCountedApartNotAsABoard()
        {
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(string.Empty, await WwepTestClient.SendRawAsync(server.Tls, Encoding.Latin1.GetBytes("GET / HTTP/1.1\r\n\r\n"), from: "127.0.0.6"));
            }

            await LimitTests.WaitUntilAsync(() => ClassroomApi.WaitForUnidentifiedAsync(server, "127.0.0.6", "http-on-wwep-port").GetAwaiter().GetResult().GetProperty("count").GetInt64() == 3);
            JsonElement entry = await ClassroomApi.WaitForUnidentifiedAsync(server, "127.0.0.6", "http-on-wwep-port");
            Assert.Contains("the classroom view is at http://127.0.0.1:" + server.Host.Web!.EndPoint.Port + "/", entry.GetProperty("lastFailure").GetProperty("fix").GetString());
            Assert.Empty((await ClassroomApi.BoardsAsync(server)).EnumerateArray());
            JsonElement totals = await ClassroomApi.TotalsAsync(server);
            Assert.Equal(0, totals.GetProperty("boardsSeen").GetInt32());
            Assert.Equal(3, totals.GetProperty("unidentifiedFailures").GetInt64());
            Assert.Equal(1, totals.GetProperty("unidentifiedAddresses").GetInt32());
        }

        // An address that has carried one device stands for it: that address's later failures are the device's.
        [Fact]
        public async Task AnAddressThatCarriedOneDevicePutsItsLaterFailuresOnThatCard()
        {
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            Assert.Equal(string.Empty, await WwepTestClient.SendRawAsync(server.Tls, Encoding.Latin1.GetBytes("\u0001\u0002"), from: "127.0.0.4"));
            await ClassroomApi.WaitForUnidentifiedAsync(server, "127.0.0.4", "not-tls");

            Assert.Equal("A1A2B050001", await WwepTestClient.SendRawAsync(server.Plain, Encoding.Latin1.GetBytes("W1A2B050001"), from: "127.0.0.4"));
            JsonElement board = await ClassroomApi.WaitForBoardAsync(server, "1A2B", b => b.GetProperty("lastWrite").ValueKind == JsonValueKind.String);
            Assert.Equal(JsonValueKind.Null, board.GetProperty("lastFailure").ValueKind); // the earlier failure was nobody's known board's
            Assert.Single((await ClassroomApi.UnidentifiedAsync(server)).EnumerateArray());

            // The same address failing again is the device's failure now.
            Assert.Equal(string.Empty, await WwepTestClient.SendRawAsync(server.Tls, Encoding.Latin1.GetBytes("GET / HTTP/1.1\r\n\r\n"), from: "127.0.0.4"));
            board = await ClassroomApi.WaitForBoardAsync(server, "1A2B", b => b.GetProperty("failing").GetBoolean());
            Assert.Equal("http-on-wwep-port", board.GetProperty("lastFailure").GetProperty("cause").GetString());
        }

        // One address, two devices (a PC running simulators): its failures are neither device's, and no board of their own.
        [Fact]
        public async Task AnAddressThatCarriedTwoDevicesKeepsItsFailuresApart()
        {
            await using var server = TestServer.Start(configure: o => o.WebPort = FreePorts.Tcp());
            Assert.Equal("A0FAC050001", await WwepTestClient.SendRawAsync(server.Plain, Encoding.Latin1.GetBytes("W0FAC050001"), from: "127.0.0.5"));
            Assert.Equal("A02E8050001", await WwepTestClient.SendRawAsync(server.Plain, Encoding.Latin1.GetBytes("W02E8050001"), from: "127.0.0.5"));

            // Events of different connections reach the view in the order they end, not the order the client sent them:
            // the second write must be in before the failure is, or the address still stands for the first device.
            await ClassroomApi.WaitForBoardAsync(server, "02E8", b => b.GetProperty("lastWrite").ValueKind == JsonValueKind.String);
            Assert.Equal(string.Empty, await WwepTestClient.SendRawAsync(server.Tls, Encoding.Latin1.GetBytes("\u0001\u0002"), from: "127.0.0.5"));

            await ClassroomApi.WaitForFailureAsync(server, "127.0.0.5", "not-tls");
            JsonElement boards = await ClassroomApi.BoardsAsync(server);
            Assert.Equal(2, boards.GetArrayLength());
            Assert.All(boards.EnumerateArray(), b => Assert.Equal(JsonValueKind.Null, b.GetProperty("lastFailure").ValueKind));
        }

        [Fact]
        public async Task ABadRosterLineStopsTheStartWithOneLineNamingFileAndLine()
        {
            string roster = WriteRoster("id,name\n0FAC,Ada\n0FA,Bob\n");
            try
            {
                var (exit, stdout, stderr) = await ServerProcess.RunToExitAsync(Directory.GetCurrentDirectory(),
                    "--bind", "127.0.0.1", "--plain-port", "0", "--tls-port", "0", "--roster", roster,
                    "--cert", TestPki.Shared.ServerCertificatePath, "--key", TestPki.Shared.ServerKeyPath);
                Assert.Equal(2, exit);
                Assert.Equal("error: roster " + roster + " line 3 '0FA,Bob': '0FA' is not a device ID (4 hex digits such as 0FAC); each line is: device ID,name", stderr.Trim());
                Assert.Equal(string.Empty, stdout.Trim());
            }
            finally
            {
                File.Delete(roster);
            }
        }

        private static string WriteRoster(string text)
        {
            string path = Path.Combine(Path.GetTempPath(), "wwep-roster-" + Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllText(path, text);
            return path;
        }
    }
}
