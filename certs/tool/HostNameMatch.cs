namespace WwepCerts
{
    /// <summary>How a certificate covers the host name a TLS client verifies.</summary>
    public enum HostNameMatch
    {
        /// <summary>A subject alternative name matches.</summary>
        Covered,

        /// <summary>No subject alternative names at all, but the CN matches (mbedTLS accepts it; most other clients do not).</summary>
        CoveredByCommonNameOnly,

        /// <summary>Nothing matches: the handshake fails with a name mismatch.</summary>
        NotCovered,
    }
}
