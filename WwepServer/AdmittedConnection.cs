using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace WwepServer
{
    /// <summary>
    /// One connection counted in by <see cref="ConnectionLimiter"/>: its client address, and whether it is silent (has
    /// sent no request byte yet, a TLS handshake included), which makes it the first to go when the server is full.
    /// </summary>
    public sealed class AdmittedConnection
    {
        internal AdmittedConnection(Socket socket, IPAddress peerAddress, string peer)
        {
            Socket = socket;
            PeerAddress = peerAddress;
            Peer = peer;
        }

        /// <summary>The accepted socket.</summary>
        public Socket Socket { get; }

        /// <summary>The client address the per-peer limit counts (IPv4 even on a dual-stack socket).</summary>
        public IPAddress PeerAddress { get; }

        /// <summary>Address and port, as log lines show them.</summary>
        public string Peer { get; }

        /// <summary>True once the limiter closed this connection to make room for another.</summary>
        public bool Evicted { get; internal set; }

        // Owned by ConnectionLimiter, under its lock.
        internal bool Counted { get; set; } = true;

        internal LinkedListNode<AdmittedConnection>? SilentNode { get; set; }

        internal DateTime SilentSince { get; set; }
    }
}
