using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace WwepServer.Tests
{
    /// <summary>The classroom view's JSON as a test reads it: the boards of /api/devices and the totals of /api/totals.</summary>
    public static class ClassroomApi
    {
        /// <summary>The boards, once one satisfies the condition (the view applies events on its own task).</summary>
        /// <param name="server">A server with the view on.</param>
        /// <param name="key">The board's card key: its device ID or its address.</param>
        /// <param name="condition">What the board must show.</param>
        /// <returns>That board.</returns>
        public static async Task<JsonElement> WaitForBoardAsync(TestServer server, string key, Func<JsonElement, bool> condition)
        {
            using var http = Client(server);
            JsonElement found = default;
            await LimitTests.WaitUntilAsync(() =>
            {
                using JsonDocument json = JsonDocument.Parse(http.GetStringAsync("/api/devices").GetAwaiter().GetResult());
                JsonElement? board = json.RootElement.EnumerateArray().Where(b => b.GetProperty("key").GetString() == key).Select(b => (JsonElement?)b.Clone()).FirstOrDefault();
                if (board != null && condition(board.Value))
                {
                    found = board.Value;
                    return true;
                }

                return false;
            });
            return found;
        }

        /// <summary>The board once its last failure has the cause.</summary>
        /// <param name="server">A server with the view on.</param>
        /// <param name="key">The board's card key, or an address: then the unidentified failures of that address.</param>
        /// <param name="cause">The cause's code, for example <c>untrusted-server</c>.</param>
        /// <returns>The board's last failure, or the address's last of that cause.</returns>
        public static async Task<JsonElement> WaitForFailureAsync(TestServer server, string key, string cause)
        {
            if (System.Net.IPAddress.TryParse(key, out _))
            {
                JsonElement entry = await WaitForUnidentifiedAsync(server, key, cause);
                return entry.GetProperty("lastFailure");
            }

            JsonElement board = await WaitForBoardAsync(server, key, b =>
                b.GetProperty("lastFailure").ValueKind == JsonValueKind.Object && b.GetProperty("lastFailure").GetProperty("cause").GetString() == cause);
            return board.GetProperty("lastFailure");
        }

        /// <summary>The unidentified failures of one address and cause, once there are some.</summary>
        /// <param name="server">A server with the view on.</param>
        /// <param name="address">The client address.</param>
        /// <param name="cause">The cause's code.</param>
        /// <returns>The entry (address, count, lastFailure).</returns>
        public static async Task<JsonElement> WaitForUnidentifiedAsync(TestServer server, string address, string cause)
        {
            using var http = Client(server);
            JsonElement found = default;
            await LimitTests.WaitUntilAsync(() =>
            {
                using JsonDocument json = JsonDocument.Parse(http.GetStringAsync("/api/unidentified").GetAwaiter().GetResult());
                JsonElement? entry = json.RootElement.EnumerateArray()
                    .Where(e => e.GetProperty("address").GetString() == address && e.GetProperty("lastFailure").GetProperty("cause").GetString() == cause)
                    .Select(e => (JsonElement?)e.Clone()).FirstOrDefault();
                found = entry ?? default;
                return entry != null;
            });
            return found;
        }

        /// <summary>Every unidentified failure entry now.</summary>
        /// <param name="server">A server with the view on.</param>
        /// <returns>The JSON array.</returns>
        public static async Task<JsonElement> UnidentifiedAsync(TestServer server)
        {
            using var http = Client(server);
            using JsonDocument json = JsonDocument.Parse(await http.GetStringAsync("/api/unidentified"));
            return json.RootElement.Clone();
        }

        /// <summary>Every board now.</summary>
        /// <param name="server">A server with the view on.</param>
        /// <returns>The JSON array.</returns>
        public static async Task<JsonElement> BoardsAsync(TestServer server)
        {
            using var http = Client(server);
            using JsonDocument json = JsonDocument.Parse(await http.GetStringAsync("/api/devices"));
            return json.RootElement.Clone();
        }

        /// <summary>The totals now.</summary>
        /// <param name="server">A server with the view on.</param>
        /// <returns>The JSON object.</returns>
        public static async Task<JsonElement> TotalsAsync(TestServer server)
        {
            using var http = Client(server);
            using JsonDocument json = JsonDocument.Parse(await http.GetStringAsync("/api/totals"));
            return json.RootElement.Clone();
        }

        private static HttpClient Client(TestServer server)
        {
            return new HttpClient { BaseAddress = new Uri("http://" + PeerName.Format(server.Host.Web!.EndPoint)) };
        }
    }
}
