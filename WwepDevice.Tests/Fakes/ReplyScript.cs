namespace WwepDevice.Tests.Fakes
{
    /// <summary>What a <see cref="FakeConnection"/> does after receiving the request.</summary>
    public enum ReplyScript
    {
        /// <summary>Sends the reply bytes (possibly in chunks), then reports the close.</summary>
        ReplyThenClose,

        /// <summary>Sends the reply bytes, then times out instead of closing.</summary>
        ReplyThenTimeout,

        /// <summary>Sends the reply bytes, then the connection is reset.</summary>
        ReplyThenReset,

        /// <summary>The send itself fails: the connection is reset.</summary>
        ResetOnSend,
    }
}
