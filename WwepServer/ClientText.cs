using WwepDevice.Core.Protocol;

namespace WwepServer
{
    /// <summary>
    /// Whatever a client sent, as the classroom view may show it: bytes outside printable ASCII escaped (\x16), and cut
    /// to a fixed width, so that no request can break the page's layout or pass for the server's own text.
    /// </summary>
    public static class ClientText
    {
        /// <summary>Characters of client text the view shows at most (a legal request has 13).</summary>
        public const int ViewWidth = 40;

        /// <summary>Escapes and cuts bytes a client sent.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">Where they start.</param>
        /// <param name="count">How many.</param>
        /// <returns>At most <see cref="ViewWidth"/> characters.</returns>
        public static string FromBytes(byte[] data, int offset, int count)
        {
            return Cut(WwepCodec.ToPrintable(data, offset, count));
        }

        /// <summary>Cuts text to <see cref="ViewWidth"/>, marking the cut with an ellipsis.</summary>
        /// <param name="text">Printable text.</param>
        /// <returns>At most <see cref="ViewWidth"/> characters.</returns>
        public static string Cut(string text)
        {
            return text.Length <= ViewWidth ? text : text.Substring(0, ViewWidth - 1) + "\u2026";
        }
    }
}
