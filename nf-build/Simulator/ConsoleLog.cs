using System.IO;
using WwepDevice.Core.Runtime;

namespace WwepSimulator
{
    /// <summary>
    /// Log lines with the very prefixes of the board's <c>WwepDevice.Esp32.ConsoleLog</c>, so a simulator run reads
    /// like the board's serial output.
    /// </summary>
    public sealed class ConsoleLog : ILog
    {
        private readonly TextWriter _output;

        /// <summary>Creates the log.</summary>
        /// <param name="output">Where lines go; shared with the LED and the trace, so it must be synchronized.</param>
        public ConsoleLog(TextWriter output)
        {
            _output = output;
        }

        /// <inheritdoc/>
        public void Write(LogLevel level, string line)
        {
            string prefix = level == LogLevel.Error ? "[WWEP] ERROR " : level == LogLevel.Warning ? "[WWEP] WARN  " : "[WWEP] ";
            _output.WriteLine(prefix + line);
        }
    }
}
