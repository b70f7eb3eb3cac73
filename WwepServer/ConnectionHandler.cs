using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WwepDevice.Core.Protocol;

namespace WwepServer
{
    /// <summary>
    /// Serves one connection the way the course's server does: (TLS handshake,) read one request, send one reply,
    /// close. Every wait is bounded: the handshake, the first byte, the silence inside a request and the reply.
    /// </summary>
    public sealed class ConnectionHandler
    {
        private readonly ServerOptions _options;
        private readonly RequestProcessor _processor;
        private readonly TransactionLog _transactions;
        private readonly TlsServerSettings? _tls;
        private readonly ConnectionLimiter _limiter;
        private readonly LiveFeed? _feed;
        private readonly FailureLog _failures;
        private readonly ILogger _logger;
        private readonly LimitWarning _firstByteLimit;
        private readonly LimitWarning _requestSizeLimit;
        private long _handshakeTimeouts;

        /// <summary>Creates the handler shared by all connections.</summary>
        /// <param name="options">Limits and TLS settings.</param>
        /// <param name="processor">Answers requests.</param>
        /// <param name="transactions">The per-transaction console lines.</param>
        /// <param name="tls">The TLS port's settings, or null when there is no TLS port.</param>
        /// <param name="limiter">Counts connections; told when one starts and stops waiting for its first byte.</param>
        /// <param name="feed">The classroom view's feed, or null when the view is off.</param>
        /// <param name="failures">Where failed connections are counted and logged, with their cause.</param>
        /// <param name="logger">Events and limits.</param>
        public ConnectionHandler(ServerOptions options, RequestProcessor processor, TransactionLog transactions, TlsServerSettings? tls, ConnectionLimiter limiter, LiveFeed? feed, FailureLog failures, ILogger logger)
        {
            _feed = feed;
            _limiter = limiter;
            _options = options;
            _processor = processor;
            _transactions = transactions;
            _tls = tls;
            _failures = failures;
            _logger = logger;
            _firstByteLimit = new LimitWarning(logger, "first-byte wait (--first-byte-wait " + Seconds(options.FirstByteWait) + ")");
            _requestSizeLimit = new LimitWarning(logger, "request size limit (--max-request-bytes " + options.MaxRequestBytes + ")");
        }

        /// <summary>
        /// How long a plain client that is handed over without data has been silent already: the listener defers
        /// accepting until the first bytes arrive, or about this long (see WwepServerHost). The first-byte wait counts
        /// it, so a silent client gets its X after --first-byte-wait from connecting, not from the accept.
        /// </summary>
        public TimeSpan PlainSilenceBeforeAccept { get; init; }

        /// <summary>Clients dropped for not finishing the TLS handshake in time.</summary>
        public long HandshakeTimeouts
        {
            get { return Interlocked.Read(ref _handshakeTimeouts); }
        }

        /// <summary>Clients answered X for sending nothing in time.</summary>
        public long FirstByteTimeouts
        {
            get { return _firstByteLimit.HitCount; }
        }

        /// <summary>Requests refused for being longer than the limit.</summary>
        public long OversizedRequests
        {
            get { return _requestSizeLimit.HitCount; }
        }

