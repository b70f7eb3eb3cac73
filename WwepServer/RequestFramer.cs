using WwepDevice.Core.Protocol;

namespace WwepServer
{
    /// <summary>
    /// Decides when a request is complete (docs/wwep.md, "Connections and framing"): at the command's full length
    /// (W: 11, R: 7, from <see cref="WwepCodec.RequestLength"/>), with room for one trailing <c>\n</c> or
    /// <c>\r\n</c>; otherwise the caller waits for half-close or idle time. The bytes themselves are judged by
    /// <see cref="WwepCodec.ParseRequest"/> only.
    /// </summary>
    public static class RequestFramer
    {
        /// <summary>Classifies the bytes received so far.</summary>
        /// <param name="data">The received bytes from offset 0.</param>
        /// <param name="count">How many.</param>
        /// <param name="maxRequestBytes">The per-request limit.</param>
        /// <returns>What to do next.</returns>
        public static FrameState Classify(byte[] data, int count, int maxRequestBytes)
        {
            if (count > maxRequestBytes)
            {
                return FrameState.TooLong;
            }

            if (count == 0)
            {
                return FrameState.NeedMore;
            }

            int expected = WwepCodec.RequestLength(data[0]);
            if (expected < 0 || count < expected)
            {
                // An unknown letter is answered X too, but only once the client has finished sending, so that the
                // close cannot become a reset that destroys the X on its way.
                return FrameState.NeedMore;
            }

            int extra = count - expected;
            if (extra == 0)
            {
                return FrameState.FullLength;
            }

            if (extra == 1 && data[expected] == (byte)'\r')
            {
                return FrameState.AwaitingLineFeed;
            }

            // "\n", "\r\n", or anything else (the parser then says wrong length).
            return FrameState.Complete;
        }
    }
}
