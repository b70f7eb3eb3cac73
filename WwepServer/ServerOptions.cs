using System;
using System.Net;

namespace WwepServer
{
    /// <summary>
    /// Everything the server needs to start. The defaults are the course's ports and limits that suit a classroom of
    /// boards; <see cref="ServerCommandLine"/> fills this from the command line.
    /// </summary>
    public sealed class ServerOptions
    {
        /// <summary>The course's plain WWEP port.</summary>
        public const int DefaultPlainPort = 27708;

        /// <summary>The course's TLS WWEP port.</summary>
        public const int DefaultTlsPort = 40508;

        /// <summary>Default data folder, relative to the current directory (git-ignored).</summary>
        public const string DefaultDataDirectory = "wwep-data";

        /// <summary>Plain TCP port; 0 picks a free one (tests).</summary>
        public int PlainPort { get; set; } = DefaultPlainPort;

        /// <summary>TLS port; 0 picks a free one (tests).</summary>
        public int TlsPort { get; set; } = DefaultTlsPort;

        /// <summary>
        /// Address both listeners bind to. All IPv4 interfaces by default, because boards on the classroom LAN must
        /// reach the server; 127.0.0.1 keeps it to this machine, <c>::</c> adds IPv6.
        /// </summary>
        public IPAddress BindAddress { get; set; } = IPAddress.Any;

        /// <summary>When false the plain port is not opened (TLS only).</summary>
        public bool PlainEnabled { get; set; } = true;

        /// <summary>PEM file of the server certificate (may hold the chain after it).</summary>
        public string CertificatePath { get; set; } = string.Empty;

        /// <summary>PEM file of the server certificate's private key (unencrypted).</summary>
        public string KeyPath { get; set; } = string.Empty;

        /// <summary>PEM file of the CA that client certificates must chain to; used with <see cref="RequireClientCertificate"/>.</summary>
        public string ClientCaPath { get; set; } = string.Empty;

        /// <summary>When true, TLS clients must present a certificate from <see cref="ClientCaPath"/> (mutual TLS).</summary>
        public bool RequireClientCertificate { get; set; }

        /// <summary>Folder holding the register database.</summary>
        public string DataDirectory { get; set; } = DefaultDataDirectory;

        /// <summary>Connections open at once, both ports together; more are closed at once with a log line.</summary>
        public int MaxConnections { get; set; } = 1000;

        /// <summary>
        /// Bytes one request may have. A legal request has at most 13 (11 plus a line end); more gets <c>X</c>.
        /// </summary>
        public int MaxRequestBytes { get; set; } = 64;

        /// <summary>
        /// Once a request has started, this much silence ends it (the course's server waits 100 ms).
        /// </summary>
        public TimeSpan RequestIdleTime { get; set; } = TimeSpan.FromMilliseconds(100);

        /// <summary>A connection that sends nothing this long after connecting (after the TLS handshake) is dropped.</summary>
        public TimeSpan ConnectIdleTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>A TLS handshake that has not finished this long after the connection opened is dropped.</summary>
        public TimeSpan TlsHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Sending the reply (and the TLS close) may take this long; a client that does not read is then dropped.</summary>
        public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(2);
    }
}
