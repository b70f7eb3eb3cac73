using System;
using System.Text.Json.Serialization;
using WwepDevice.Core.Protocol;

namespace WwepServer
{
    /// <summary>
    /// One connection that failed, with its cause: what the log line, the board's card and /api/devices show.
    /// </summary>
    public sealed class ConnectionFailure : ClassroomEvent
    {
        /// <summary>Creates the failure.</summary>
        /// <param name="time">When it was seen (UTC).</param>
        /// <param name="transport"><c>plain</c> or <c>TLS</c>.</param>
        /// <param name="peer">Client address and port.</param>
        /// <param name="address">Client address alone (what failures are counted by).</param>
        /// <param name="identity">The CN of the certificate the client presented (accepted or not), or null.</param>
        /// <param name="cause">Why.</param>
        /// <param name="detail">What the server saw that says so (an alert, OpenSSL's reason, a date), or null.</param>
        /// <param name="sent">What the client sent, printable and cut, when that is the evidence (plain bytes on the TLS
        /// port, an HTTP request); else null.</param>
        /// <param name="serverName">The server name the client asked for in its ClientHello, or null.</param>
        public ConnectionFailure(DateTime time, string transport, string peer, string address, string? identity, FailureCause cause, string? detail, string? sent, string? serverName = null)
            : base(time, transport, peer, identity)
        {
            Address = address;
            Cause = cause;
            Detail = detail;
            Sent = sent;
            ServerName = serverName;
        }

        /// <summary>Client address alone.</summary>
        public string Address { get; }

        /// <summary>Why.</summary>
        [JsonIgnore]
        public FailureCause Cause { get; }

        /// <summary>The cause's short code, for example <c>untrusted-server</c>.</summary>
        [JsonPropertyName("cause")]
        public string Code
        {
            get { return FailureCatalog.Describe(Cause).Code; }
        }

        /// <summary>What happened, in words a student can follow.</summary>
        public string Title
        {
            get { return FailureCatalog.Describe(Cause).Title; }
        }

        /// <summary>
        /// The server whose fix texts these are (its real ports and names); set by <see cref="FailureLog.Record"/>
        /// before the failure is logged or shown.
        /// </summary>
        [JsonIgnore]
        public ServerFacts Facts { get; set; } = ServerFacts.Defaults;

        /// <summary>What to do about it, with this server's ports and this board's device ID and server name filled in where they are known.</summary>
        public string Fix
        {
            get
            {
                string fix = Facts.Fill(FailureCatalog.Describe(Cause).Fix);
                if (Identity != null && DeviceIdentity.TryParseHex(Identity, out _))
                {
                    fix = fix.Replace(FailureCatalog.DeviceIdPlaceholder, Identity, StringComparison.Ordinal);
                }

                return ServerName != null ? fix.Replace(FailureCatalog.ServerNamePlaceholder, ServerName, StringComparison.Ordinal) : fix;
            }
        }

        /// <summary>The server name the client asked for (SNI), or null.</summary>
        public string? ServerName { get; }

        /// <summary>What the server saw that says so, or null.</summary>
        public string? Detail { get; }

        /// <summary>What the client sent, printable and cut, or null.</summary>
        public string? Sent { get; }

        /// <summary>The log line: who, what happened, the evidence and the fix.</summary>
        /// <returns>One line.</returns>
        public string Describe()
        {
            return Transport + " " + Peer + (Identity != null ? " (CN=" + Identity + ")" : string.Empty) + ": " + Title
                + (Detail != null ? " [" + Detail + "]" : string.Empty)
                + (Sent != null ? " [sent: " + Sent + "]" : string.Empty)
                + "; fix: " + Fix + " (" + Code + ")";
        }
    }
}
