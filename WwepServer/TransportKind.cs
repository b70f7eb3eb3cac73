namespace WwepServer
{
    /// <summary>Which of the two ports a connection came in on.</summary>
    public enum TransportKind
    {
        /// <summary>Plain TCP (27708).</summary>
        Plain,

        /// <summary>TLS (40508).</summary>
        Tls,
    }
}
