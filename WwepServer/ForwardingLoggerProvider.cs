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
    }
}
