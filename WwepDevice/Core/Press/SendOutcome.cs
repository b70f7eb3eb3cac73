namespace WwepDevice.Core.Press
{
    /// <summary>The result of one attempt to deliver the LED state.</summary>
    public enum SendOutcome
    {
        /// <summary>The server answered <c>A</c> with the exact echo: the state is stored.</summary>
        Acknowledged = 0,

        /// <summary>The server answered <c>X</c>: it refuses the request; repeating it will not help.</summary>
        Rejected,

        /// <summary>The reply was not WWEP (garbage, short, wrong letter).</summary>
        BadReply,

        /// <summary>The reply was an <c>A</c> for something other than what was sent.</summary>
        EchoMismatch,

        /// <summary>The server could not be reached or the connection failed; see the diagnosis.</summary>
        TransportFailed,
    }
}