        /// <summary>Serves the connection and closes it; never throws.</summary>
        /// <param name="admitted">The accepted connection; this method owns its socket.</param>
        /// <param name="transport">Which port it came in on.</param>
        /// <returns>Completes when the connection is closed.</returns>
        public async Task ServeAsync(AdmittedConnection admitted, TransportKind transport)
        {
            string peer = admitted.Peer;
            var connection = new Connection(admitted.Socket);
            try
            {
                ClientIdentity? identity = null;
                if (transport == TransportKind.Tls)
                {
                    // Until its first request byte a TLS client has sent nothing of use: it may go to make room.
                    _limiter.MarkSilent(admitted);
                    var recorder = new HandshakeRecorder(connection.SocketStream);
                    var tls = new SslStream(recorder, leaveInnerStreamOpen: false);
                    connection.Tls = tls;
                    if (!await HandshakeAsync(tls, recorder, admitted, connection.Timeout).ConfigureAwait(false))
                    {
                        return;
                    }

                    recorder.Recording = false;
                    if (recorder.ClientCertificate?.CommonName is string commonName)
                    {
                        identity = ClientIdentity.FromCommonName(commonName);
                        if (identity.DeviceId < 0)
                        {
                            Fail(new ConnectionFailure(DateTime.UtcNow, "TLS", peer, admitted.PeerAddress.ToString(), commonName, FailureCause.NotADevice, "CN=" + commonName, null));
                        }
                    }
                }

                await ServeRequestAsync(connection, admitted, transport, identity).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                // The client vanished mid-transaction, would not take the reply in time, or was closed to make room for
                // another (the limiter logged that); nothing more is owed to it.
                _logger.LogDebug("connection from {Peer} ended early: {Reason}", peer, e.Message);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "unexpected failure serving {Peer}", peer);
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        private static string Seconds(TimeSpan time)
        {
            return time.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        }

        // A failed connection: counted and logged (once per address and cause, then counted), and shown on its board's card.
        private void Fail(ConnectionFailure failure)
        {
            _failures.Record(failure);
            _feed?.Publish(failure);
        }

        private async Task<bool> HandshakeAsync(SslStream tls, HandshakeRecorder recorder, AdmittedConnection admitted, CancellationTokenSource timeout)
        {
            timeout.CancelAfter(_options.TlsHandshakeTimeout);
            Exception failure;
            bool timedOut = false;
            try
            {
                await tls.AuthenticateAsServerAsync(_tls!.ForConnection(recorder), timeout.Token).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException e)
            {
                failure = e;
                timedOut = true;
                Interlocked.Increment(ref _handshakeTimeouts);
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException || e is SocketException || e is ObjectDisposedException)
            {
                failure = e;
            }

            // A connection closed to make room for another is the limiter's to report (it did).
            if (!admitted.Evicted)
            {
                Fail(HandshakeDiagnosis.Diagnose(timedOut ? null : failure, timedOut, recorder, _options.TlsHandshakeTimeout, DateTime.UtcNow, admitted.Peer, admitted.PeerAddress.ToString()));
            }

            return false;
        }

        private async Task ServeRequestAsync(Connection connection, AdmittedConnection admitted, TransportKind transport, ClientIdentity? identity)
        {
            Socket socket = connection.Socket;
            string peer = admitted.Peer;

            // One byte more than the limit, so that "too long" is seen rather than a full buffer read as end of stream.
            byte[] request = new byte[_options.MaxRequestBytes + 1];
            int count = 0;
            FrameState state = FrameState.NeedMore;
            bool complete = false;
            bool silent = false;
            bool closed = false;
            bool reset = false;

            // Plain fast path: a board's request is usually here by the time its connection is accepted; taking it
            // without the asynchronous machinery (and without arming a timer) is most of what a busy server saves.
            if (connection.Tls == null && socket.Available > 0)
            {
                count = socket.Receive(request, 0, request.Length, SocketFlags.None);
                state = RequestFramer.Classify(request, count, _options.MaxRequestBytes);
                complete = IsComplete(state);
            }

            if (count == 0 && connection.Tls == null)
            {
                // Waiting for a first byte: a candidate for eviction when the server is full (TLS ones already are).
                _limiter.MarkSilent(admitted);
            }

            while (!complete)
            {
                CancellationTokenSource timeout = connection.Timeout;
                timeout.CancelAfter(count > 0 ? _options.RequestIdleTime : FirstByteWait(connection));
                int received;
                try
                {
                    received = await connection.Stream.ReadAsync(request.AsMemory(count, request.Length - count), timeout.Token).ConfigureAwait(false);
                }
                catch (IOException) when (count == 0 && connection.Tls != null && !admitted.Evicted)
                {
                    // Reset instead of closed: a client that leaves unread the session ticket the server sent after the
                    // handshake resets as it closes. The same client, the same failure.
                    closed = true;
                    reset = true;
                    break;
                }
                catch (OperationCanceledException)
                {
                    if (count == 0)
                    {
                        // As the course's server does after its read: X, so a client that meant to speak learns why.
                        _limiter.MarkHeard(admitted);
                        _firstByteLimit.Hit(peer, "answered X: it sent nothing");
                        silent = true;
                    }

                    // Idle time inside a request: the client has said all it will say (the course's 100 ms rule).
                    break;
                }

                if (received == 0)
                {
                    closed = count == 0;
                    break; // half-close: the request is what we have
                }

                if (count == 0)
                {
                    _limiter.MarkHeard(admitted);
                }

                count += received;
                state = RequestFramer.Classify(request, count, _options.MaxRequestBytes);
                complete = IsComplete(state);
            }

            if (closed && connection.Tls != null)
            {
                // A TLS client that closes right after the handshake is most likely one that refused the server's
                // certificate after the handshake (a .NET client does that without an alert): a failure, not a request.
                Fail(new ConnectionFailure(DateTime.UtcNow, "TLS", peer, admitted.PeerAddress.ToString(), identity?.CommonName, FailureCause.ClosedAfterHandshake, "no request byte before the client " + (reset ? "reset" : "closed") + " the connection", null));
                return;
            }

            // Another protocol on a WWEP port (a ClientHello on the plain port, a browser on either) is named as such.
            FailureCause? wrongProtocol = WireGuess.OnPlainPort(request.AsSpan(0, Math.Min(count, _options.MaxRequestBytes)));
            if (wrongProtocol == FailureCause.TlsOnPlainPort && connection.Tls != null)
            {
                wrongProtocol = null;
            }

            byte[] reply = new byte[WwepCodec.MaxMessageLength];
            ReplyOutcome outcome;
            if (silent)
            {
                outcome = new ReplyOutcome(WwepCodec.BuildReject(reply, 0), "nothing sent within " + Seconds(_options.FirstByteWait) + " s");
            }
            else if (wrongProtocol is FailureCause mismatch)
            {
                outcome = new ReplyOutcome(WwepCodec.BuildReject(reply, 0), FailureCatalog.Describe(mismatch).Title, mismatch);
            }
            else if (state == FrameState.TooLong)
            {
                _requestSizeLimit.Hit(peer, "answered X");
                outcome = new ReplyOutcome(WwepCodec.BuildReject(reply, 0), "longer than " + _options.MaxRequestBytes + " bytes");
            }
            else
            {
                outcome = await _processor.ProcessAsync(request, count, identity, reply).ConfigureAwait(false);
            }

            if (connection.Tls == null)
            {
                // 11 bytes into the empty send buffer of a new connection: this never waits. On Linux the socket is
                // corked (inherited from the listener, see WwepServerHost.Bind), so the reply waits for the shutdown
                // and leaves with the FIN in one segment: one packet less for both ends to process, and the board reads
                // its reply and the end of the connection in one go. Shutting down, not just closing, sends it at once,
                // before a late line end could make the close a reset.
                socket.Send(reply, 0, outcome.Length, SocketFlags.None);
                EndReply(socket);
            }
            else
            {
                CancellationTokenSource timeout = connection.FreshTimeout();
                timeout.CancelAfter(_options.ReplyTimeout);
                await connection.Tls.WriteAsync(reply.AsMemory(0, outcome.Length), timeout.Token).ConfigureAwait(false);
                await connection.Tls.ShutdownAsync().ConfigureAwait(false); // TLS close_notify
            }

            string transportName = transport == TransportKind.Tls ? "TLS" : "plain";
            string printableRequest = WwepCodec.ToPrintable(request, 0, Math.Min(count, _options.MaxRequestBytes));
            string printableReply = WwepCodec.ToPrintable(reply, 0, outcome.Length);
            _transactions.Record(transportName, peer, printableRequest, printableReply, outcome.RejectReason);

            ConnectionFailure? failure = null;
            if (outcome.Failure is FailureCause cause)
            {
                // Evidence: the request itself for another protocol, the refused device for an identity refusal.
                bool wrongPort = cause != FailureCause.OtherDevice;
                failure = new ConnectionFailure(DateTime.UtcNow, transportName, peer, admitted.PeerAddress.ToString(), identity?.CommonName, cause,
                    wrongPort ? count + " byte(s) to the " + transportName + " port" : outcome.RejectReason, wrongPort ? ClientText.Cut(printableRequest) : null);
                _failures.Record(failure);
            }

            // The classroom view: one non-blocking enqueue; its work happens on its own task.
            _feed?.Publish(new TransactionEvent(DateTime.UtcNow, transportName, peer, identity?.CommonName, ClientText.Cut(printableRequest), printableReply, outcome.RejectReason, failure));
            DiscardPendingInput(socket);
        }

        private TimeSpan FirstByteWait(Connection connection)
        {
            if (connection.Tls != null)
            {
                return _options.FirstByteWait; // counted from the end of the handshake
            }

            TimeSpan rest = _options.FirstByteWait - PlainSilenceBeforeAccept;
            return rest > TimeSpan.Zero ? rest : TimeSpan.FromMilliseconds(1);
        }

        private static void EndReply(Socket socket)
        {
            try
            {
                socket.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                // The client reset the connection already; the reply was handed over and nothing more is owed to it.
            }
        }

        // At full length the request is complete (a board sends exactly 11 bytes and waits for the reply); a line
        // end that came with it was taken by the same read, one still on its way is read and dropped before closing.
        private static bool IsComplete(FrameState state)
        {
            return state == FrameState.FullLength || state == FrameState.Complete || state == FrameState.TooLong;
        }

        // Closing a socket that still has unread input sends a reset instead of a FIN, so whatever input is already
        // here is read and dropped first. The server does not wait for the client's own close: that wait cost a thread
        // wake-up per connection, and the protocol has the server close right after its reply (a line end that
        // arrives even later meets a reset, which reaches the client after the reply it has already received).
        private static void DiscardPendingInput(Socket socket)
        {
            try
            {
                if (socket.Available > 0)
                {
                    byte[] scratch = new byte[256];
                    while (socket.Available > 0 && socket.Receive(scratch, SocketFlags.None) > 0)
                    {
                    }
                }
            }
            catch (SocketException)
            {
                // The client reset the connection after reading; nothing left to do.
            }
        }
    }
}
