using System.Threading;

namespace WwepDevice.Core.Runtime
{
    /// <summary><see cref="IWaitSignal"/> on an <see cref="AutoResetEvent"/>, the same on nanoFramework and .NET.</summary>
    public sealed class AutoResetSignal : IWaitSignal
    {
        private readonly AutoResetEvent _event = new AutoResetEvent(false);

        /// <inheritdoc/>
        public void Set()
        {
            _event.Set();
        }

        /// <inheritdoc/>
        public bool Wait(int timeoutMilliseconds)
        {
            return _event.WaitOne(timeoutMilliseconds, false);
        }
    }
}
