using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WwepServer.Tests
{
    /// <summary>The logger behind <see cref="CapturedLog"/>.</summary>
    internal sealed class CapturedLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _lines;

        public CapturedLogger(ConcurrentQueue<string> lines)
        {
            _lines = lines;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            return null;
        }

        public bool IsEnabled(LogLevel logLevel)
        {
            return true;
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            _lines.Enqueue(logLevel + ": " + formatter(state, exception));
        }
    }
}
