using System.Diagnostics;
using System.Threading;
using WwepDevice.Core.Runtime;

namespace WwepLatency.Benchmark
{
    /// <summary>
    /// The firmware's log as a stopwatch: the moment the controller prints "... stored on the server" is the moment
    /// the device has the server's acknowledgement. Any other Error line is kept to report a failed run.
    /// </summary>
    public sealed class TimingLog : ILog
    {
        private readonly AutoResetEvent _stored = new AutoResetEvent(false);
        private long _storedAt;

        /// <summary>The last error line, or null.</summary>
        public string? LastError { get; private set; }

        /// <inheritdoc/>
        public void Write(LogLevel level, string line)
        {
            if (line.Contains(" stored on the server ", System.StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref _storedAt, Stopwatch.GetTimestamp());
                _stored.Set();
            }
            else if (level == LogLevel.Error)
            {
                LastError = line;
            }
        }

        /// <summary>Waits for the next acknowledgement.</summary>
        /// <param name="timeoutMilliseconds">How long at most.</param>
        /// <returns>The Stopwatch timestamp of the acknowledgement, or -1 on timeout.</returns>
        public long WaitForStored(int timeoutMilliseconds)
        {
            return _stored.WaitOne(timeoutMilliseconds) ? Interlocked.Read(ref _storedAt) : -1;
        }
    }
}
