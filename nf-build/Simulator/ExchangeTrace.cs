using System.IO;
using WwepDevice.Core.Protocol;

namespace WwepSimulator
{
    /// <summary>
    /// Shows the bytes on the wire ("[SIM] request ..." and "[SIM] reply ..."), which the board does not log: the
    /// simulator is where a student watches the protocol. Null output means silent.
    /// </summary>
    public sealed class ExchangeTrace
    {
        private readonly TextWriter? _output;

        /// <summary>Creates the trace.</summary>
        /// <param name="output">Where lines go; null for none.</param>
        public ExchangeTrace(TextWriter? output)
        {
            _output = output;
        }

        /// <summary>A line about the connection.</summary>
        /// <param name="text">The line, without prefix.</param>
        public void Note(string text)
        {
            _output?.WriteLine("[SIM] " + text);
        }

        /// <summary>Bytes sent.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">How many.</param>
        public void Sent(byte[] buffer, int offset, int count)
        {
            _output?.WriteLine("[SIM] request " + WwepCodec.ToPrintable(buffer, offset, count));
        }

        /// <summary>Bytes received.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">How many (0: the server closed).</param>
        public void Received(byte[] buffer, int offset, int count)
        {
            _output?.WriteLine(count > 0 ? "[SIM] reply   " + WwepCodec.ToPrintable(buffer, offset, count) : "[SIM] server closed the connection");
        }
    }
}
