using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace WwepServer.Benchmark
{
    /// <summary>
    /// A classroom page left open during the run: loads the page, then reads the server's event stream to the end,
    /// counting the updates it pushes, as a browser's EventSource would.
    /// </summary>
    public sealed class LiveViewSubscriber : IAsyncDisposable
    {
        private readonly HttpClient _http;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _reading;
        private long _updates;
        private long _transactionsShown;

        private LiveViewSubscriber(HttpClient http)
        {
            _http = http;
            _reading = Task.Run(ReadAsync);
        }

        /// <summary>Updates received so far.</summary>
        public long Updates
        {
            get { return Interlocked.Read(ref _updates); }
        }

        /// <summary>Opens the page and subscribes.</summary>
        /// <param name="web">The classroom view's address.</param>
        /// <returns>The subscriber, reading.</returns>
        public static async Task<LiveViewSubscriber> OpenAsync(IPEndPoint web)
        {
            var http = new HttpClient { BaseAddress = new Uri("http://" + web), Timeout = Timeout.InfiniteTimeSpan };
            string page = await http.GetStringAsync("/");
            if (!page.Contains("EventSource", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the classroom page at " + web + " does not subscribe to events");
            }

            return new LiveViewSubscriber(http);
        }

        /// <summary>One line for the report.</summary>
        /// <returns>What the page received.</returns>
        public string Describe()
        {
            return Updates + " update(s) pushed to the open page (" + Interlocked.Read(ref _transactionsShown) + " transaction(s) in them; the page keeps the newest)";
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            try
            {
                await _reading.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException || e is IOException || e is HttpRequestException)
            {
                // Closing the page mid-stream.
            }

            _http.Dispose();
            _stop.Dispose();
        }

        private async Task ReadAsync()
        {
            using HttpResponseMessage response = await _http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, _stop.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token).ConfigureAwait(false));
            while (await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false) is string line)
            {
                if (line == "event: update")
                {
                    Interlocked.Increment(ref _updates);
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    Interlocked.Add(ref _transactionsShown, CountOf(line, "\"request\":"));
                }
            }
        }

        private static long CountOf(string text, string fragment)
        {
            long count = 0;
            for (int at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + fragment.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}
