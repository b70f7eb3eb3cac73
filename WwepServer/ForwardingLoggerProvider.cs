using Microsoft.Extensions.Logging;

namespace WwepServer
{
    /// <summary>Hands the web view's loggers to the server's own logger factory, so its warnings look like the server's.</summary>
    internal sealed class ForwardingLoggerProvider : ILoggerProvider
    {
        private readonly ILoggerFactory _factory;

        public ForwardingLoggerProvider(ILoggerFactory factory)
        {
            _factory = factory;
        }

        public ILogger CreateLogger(string categoryName)
        {
            return _factory.CreateLogger(categoryName);
        }

        public void Dispose()
        {
            // The factory belongs to the server.
        }
    }
}
