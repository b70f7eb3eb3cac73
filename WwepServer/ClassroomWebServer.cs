using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>
    /// The read-only classroom view (ASP.NET Core): a page with every device's LED and registers, <c>GET /api/devices</c>
    /// and <c>GET /api/unidentified</c> (the failures that belong to no known board) as JSON, and <c>GET /events</c>, a Server-Sent Events stream that pushes each change. One background task reads
    /// the <see cref="LiveFeed"/>, applies what arrived, and sends one update per round to every open page, at most
    /// ten rounds a second: a busy classroom costs the server a few small messages a second, not one per write.
    /// </summary>
    public sealed class ClassroomWebServer : IAsyncDisposable
    {
        // Updates reach the page within this (the issue asks for within a second of each write).
        private static readonly TimeSpan RoundInterval = TimeSpan.FromMilliseconds(100);

        // Keeps proxies and browsers from dropping a quiet stream.
        private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        private readonly WebApplication _app;
        private readonly LiveFeed _feed;
        private readonly ClassroomState _state;
        private readonly object _subscribersLock = new object();
        private readonly List<Channel<string>> _subscribers = new List<Channel<string>>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _fanOut;

        private ClassroomWebServer(WebApplication app, LiveFeed feed, ClassroomState state, IPEndPoint endPoint)
        {
            _app = app;
            _feed = feed;
            _state = state;
            EndPoint = endPoint;
            _fanOut = Task.Run(FanOutAsync);
        }

        /// <summary>Where the page is served.</summary>
        public IPEndPoint EndPoint { get; }

        /// <summary>Pages subscribed to the event stream right now.</summary>
        public int Subscribers
        {
            get
            {
                lock (_subscribersLock)
                {
                    return _subscribers.Count;
                }
            }
        }

        /// <summary>Starts the view, or says in one line why it cannot (WWEP is served regardless).</summary>
        /// <param name="address">The WWEP bind address.</param>
        /// <param name="port">The HTTP port.</param>
        /// <param name="store">The registers (devices stored before this start are shown too).</param>
        /// <param name="feed">The transactions and failures as they happen.</param>
        /// <param name="roster">Names for the boards.</param>
        /// <param name="failures">The failure counts, for the totals.</param>
        /// <param name="loggerFactory">Logging (ASP.NET Core's own events from Warning up).</param>
        /// <param name="problem">When it cannot start: the cause and the fix; else null.</param>
        /// <returns>The running view, or null.</returns>
        public static ClassroomWebServer? TryStart(IPAddress address, int port, RegisterStore store, LiveFeed feed, Roster roster, FailureLog failures, ILoggerFactory loggerFactory, out string? problem)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "WwepServer" });
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();

            // ASP.NET Core's own events only when something is wrong: the console belongs to the transaction lines.
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);

            // The host's own "Hosting failed to start" would come before the line below that says the same with the fix.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(address, port);
            });
            WebApplication app = builder.Build();
            var state = new ClassroomState(store, roster, failures);
            var server = new ClassroomWebServer(app, feed, state, new IPEndPoint(address, port));
            app.MapGet("/", () => Results.Content(Page.Value, "text/html; charset=utf-8"));
            app.MapGet("/api/devices", () => Results.Json(state.Devices(), Json));
            app.MapGet("/api/transactions", () => Results.Json(state.Recent(), Json));
            app.MapGet("/api/unidentified", () => Results.Json(state.Unidentified(), Json));
            app.MapGet("/api/totals", () => Results.Json(state.Totals(), Json));
            app.MapGet("/events", (HttpContext context) => server.StreamAsync(context));
            try
            {
                app.StartAsync().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException || e is SocketException)
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
                string hint = e.InnerException is SocketException socket && socket.SocketErrorCode == SocketError.AccessDenied
                    ? "ports below 1024 need privileges; choose another with --web-port"
                    : "is another program using it? Choose another with --web-port";
                problem = "cannot listen on " + PeerName.Format(new IPEndPoint(address, port)) + " for the classroom view (" + e.Message.Replace('\n', ' ') + "): " + hint + " (0 turns it off)";
                return null;
            }

            problem = null;
            return server;
        }

        /// <summary>Stops the page and its stream.</summary>
        /// <returns>Completes when stopped.</returns>
        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _feed.Complete();
            lock (_subscribersLock)
            {
                foreach (Channel<string> subscriber in _subscribers)
                {
                    subscriber.Writer.TryComplete();
                }
            }

            try
            {
                await _fanOut.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await _app.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _stop.Dispose();
        }

        // The page, read once from the assembly.
        private static readonly Lazy<string> Page = new Lazy<string>(() =>
        {
            using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("WwepServer.ClassroomPage.html")
                ?? throw new InvalidOperationException("ClassroomPage.html is not embedded in the assembly");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        });

        private async Task FanOutAsync()
        {
            ChannelReader<ClassroomEvent> reader = _feed.Reader;
            var changed = new HashSet<string>(StringComparer.Ordinal);
            var transactions = new List<TransactionEvent>();
            while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                changed.Clear();
                transactions.Clear();
                bool unidentifiedChanged = false;
                while (reader.TryRead(out ClassroomEvent? happened))
                {
                    unidentifiedChanged |= _state.Apply(happened, changed);
                    if (happened is TransactionEvent transaction)
                    {
                        transactions.Add(transaction);
                    }
                }

                // Newest first, as the page shows them; a flood sends only what the page keeps.
                transactions.Reverse();
                if (transactions.Count > ClassroomState.RecentCount)
                {
                    transactions.RemoveRange(ClassroomState.RecentCount, transactions.Count - ClassroomState.RecentCount);
                }

                string message = "event: update\ndata: " + JsonSerializer.Serialize(new { devices = _state.Devices(changed), unidentified = unidentifiedChanged ? _state.Unidentified() : null, transactions, totals = _state.Totals() }, Json) + "\n\n";
                Broadcast(message);
                await Task.Delay(RoundInterval, _stop.Token).ConfigureAwait(false);
            }
        }

        private void Broadcast(string message)
        {
            lock (_subscribersLock)
            {
                foreach (Channel<string> subscriber in _subscribers)
                {
                    subscriber.Writer.TryWrite(message);
                }
            }
        }

        private async Task StreamAsync(HttpContext context)
        {
            context.Response.Headers.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers["X-Accel-Buffering"] = "no";

            // A page that cannot keep up loses old updates, never the server's time: each has its own bounded queue.
            Channel<string> queue = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
            lock (_subscribersLock)
            {
                _subscribers.Add(queue);
            }

            CancellationToken gone = context.RequestAborted;
            try
            {
                string snapshot = "event: snapshot\ndata: " + JsonSerializer.Serialize(new { devices = _state.Devices(), unidentified = _state.Unidentified(), transactions = _state.Recent(), totals = _state.Totals() }, Json) + "\n\n";
                await context.Response.WriteAsync(snapshot, gone).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(gone).ConfigureAwait(false);
                while (!gone.IsCancellationRequested)
                {
                    using var beat = CancellationTokenSource.CreateLinkedTokenSource(gone);
                    beat.CancelAfter(Heartbeat);
                    string message;
                    try
                    {
                        if (!await queue.Reader.WaitToReadAsync(beat.Token).ConfigureAwait(false))
                        {
                            return; // the server stops
                        }

                        message = queue.Reader.TryRead(out string? next) ? next : string.Empty;
                    }
                    catch (OperationCanceledException) when (!gone.IsCancellationRequested)
                    {
                        message = ": heartbeat\n\n";
                    }

                    if (message.Length > 0)
                    {
                        await context.Response.WriteAsync(message, gone).ConfigureAwait(false);
                        await context.Response.Body.FlushAsync(gone).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The page was closed.
            }
            finally
            {
                lock (_subscribersLock)
                {
                    _subscribers.Remove(queue);
                }
            }
        }
    }
}
