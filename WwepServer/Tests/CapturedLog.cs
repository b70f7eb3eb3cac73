using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace WwepServer.Tests
{
    /// <summary>A logger provider that keeps every formatted log line, so tests can assert on what the server said.</summary>
    public sealed class CapturedLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new ConcurrentQueue<string>();

        /// <summary>All lines so far, as <c>Warning: text</c>.</summary>
        public IReadOnlyList<string> Lines
        {
            get { return _lines.ToArray(); }
        }

        /// <summary>A factory that logs into this capture.</summary>
        /// <returns>The factory.</returns>
        public ILoggerFactory CreateFactory()
        {
            return LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(this));
        }

        /// <summary>Waits until a line contains <paramref name="fragment"/>.</summary>
        /// <param name="fragment">Text to look for.</param>
        /// <param name="within">How long to wait.</param>
        /// <returns>The line.</returns>
        public async Task<string> WaitForAsync(string fragment, TimeSpan within)
        {
            DateTime deadline = DateTime.UtcNow + within;
            while (true)
            {
                string? line = _lines.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal));
                if (line != null)
                {
                    return line;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("no log line with '" + fragment + "' within " + within + "; lines:\n" + string.Join("\n", _lines));
                }

                await Task.Delay(20);
            }
        }

        /// <inheritdoc />
        public ILogger CreateLogger(string categoryName)
        {
            return new CapturedLogger(_lines);
        }

        /// <inheritdoc />
        public void Dispose()
        {
        }
    }
}
