using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>
    /// The running server: the plain and TLS listeners, the connection limit, and the parts every connection shares
    /// (certificate, register store, transaction log). Start it with <see cref="Start"/>, stop it with
    /// <see cref="DisposeAsync"/>.
    /// </summary>
    public sealed class WwepServerHost : IAsyncDisposable
    {
        // Linux values of IPPROTO_TCP, TCP_CORK and TCP_DEFER_ACCEPT (netinet/tcp.h).
        private const int IpProtocolTcp = 6;
        private const int TcpCork = 3;
        private const int TcpDeferAccept = 9;

        // How long the kernel holds a silent plain connection back (TCP_DEFER_ACCEPT, in seconds).
        private const int DeferAcceptSeconds = 1;

        // Several TLS accepts in progress keep a burst of boards from queueing behind one accept call.
        private static readonly int AcceptLoopsPerPort = Math.Max(2, Environment.ProcessorCount);

        // One blocking accept thread per two cores: on 2 cores a second thread only added thread switches (measured).
        private static readonly int PlainAcceptThreads = Math.Max(1, Environment.ProcessorCount / 2);

        // Under a steady stream of boards the accept queue may never run empty; the writes an accept thread has queued
        // are committed after at most this many further connections (served or refused), so their replies wait for a
        // few connections, never for the stream to end.
        private const int PlainConnectionsPerCommit = 32;

        private readonly ServerOptions _options;
        private readonly ILogger _logger;
        private readonly ILoggerFactory _loggerFactory;
        private readonly TransactionLog _transactions;
        private readonly ConnectionHandler _handler;
        private readonly ConnectionLimiter _limiter;
        private readonly LiveFeed? _feed;
        private readonly List<Socket> _listeners = new List<Socket>();
        private readonly List<Task> _acceptLoops = new List<Task>();
        private readonly List<Thread> _acceptThreads = new List<Thread>();
        private readonly ClientCertificatePolicy? _clientPolicy;

        // Ends each period of the failure log: the "... and N more from <address>" lines.
        private readonly Timer _failureCounts;
        private readonly TaskCompletionSource _allClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _stopping;

        private WwepServerHost(ServerOptions options, ILoggerFactory loggerFactory, TextWriter transactionOutput, ServerCertificate certificate, ClientCertificatePolicy? clientPolicy, RegisterStore store, Roster roster)
        {
            Roster = roster;
            _options = options;
            _logger = loggerFactory.CreateLogger("WwepServer");
            Certificate = certificate;
            _clientPolicy = clientPolicy;
            Store = store;
            _transactions = new TransactionLog(transactionOutput);
            _limiter = new ConnectionLimiter(options, _logger);
            _feed = options.WebPort > 0 ? new LiveFeed() : null;
            Failures = new FailureLog(_logger, FailureLog.DefaultPeriod);
            _failureCounts = new Timer(_ => Failures.Flush(), null, FailureLog.DefaultPeriod, FailureLog.DefaultPeriod);
            var tls = new TlsServerSettings(certificate, clientPolicy);
            _handler = new ConnectionHandler(options, new RequestProcessor(store), _transactions, tls, _limiter, _feed, Failures, _logger)
            {
                PlainSilenceBeforeAccept = OperatingSystem.IsLinux() ? TimeSpan.FromSeconds(DeferAcceptSeconds) : TimeSpan.Zero,
            };
            _loggerFactory = loggerFactory;
        }

        /// <summary>Where plain TCP listens (the real port when 0 was asked for), or null with --no-plain.</summary>
        public IPEndPoint? PlainEndPoint { get; private set; }

        /// <summary>Where TLS listens (the real port when 0 was asked for).</summary>
        public IPEndPoint TlsEndPoint { get; private set; } = new IPEndPoint(IPAddress.None, 0);

        /// <summary>The classroom view, or null when it is off or its port could not be had.</summary>
        public ClassroomWebServer? Web { get; private set; }

        /// <summary>Why the classroom view is not served although it was asked for (one line with the fix), or null.</summary>
        public string? WebProblem { get; private set; }

        /// <summary>The mDNS responder, or null when it is off or cannot run.</summary>
        public MdnsResponder? Mdns { get; private set; }

        /// <summary>Why mDNS is not answered although it was asked for (one line with the fix), or null.</summary>
        public string? MdnsProblem { get; private set; }

        /// <summary>The SNTP responder, or null when it is off or its port could not be bound.</summary>
        public SntpResponder? Sntp { get; private set; }

        /// <summary>Why SNTP is not served although it was asked for (one line with the fix), or null.</summary>
        public string? SntpProblem { get; private set; }

        /// <summary>The certificate the TLS port serves.</summary>
        public ServerCertificate Certificate { get; }

        /// <summary>The subject of the CA client certificates must chain to, or null without mutual TLS.</summary>
        public string? ClientCaSubject
        {
            get { return _clientPolicy?.CaSubject; }
        }

        /// <summary>The registers.</summary>
        public RegisterStore Store { get; }

        /// <summary>The boards' names (empty without --roster).</summary>
        public Roster Roster { get; }

        /// <summary>Connections open right now.</summary>
        public int OpenConnections
        {
            get { return _limiter.OpenConnections; }
        }

        /// <summary>Transactions answered so far.</summary>
        public long TransactionCount
        {
            get { return _transactions.TransactionCount; }
        }

        /// <summary>Connections closed at once because the connection limit was reached and none was silent.</summary>
        public long RefusedConnections
        {
            get { return _limiter.GlobalRefusals; }
        }

        /// <summary>The connection limits (their counters show refusals and evictions).</summary>
        public ConnectionLimiter Limiter
        {
            get { return _limiter; }
        }

        /// <summary>Failed connections: counted by cause, logged once per address and cause, then counted per period.</summary>
        public FailureLog Failures { get; }

        /// <summary>The per-connection handler (its counters show which limits were hit).</summary>
        public ConnectionHandler Connections
        {
            get { return _handler; }
        }

        /// <summary>
        /// Loads the certificate(s), opens the register store and starts listening. Everything that can be wrong
        /// with the setup is found here, before the first board connects.
        /// </summary>
        /// <param name="options">The settings (certificate paths already resolved).</param>
        /// <param name="loggerFactory">Structured logging.</param>
        /// <param name="transactionOutput">Where the per-transaction lines go (the console).</param>
        /// <returns>The running server.</returns>
        /// <exception cref="StartupException">A file, folder or port cannot be used; the message says how to fix it.</exception>
        public static WwepServerHost Start(ServerOptions options, ILoggerFactory loggerFactory, TextWriter transactionOutput)
        {
            ILogger logger = loggerFactory.CreateLogger("WwepServer");
            // The roster first: a bad line is the teacher's to fix before anything listens.
            Roster roster = options.RosterPath != null ? Roster.Load(options.RosterPath) : Roster.Empty;
            var certificate = ServerCertificate.Load(options.CertificatePath, options.KeyPath);
            ClientCertificatePolicy? clientPolicy = null;
            RegisterStore? store = null;
            try
            {
                if (options.RequireClientCertificate)
                {
                    clientPolicy = ClientCertificatePolicy.Load(options.ClientCaPath);
                }

                store = RegisterStore.Open(options.DataDirectory, logger);
                var host = new WwepServerHost(options, loggerFactory, transactionOutput, certificate, clientPolicy, store, roster);
                try
                {
                    host.Listen();
                }
                catch
                {
                    host.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    throw;
                }

                return host;
            }
            catch
            {
                store?.Dispose();
                clientPolicy?.Dispose();
                certificate.Dispose();
                throw;
            }
        }

        /// <summary>Stops listening, lets open connections finish (briefly), then closes the store.</summary>
        /// <returns>Completes when stopped.</returns>
        public async ValueTask DisposeAsync()
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Sntp?.Dispose();
            Mdns?.Dispose();
            if (Web != null)
            {
                await Web.DisposeAsync().ConfigureAwait(false);
            }

            foreach (Socket listener in _listeners)
            {
                listener.Dispose();
            }

            await Task.WhenAll(_acceptLoops).ConfigureAwait(false);
            foreach (Thread thread in _acceptThreads)
            {
                thread.Join(TimeSpan.FromSeconds(5));
            }

            if (_limiter.OpenConnections > 0)
            {
                await Task.WhenAny(_allClosed.Task, Task.Delay(TimeSpan.FromSeconds(3))).ConfigureAwait(false);
            }

            // The last period's counts, so that no failure goes unreported.
            await _failureCounts.DisposeAsync().ConfigureAwait(false);
            Failures.Flush();

            Store.Dispose();
            _transactions.Dispose();
            _clientPolicy?.Dispose();
            Certificate.Dispose();
        }

        private void Listen()
        {
            // Both WWEP ports are bound before either accepts, so that the first failure's fix already quotes the ports
            // the sockets really got (0 picks one).
            Socket? plain = _options.ServesPlain ? Bind(_options.PlainPort, "--plain-port", plainPort: true) : null;
            PlainEndPoint = (IPEndPoint?)plain?.LocalEndPoint;

            // Not deferred: a TLS handshake costs far more than the wait for its first bytes, and a silent TLS client
            // is better met by the handshake limit, which is logged.
            Socket tls = Bind(_options.TlsPort, "--tls-port", plainPort: false);
            TlsEndPoint = (IPEndPoint)tls.LocalEndPoint!;
            ServerFacts asked = ServerFacts.FromOptions(_options);
            Failures.Facts = asked.Served(PlainEndPoint?.Port, TlsEndPoint.Port, asked.WebPort, asked.SntpPort != null, asked.MdnsName != null);
            if (plain != null)
            {
                StartAccepting(plain, TransportKind.Plain);
            }

            StartAccepting(tls, TransportKind.Tls);

            // Time is a help for the boards, not the server's job: a port it cannot have is reported, WWEP goes on.
            if (_options.SntpPort > 0)
            {
                Sntp = SntpResponder.TryStart(_options.BindAddress, _options.SntpPort, _logger, out string? problem);
                SntpProblem = problem;
            }

            if (_options.MdnsEnabled)
            {
                Mdns = MdnsResponder.TryStart(_options.BindAddress, _options.MdnsName, _logger, out string? problem);
                MdnsProblem = problem;
            }

            if (_feed != null)
            {
                Web = ClassroomWebServer.TryStart(_options.BindAddress, _options.WebPort, Store, _feed, Roster, Failures, _loggerFactory, out string? problem);
                WebProblem = problem;
                if (problem != null && _options.WebPortRequired)
                {
                    // Asked for by name: a view the teacher expects and does not get is a failed start, not a footnote.
                    throw new StartupException(problem);
                }
            }

            // The helpers that did not start are no longer offered in the fixes.
            Failures.Facts = asked.Served(PlainEndPoint?.Port, TlsEndPoint.Port, Web?.EndPoint.Port, Sntp != null, Mdns != null);
        }

        private Socket Bind(int port, string optionName, bool plainPort)
        {
            var socket = new Socket(_options.BindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (_options.BindAddress.AddressFamily == AddressFamily.InterNetworkV6 && _options.BindAddress.Equals(IPAddress.IPv6Any))
                {
                    socket.DualMode = true; // "::" serves IPv4 boards too
                }

                socket.Bind(new IPEndPoint(_options.BindAddress, port));
                if (plainPort && OperatingSystem.IsLinux())
                {
                    // TCP_DEFER_ACCEPT (as nginx's "listen ... deferred"): the kernel hands over a connection once
                    // its first bytes are in, so the request is read at once, without a wait and a thread wake-up.
                    // A client that stays silent is handed over after about a second and meets the idle limit.
                    socket.SetRawSocketOption(IpProtocolTcp, TcpDeferAccept, BitConverter.GetBytes(DeferAcceptSeconds));

                    // TCP_CORK, which accepted sockets inherit: a reply is held until the server shuts the connection
                    // down right after it, and both leave in one segment (see ConnectionHandler). Measured on 2 cores:
                    // 5 to 8% more plain requests per second, and a lower latency per request.
                    socket.SetRawSocketOption(IpProtocolTcp, TcpCork, BitConverter.GetBytes(1));
                }

                socket.Listen(1024);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                string hint = e.SocketErrorCode == SocketError.AddressAlreadyInUse
                    ? "is another WWEP server running? Stop it or pass another " + optionName
                    : e.SocketErrorCode == SocketError.AddressNotAvailable
                        ? "this machine has no such address; pass one of its own with --bind, or 0.0.0.0"
                        : "pass another " + optionName + " or --bind";
                throw new StartupException("cannot listen on " + _options.BindAddress + ":" + port + ": " + e.Message + " (" + hint + ")", e);
            }

            _listeners.Add(socket);
            return socket;
        }

        private void StartAccepting(Socket listener, TransportKind transport)
        {
            int count = transport == TransportKind.Plain ? PlainAcceptThreads : AcceptLoopsPerPort;
            for (int i = 0; i < count; i++)
            {
                if (transport == TransportKind.Plain)
                {
                    // Plain: threads that block in accept and serve a request that is already there (deferred accept
                    // makes that the rule) on the spot, up to its first real wait (a durable write). Measured on this
                    // 2-core machine this costs a third less CPU per connection than asynchronous accepts, which pass
                    // every connection through the socket event thread and a thread-pool hand-off.
                    var thread = new Thread(() => AcceptBlocking(listener)) { IsBackground = true, Name = "WWEP plain accept" };
                    _acceptThreads.Add(thread);
                    thread.Start();
                }
                else
                {
                    // TLS: the handshake is real work; asynchronous accepts keep it on the thread pool.
                    _acceptLoops.Add(Task.Run(() => AcceptLoopAsync(listener)));
                }
            }
        }

        private void AcceptBlocking(Socket listener)
        {
            // Group commit led by this thread: it serves every board whose request is already in, queueing their
            // writes, and commits them together when no further connection is waiting, before it blocks in accept.
            // Measured on 2 cores against handing every write to the writer thread: a third of the server's thread
            // switches per write (0.35 instead of 1.03) and 3 to 5% more durable plain writes per second.
            RegisterStore.CommitWritesOnThisThread();
            int servedSinceCommit = 0;
            try
            {
                while (!_stopping)
                {
                    Socket client;
                    try
                    {
                        if (Store.HasQueuedWrites && (servedSinceCommit >= PlainConnectionsPerCommit || !listener.Poll(0, SelectMode.SelectRead)))
                        {
                            Store.CommitQueuedWrites();
                            servedSinceCommit = 0;
                        }

                        client = listener.Accept();
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                    catch (SocketException e)
                    {
                        if (_stopping)
                        {
                            return;
                        }

                        // The connections waiting for this thread's commit may hold the very descriptors whose lack
                        // made accept fail ("too many open files"): answer them before backing off.
                        AcceptFailed(TransportKind.Plain, e);
                        Store.CommitQueuedWrites();
                        servedSinceCommit = 0;
                        Thread.Sleep(100);
                        continue;
                    }

                    // Refused connections count too: at the connection limit, the connections that hold the limit
                    // may be the very ones waiting for this thread's commit.
                    servedSinceCommit++;
                    AdmittedConnection? admitted = _limiter.Admit(client);
                    if (admitted != null)
                    {
                        _ = ServeAndCountAsync(admitted, TransportKind.Plain);
                    }
                }
            }
            finally
            {
                // Stopping: the writes of the connections this thread served are still owed their commit.
                Store.CommitQueuedWrites();
            }
        }

        private async Task AcceptLoopAsync(Socket listener)
        {
            while (!_stopping)
            {
                Socket client;
                try
                {
                    client = await listener.AcceptAsync().ConfigureAwait(false);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException e)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    AcceptFailed(TransportKind.Tls, e);
                    await Task.Delay(100).ConfigureAwait(false);
                    continue;
                }

                AdmittedConnection? admitted = _limiter.Admit(client);
                if (admitted != null)
                {
                    // The reply and close_notify follow each other closely; Nagle would hold the second back for an ACK.
                    client.NoDelay = true;
                    _ = ServeAndCountAsync(admitted, TransportKind.Tls);
                }
            }
        }

        // For example "too many open files": logged, then the loop backs off briefly instead of spinning.
        private void AcceptFailed(TransportKind transport, SocketException e)
        {
            _logger.LogError("accepting a {Transport} connection failed: {Reason}", transport, e.Message);
        }

        private async Task ServeAndCountAsync(AdmittedConnection admitted, TransportKind transport)
        {
            try
            {
                await _handler.ServeAsync(admitted, transport).ConfigureAwait(false);
            }
            finally
            {
                if (_limiter.Release(admitted) == 0 && _stopping)
                {
                    _allClosed.TrySetResult();
                }
            }
        }
    }
}
