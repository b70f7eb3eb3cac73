using System;
using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>
    /// A logger that writes each event as one line: the exception's message goes into the line, its stack trace does
    /// not (see <see cref="ForwardingLoggerProvider"/>).
    /// </summary>
    internal sealed class OneLineLogger : ILogger
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
