using System.Threading.Tasks;
using Xunit;

namespace WwepServer.Tests
{
    /// <summary>One server for all tests of a class (xunit class fixture).</summary>
    public sealed class SharedServerFixture : IAsyncLifetime
    {
        /// <summary>The server (set once initialized).</summary>
        public TestServer Server { get; private set; } = null!;

        /// <inheritdoc />
        public Task InitializeAsync()
        {
            Server = TestServer.Start();
            return Task.CompletedTask;
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
        }
    }
}
