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

        /// <summary>The classroom view's HTTP port.</summary>
        public const int DefaultWebPort = 8080;

        /// <summary>The firmware's default server name.</summary>
        public const string DefaultMdnsName = "wwep.local";

        /// <summary>The NTP port.</summary>
        public const int DefaultSntpPort = 123;

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

        /// <summary>
        /// A connection that sends nothing this long after connecting (on TLS: after the handshake) is answered <c>X</c>
        /// and closed, as the course's server does after its read. Generous for Wi-Fi, short against hoarding.
        /// </summary>
        public TimeSpan FirstByteWait { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>
        /// Connections open at once from one client address. Far below <see cref="MaxConnections"/>, so that one
        /// machine (or one script) cannot take every place.
        /// </summary>
        public int MaxConnectionsPerPeer { get; set; } = 100;

        /// <summary>
        /// With <see cref="RequireClientCertificate"/>, the plain port is served only when this is true: plain TCP has
        /// no identity, so a plain client can write any device.
        /// </summary>
        public bool AllowPlain { get; set; }

        /// <summary>Whether the plain port is opened: asked for, and not closed by mutual TLS without --allow-plain.</summary>
        public bool ServesPlain
        {
            get { return PlainEnabled && (!RequireClientCertificate || AllowPlain); }
        }

        /// <summary>HTTP port of the read-only classroom view; 0 turns it off.</summary>
        public int WebPort { get; set; } = DefaultWebPort;

        /// <summary>
        /// True when the web port was asked for by name (--web-port): then a port that cannot be had stops the start.
        /// The default 8080 taken by another program is one line in the banner instead, and WWEP is served anyway.
        /// </summary>
        public bool WebPortRequired { get; set; }

        /// <summary>CSV file of <c>device ID,name</c> lines for the classroom view, or null for none.</summary>
        public string? RosterPath { get; set; }

        /// <summary>Whether the server answers mDNS queries for <see cref="MdnsName"/> and this machine's own name.</summary>
        public bool MdnsEnabled { get; set; } = true;

        /// <summary>The name announced over mDNS: the firmware's default server name, which the server certificate names.</summary>
        public string MdnsName { get; set; } = DefaultMdnsName;

        /// <summary>UDP port of the SNTP responder (RFC 4330); 0 turns it off.</summary>
        public int SntpPort { get; set; } = DefaultSntpPort;

        /// <summary>A TLS handshake that has not finished this long after the connection opened is dropped.</summary>
        public TimeSpan TlsHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Sending the reply (and the TLS close) may take this long; a client that does not read is then dropped.</summary>
        public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(2);
    }
}
