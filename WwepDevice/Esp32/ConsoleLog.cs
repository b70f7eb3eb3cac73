using System;
using WwepDevice.Core.Runtime;

namespace WwepDevice.Esp32
{
    /// <summary>
    /// Log lines on the device's output (the VS Code debug console, or the serial port). Console, not Debug:
    /// Debug.WriteLine vanishes from Release builds, and a field failure must still say what went wrong.
    /// </summary>
    public sealed class ConsoleLog : ILog
    {
        private static readonly object Sync = new object();
        private static readonly string ErrorPrefix = "[WWEP] ERROR ";
        private static readonly string WarningPrefix = "[WWEP] WARN  ";
        private static readonly string InfoPrefix = "[WWEP] ";

        /// <inheritdoc/>
        public void Write(LogLevel level, string line)
        {
            // The prefix and the line go out in two writes under one lock, not as one concatenated string: on the
            // nanoCLR that string would be a new heap block for every line, the success line of every press included.
            lock (Sync)
            {
                Console.Write(level == LogLevel.Error ? ErrorPrefix : level == LogLevel.Warning ? WarningPrefix : InfoPrefix);
                Console.WriteLine(line);
            }
        }
    }
}
