namespace WwepServer
{
    /// <summary>The reply a request earned: its length in the connection's reply buffer and, for <c>X</c>, why.</summary>
    public readonly struct ReplyOutcome
    {
        /// <summary>Creates an outcome.</summary>
        /// <param name="length">Bytes of reply in the buffer.</param>
        /// <param name="rejectReason">Why the reply is <c>X</c>, or null for <c>A</c>.</param>
        /// <param name="failure">When the X is a failure the board's card should show (another device's register under
        /// mutual TLS), its cause; else null.</param>
        public ReplyOutcome(int length, string? rejectReason, FailureCause? failure = null)
        {
            Length = length;
            RejectReason = rejectReason;
            Failure = failure;
        }

        /// <summary>Bytes of reply in the buffer.</summary>
        public int Length { get; }

        /// <summary>Why the reply is <c>X</c> (for the transaction line), or null for <c>A</c>.</summary>
        public string? RejectReason { get; }

        /// <summary>The failure cause behind the X, or null.</summary>
        public FailureCause? Failure { get; }
    }
}
