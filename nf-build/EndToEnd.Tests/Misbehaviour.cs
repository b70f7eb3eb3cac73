namespace WwepEndToEnd.Tests
{
    /// <summary>How <see cref="MisbehavingResponder"/> answers a request.</summary>
    public enum Misbehaviour
    {
        /// <summary>Correctly: the accept that echoes the write (the fault is fixed).</summary>
        None,

        /// <summary><c>X Not Found</c> and a close, as the course's reference server refuses.</summary>
        RejectWithReason,

        /// <summary>An HTTP status line: not a WWEP server on this port.</summary>
        Garbage,

        /// <summary>The first 5 of the 11 reply bytes, then a clean close.</summary>
        ShortReply,

        /// <summary>Reads the request and never answers (the connection stays open).</summary>
        NoReply,

        /// <summary>The first 5 reply bytes, then a TCP reset (RST) instead of the rest.</summary>
        ResetMidReply,
    }
}
