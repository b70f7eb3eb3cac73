using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using FaultSimulation;

namespace WwepEndToEnd.Tests
{
    /// <summary>
    /// A TCP proxy between the device and a real WwepServer process that plays one fault per connection, in turn, as
    /// a seed's schedule says: refuse (it stops listening for a moment), hold silent, reset before or after the
    /// request, answer <c>X</c> itself, drop the reply after the server stored the write, or <c>kill -9</c> the server
    /// and start it again on the same data (it keeps what it acknowledged). It records every exchange and checks
    /// invariant (3) on what it sees: no write of the state last acknowledged, no connection while Wi-Fi is down, at
    /// most MaxAttempts connections per state.
    /// </summary>
    public sealed class FaultProxy : IDisposable
    {
        private const int RefusedMilliseconds = 300;
        private const int HoldLimitMilliseconds = 5000;

        // Connections accepted this soon after Wi-Fi went down were begun before the device was told.
        private const int DownGraceMilliseconds = 200;

        private readonly object _gate = new object();
        private readonly WwepServerProcess _server;
        private readonly ServerCertificate _certificate;
        private readonly IReadOnlyList<Fault> _faults;
        private readonly int _maxAttempts;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<string> _violations = new List<string>();
        private readonly List<string> _exchanges = new List<string>();
        private readonly List<Thread> _handlers = new List<Thread>();
        private readonly Thread _acceptor;
        private TcpListener _listener;
        private volatile bool _stopping;
        private bool _faultsOver;
        private bool _wifiUp;
        private long _downAt;
        private int _lastAcked = -1;
        private bool _ackTrusted;
        private int _connectsSinceAck;
        private int _attempts;
        private bool _restarted;

        /// <summary>Listens on a free port of 127.0.0.1.</summary>
        /// <param name="server">The real server behind it.</param>
        /// <param name="certificate">Its certificate, to start it again after a kill.</param>
        /// <param name="faults">The fault of connection 1, 2, ...; later ones work.</param>
        /// <param name="maxAttempts">The device's MaxAttempts.</param>
        public FaultProxy(WwepServerProcess server, ServerCertificate certificate, IReadOnlyList<Fault> faults, int maxAttempts)
        {
            _server = server;
            _certificate = certificate;
            _faults = faults;
            _maxAttempts = maxAttempts;
            _listener = Listen(0);
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _acceptor = new Thread(Accept) { IsBackground = true, Name = "fault proxy" };
            _acceptor.Start();
        }

        /// <summary>The port the device connects to.</summary>
        public int Port { get; }

        /// <summary>The invariants the proxy saw broken.</summary>
        public string[] Violations
        {
            get
            {
                lock (_gate)
                {
                    return _violations.ToArray();
                }
            }
        }

        /// <summary>Every connection in words, for a report.</summary>
        public string[] Exchanges
        {
            get
            {
                lock (_gate)
                {
                    return _exchanges.ToArray();
                }
            }
        }

        /// <summary>Whether the last value acknowledged to the device is the given one, with no connection since.</summary>
        /// <param name="value">0 or 1.</param>
        /// <returns>True when the device knows the server holds it.</returns>
        public bool KnowsStored(int value)
        {
            lock (_gate)
            {
                return _lastAcked == value && _connectsSinceAck == 0;
            }
        }

        /// <summary>Whether a write of <paramref name="value"/> was acknowledged to the device since the last press.</summary>
        public bool AckedSincePress { get; private set; }

        /// <summary>The value the LED shows now, for <see cref="AckedSincePress"/>.</summary>
        public int LedValue { get; private set; }

        /// <summary>A press: the LED shows <paramref name="value"/> now, with a fresh set of attempts.</summary>
        /// <param name="value">0 or 1.</param>
        public void Pressed(int value)
        {
            lock (_gate)
            {
                LedValue = value;
                AckedSincePress = false;
                _attempts = 0;
            }
        }

        /// <summary>A long press may queue the state again: a fresh set of attempts.</summary>
        public void FreshAttempts()
        {
            lock (_gate)
            {
                _attempts = 0;
            }
        }

        /// <summary>Wi-Fi is up or down, as the device was just told.</summary>
        /// <param name="up">Whether it is up.</param>
        public void Wifi(bool up)
        {
            lock (_gate)
            {
                _wifiUp = up;
                _downAt = _clock.ElapsedMilliseconds;
                _ackTrusted = _ackTrusted && up;
                _attempts = 0;
            }
        }

