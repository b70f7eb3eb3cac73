using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>
    /// Who may hold a connection: at most <see cref="ServerOptions.MaxConnectionsPerPeer"/> from one client address and
    /// <see cref="ServerOptions.MaxConnections"/> in all. When the server is full, the oldest connection that has sent
    /// nothing yet (a silent TCP connection, a stalled TLS handshake) is closed to admit the new one, so a peer that
    /// hoards connections cannot lock the others out. Every refusal and eviction is logged, rate-limited.
    /// </summary>
    public sealed class ConnectionLimiter
    {
        private readonly object _lock = new object();
        private readonly Dictionary<IPAddress, int> _perPeer = new Dictionary<IPAddress, int>();

        // Oldest first: a connection joins at the end when it starts waiting for its first byte.
        private readonly LinkedList<AdmittedConnection> _silent = new LinkedList<AdmittedConnection>();
        private readonly int _maxConnections;
        private readonly int _maxPerPeer;
        private readonly LimitWarning _globalRefusals;
        private readonly LimitWarning _peerRefusals;
        private readonly LimitWarning _evictions;
        private int _open;

        /// <summary>Creates the limiter.</summary>
        /// <param name="options">The two limits.</param>
        /// <param name="logger">Where refusals and evictions are logged.</param>
        public ConnectionLimiter(ServerOptions options, ILogger logger)
        {
            _maxConnections = options.MaxConnections;
            _maxPerPeer = options.MaxConnectionsPerPeer;
            string globalLimit = "connection limit (--max-connections " + options.MaxConnections + ")";
            _globalRefusals = new LimitWarning(logger, globalLimit);
            _evictions = new LimitWarning(logger, globalLimit);
            _peerRefusals = new LimitWarning(logger, "per-address limit (--max-connections-per-peer " + options.MaxConnectionsPerPeer + ")");
        }

        /// <summary>Connections counted in right now.</summary>
        public int OpenConnections
        {
            get { return Volatile.Read(ref _open); }
        }

        /// <summary>Connections closed at once because the server was full and none was silent.</summary>
        public long GlobalRefusals
        {
            get { return _globalRefusals.HitCount; }
        }

        /// <summary>Connections closed at once because their address had its share already.</summary>
        public long PeerRefusals
        {
            get { return _peerRefusals.HitCount; }
        }

        /// <summary>Silent connections closed to admit a new one.</summary>
        public long Evictions
        {
            get { return _evictions.HitCount; }
        }

        /// <summary>Counts the connection in, or closes it at once.</summary>
        /// <param name="socket">The accepted socket.</param>
        /// <returns>The admitted connection, or null when it was refused (and closed).</returns>
        public AdmittedConnection? Admit(Socket socket)
        {
            IPEndPoint? remote = RemoteOf(socket);
            IPAddress address = remote == null ? IPAddress.None : Normalize(remote.Address);
            string peer = PeerName.Format(remote);
            AdmittedConnection? evicted = null;
            int fromPeer;
            bool refused = false;
            lock (_lock)
            {
                _perPeer.TryGetValue(address, out fromPeer);
                if (fromPeer < _maxPerPeer)
                {
                    if (_open >= _maxConnections)
                    {
                        evicted = _silent.First?.Value;
                        if (evicted != null)
                        {
                            Uncount(evicted);
                            evicted.Evicted = true;
                        }
                        else
                        {
                            refused = true;
                        }
                    }

                    if (!refused)
                    {
                        _open++;
                        _perPeer[address] = fromPeer + 1;
                    }
                }
            }

            if (fromPeer >= _maxPerPeer)
            {
                _peerRefusals.Hit(peer, "connection closed at once, " + fromPeer + " are open from " + address);
                socket.Dispose();
                return null;
            }

            if (refused)
            {
                _globalRefusals.Hit(peer, "connection closed at once, " + _maxConnections + " are open and every one has sent a request");
                socket.Dispose();
                return null;
            }

            if (evicted != null)
            {
                double silentSeconds = (DateTime.UtcNow - evicted.SilentSince).TotalSeconds;
                _evictions.Hit(evicted.Peer, "closed its connection, silent for " + silentSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
                    + " s (the oldest that sent nothing), to admit " + peer);

                // Its handler sees the closed socket as a client that vanished and cleans up.
                evicted.Socket.Dispose();
            }

            return new AdmittedConnection(socket, address, peer);
        }

        /// <summary>The connection waits for its first byte (or its TLS handshake): it may be closed to make room.</summary>
        /// <param name="connection">An admitted connection.</param>
        public void MarkSilent(AdmittedConnection connection)
        {
            lock (_lock)
            {
                if (connection.Counted && connection.SilentNode == null)
                {
                    connection.SilentSince = DateTime.UtcNow;
                    connection.SilentNode = _silent.AddLast(connection);
                }
            }
        }

        /// <summary>The connection sent a request byte: it is no longer a candidate for eviction.</summary>
        /// <param name="connection">An admitted connection.</param>
        public void MarkHeard(AdmittedConnection connection)
        {
            lock (_lock)
            {
                RemoveSilent(connection);
            }
        }

        /// <summary>Counts the connection out (once, however often called).</summary>
        /// <param name="connection">An admitted connection.</param>
        /// <returns>The connections still open.</returns>
        public int Release(AdmittedConnection connection)
        {
            lock (_lock)
            {
                Uncount(connection);
                return _open;
            }
        }

        private static IPEndPoint? RemoteOf(Socket socket)
        {
            try
            {
                return socket.RemoteEndPoint as IPEndPoint;
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                return null;
            }
        }

        // A board on a dual-stack socket must count as the same address whichever way it came in.
        private static IPAddress Normalize(IPAddress address)
        {
            return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        }

        private void Uncount(AdmittedConnection connection)
        {
            RemoveSilent(connection);
            if (!connection.Counted)
            {
                return;
            }

            connection.Counted = false;
            _open--;
            int fromPeer = _perPeer[connection.PeerAddress] - 1;
            if (fromPeer == 0)
            {
                _perPeer.Remove(connection.PeerAddress);
            }
            else
            {
                _perPeer[connection.PeerAddress] = fromPeer;
            }
        }

        private void RemoveSilent(AdmittedConnection connection)
        {
            if (connection.SilentNode != null)
            {
                _silent.Remove(connection.SilentNode);
                connection.SilentNode = null;
            }
        }
    }
}
