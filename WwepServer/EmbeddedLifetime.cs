using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace WwepServer
{
    /// <summary>
    /// The web view's host lifetime: none of its own. ASP.NET Core's default console lifetime would take Ctrl+C and
    /// SIGTERM for itself and print its own banner; the WWEP server owns both, and stops the view when it stops.
    /// </summary>
    internal sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken)
        {
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            return Task.CompletedTask;
        }
    }
}