        /// <summary>From now on every connection works (the faults are over), and the server runs.</summary>
        public void FaultsOver()
        {
            lock (_gate)
            {
                _faultsOver = true;
            }

            WaitForHandlers();
            if (!_server.IsRunning)
            {
                _server.Start(_certificate);
            }
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            _stopping = true;
            _listener.Stop();
            _acceptor.Join(2000);
            WaitForHandlers();
        }

        private static TcpListener Listen(int port)
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            return listener;
        }

        private static void Reset(TcpClient client)
        {
            try
            {
                client.Client.LingerState = new LingerOption(true, 0);
            }
            catch (SocketException)
            {
                // Already gone: nothing to reset.
            }

            client.Close();
        }

        private static byte[] ReadRequest(NetworkStream stream)
        {
            byte[] buffer = new byte[11];
            int total = 0;
            try
            {
                while (total < buffer.Length && !(total >= 7 && buffer[0] == (byte)'R'))
                {
                    int n = stream.Read(buffer, total, buffer.Length - total);
                    if (n <= 0)
                    {
                        break;
                    }

                    total += n;
                }
            }
            catch (System.IO.IOException)
            {
                // A timeout or a reset: what came is the request.
            }

            return buffer.AsSpan(0, total).ToArray();
        }

        private static void HoldSilent(NetworkStream stream)
        {
            stream.ReadTimeout = HoldLimitMilliseconds;
            try
            {
                byte[] sink = new byte[16];
                while (stream.Read(sink, 0, sink.Length) > 0)
                {
                }
            }
            catch (System.IO.IOException)
            {
                // The device gave up (its reply timeout) or the limit ran out.
            }
        }

        /// <summary>Waits until every connection accepted so far is over and recorded.</summary>
        public void WaitForHandlers()
        {
            Thread[] handlers;
            lock (_gate)
            {
                handlers = _handlers.ToArray();
            }

            foreach (Thread handler in handlers)
            {
                handler.Join(30000);
            }
        }

