namespace WwepServer
{
    /// <summary>What the server should do with the bytes a connection has sent so far.</summary>
    public enum FrameState
    {
        /// <summary>Not complete: wait for more, up to the idle time.</summary>
        NeedMore,

        /// <summary>The command's full length is here: answer now.</summary>
        FullLength,

        /// <summary>Full length plus <c>\r</c>: the <c>\n</c> is probably on its way, wait for it briefly (idle time).</summary>
        AwaitingLineFeed,

        /// <summary>Complete: answer now (the parser decides between <c>A</c> and <c>X</c>).</summary>
        Complete,

        /// <summary>More bytes than a request may have: answer <c>X</c> and log the limit.</summary>
        TooLong,
    }
}
