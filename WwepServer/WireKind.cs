namespace WwepServer
{
    /// <summary>What the first bytes of a connection look like (see <see cref="WireGuess"/>).</summary>
    public enum WireKind
    {
        /// <summary>Nothing was sent.</summary>
        Nothing,

        /// <summary>A TLS handshake record (0x16 0x03 ...), a ClientHello.</summary>
        Tls,

        /// <summary>An HTTP request line (GET, POST, ...).</summary>
        Http,

        /// <summary>Printable text that starts as a WWEP request does (W or R).</summary>
        Wwep,

        /// <summary>Anything else.</summary>
        Other,
    }
}
