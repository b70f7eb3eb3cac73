namespace WwepServer.Benchmark
{
    /// <summary>What each client sends, and what counts as a correct reply.</summary>
    public enum LoadKind
    {
        /// <summary>Writes; any 11-byte reply starting with A counts (the nginx baseline's fixed reply).</summary>
        FixedReply,

        /// <summary>Durable writes to the client's own register; the reply must be their exact echo.</summary>
        Writes,

        /// <summary>Reads of the client's own register (written before); the reply must be A with that register.</summary>
        Reads,
    }
}
