using System;
using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>
    /// Hands the web view's loggers to the server's own logger factory, so its warnings look like the server's, and
    /// keeps each of its events to one line: the exception's message goes into the line, its stack trace does not
    /// (a teacher reads the console; a port in use is not a crash).
    /// </summary>
    internal sealed class ForwardingLoggerProvider : ILoggerProvider
    {
        private readonly ILoggerFactory _factory;

        public ForwardingLoggerProvider(ILoggerFactory factory)
        {
            _factory = factory;
        }

        public ILogger CreateLogger(string categoryName)
        {
            return new OneLineLogger(_factory.CreateLogger(categoryName));
        }

        public void Dispose()
        {
            // The factory belongs to the server.
        }

        private sealed class OneLineLogger : ILogger
        {
            private readonly ILogger _inner;

            public OneLineLogger(ILogger inner)
            {
                _inner = inner;
            }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                return _inner.BeginScope(state);
            }

            public bool IsEnabled(LogLevel logLevel)
            {
                return _inner.IsEnabled(logLevel);
            }

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                string text = formatter(state, exception);
                if (exception != null)
                {
                    text += ": " + exception.Message;
                }

                _inner.Log(logLevel, eventId, text.Replace('\r', ' ').Replace('\n', ' '), null, (line, _) => line);
            }
        }
    }
}