        private void Accept()
        {
            int connection = 0;
            while (!_stopping)
            {
                Fault fault;
                lock (_gate)
                {
                    fault = !_faultsOver && connection < _faults.Count ? _faults[connection] : Fault.None;
                }

                if (fault == Fault.Refused)
                {
                    // Nothing listens for a moment: the device's connect is refused, as by a server that is not running.
                    connection++;
                    _listener.Stop();
                    Note(connection, "refused for " + RefusedMilliseconds.ToString() + " ms");
                    Thread.Sleep(RefusedMilliseconds);
                    if (_stopping)
                    {
                        return;
                    }

                    _listener = Listen(Port);
                    continue;
                }

                TcpClient client;
                try
                {
                    client = _listener.AcceptTcpClient();
                }
                catch (SocketException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                // The faults may have ended while this accept waited: decide again, or a stale kill would hit the end.
                lock (_gate)
                {
                    fault = _faultsOver ? Fault.None : fault;
                }

                connection++;
                int index = connection;
                Thread handler = new Thread(() => Handle(client, index, fault)) { IsBackground = true, Name = "fault proxy #" + index.ToString() };
                lock (_gate)
                {
                    _handlers.Add(handler);
                }

                handler.Start();
            }
        }

        private void Handle(TcpClient client, int index, Fault fault)
        {
            CheckConnection(index);
            NetworkStream stream = client.GetStream();
            stream.ReadTimeout = 2000;
            if (fault == Fault.ResetBeforeRequest)
            {
                Reset(client);
                Exchanged(index, fault, string.Empty, string.Empty, false);
                return;
            }

            if (fault == Fault.ServerRestart)
            {
                lock (_gate)
                {
                    // One kill per seed keeps the campaign short: a second one is a reset.
                    fault = _restarted ? Fault.ResetBeforeRequest : Fault.ServerRestart;
                    _restarted = true;
                }
            }

            byte[] request = ReadRequest(stream);
            string requestText = Encoding.ASCII.GetString(request);
            CheckWrite(index, requestText);
            string reply = string.Empty;
            bool delivered = false;
            switch (fault)
            {
                case Fault.ResetAfterRequest:
                case Fault.ResetBeforeRequest:
                    Reset(client);
                    break;
                case Fault.Silent:
                case Fault.ConnectTimeout:
                    HoldSilent(stream);
                    client.Close();
                    break;
                case Fault.Reject:
                    reply = "X";
                    delivered = Deliver(client, stream, reply);
                    break;
                case Fault.ServerRestart:
                    // kill -9 under the connection, then the same server on the same data again: what it acknowledged
                    // is on its disk.
                    _server.Kill();
                    Reset(client);
                    _server.Start(_certificate);
                    break;
                default:
                    if (fault == Fault.SlowConnect || fault == Fault.SlowHandshake)
                    {
                        Thread.Sleep(150);
                    }

                    reply = Forward(request);
                    if (reply.Length == 0)
                    {
                        // The server is down (killed, not yet back): the device sees a reset.
                        Reset(client);
                    }
                    else if (fault == Fault.ReplyLost)
                    {
                        HoldSilent(stream);
                        client.Close();
                    }
                    else
                    {
                        delivered = Deliver(client, stream, reply);
                    }

                    break;
            }

            Exchanged(index, fault, requestText, reply, delivered);
        }

        private bool Deliver(TcpClient client, NetworkStream stream, string reply)
        {
            try
            {
                byte[] bytes = Encoding.ASCII.GetBytes(reply);
                stream.Write(bytes, 0, bytes.Length);
                client.Close();
                return true;
            }
            catch (System.IO.IOException)
            {
                client.Close();
                return false;
            }
        }

        // One exchange with the real server; empty when it cannot be reached.
        private string Forward(byte[] request)
        {
            try
            {
                using TcpClient upstream = new TcpClient();
                upstream.ReceiveTimeout = 3000;
                upstream.Connect(IPAddress.Loopback, _server.PlainPort);
                NetworkStream stream = upstream.GetStream();
                stream.Write(request, 0, request.Length);
                byte[] reply = new byte[64];
                int total = 0;
                int n;
                while (total < reply.Length && (n = stream.Read(reply, total, reply.Length - total)) > 0)
                {
                    total += n;
                }

                return Encoding.ASCII.GetString(reply, 0, total);
            }
            catch (Exception ex) when (ex is SocketException || ex is System.IO.IOException)
            {
                return string.Empty;
            }
        }

        private void CheckConnection(int index)
        {
            lock (_gate)
            {
                _connectsSinceAck++;
                _attempts++;
                if (!_wifiUp && _clock.ElapsedMilliseconds - _downAt > DownGraceMilliseconds)
                {
                    _violations.Add("invariant (3) no attempt while the network is known down: connection " + index.ToString() + " with Wi-Fi down");
                }

                if (_attempts > _maxAttempts)
                {
                    _violations.Add("invariant (3) attempts per undelivered state within MaxAttempts: connection " + index.ToString() + " is attempt " + _attempts.ToString() + " of " + _maxAttempts.ToString());
                }
            }
        }

        private void CheckWrite(int index, string request)
        {
            if (request.Length != 11 || request[0] != 'W')
            {
                return;
            }

            int value = request[10] - '0';
            lock (_gate)
            {
                // The current connection is the only one since the ack: none failed in between (a held connection
                // is recorded only once the device gave it up, so counting connections is what the device knows).
                if (_ackTrusted && _connectsSinceAck == 1 && value == _lastAcked)
                {
                    _violations.Add("invariant (3) no write of a state equal to the last acknowledged: connection " + index.ToString() + " wrote " + request);
                }
            }
        }

        private void Exchanged(int index, Fault fault, string request, string reply, bool delivered)
        {
            lock (_gate)
            {
                bool ack = delivered && request.Length == 11 && request[0] == 'W' && reply == "A" + request.Substring(1);
                if (ack)
                {
                    _lastAcked = request[10] - '0';
                    _ackTrusted = true;
                    _connectsSinceAck = 0;
                    _attempts = 0;
                    AckedSincePress = _lastAcked == LedValue;
                }
                else
                {
                    _ackTrusted = false;
                }

                _exchanges.Add("#" + index.ToString() + " " + fault.ToString() + ": " + request + " -> " + (reply.Length > 0 ? reply : "nothing") + (delivered ? string.Empty : " (not delivered)"));
            }
        }

        private void Note(int index, string what)
        {
            lock (_gate)
            {
                _exchanges.Add("#" + index.ToString() + " " + what);
            }
        }
    }
}
