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
        /// <inheritdoc/>
        public void Write(LogLevel level, string line)
        {
            string prefix = level == LogLevel.Error ? "[WWEP] ERROR " : level == LogLevel.Warning ? "[WWEP] WARN  " : "[WWEP] ";
            Console.WriteLine(prefix + line);
        }
    }
}
