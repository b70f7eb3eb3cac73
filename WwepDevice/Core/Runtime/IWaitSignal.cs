namespace WwepDevice.Core.Runtime
{
    /// <summary>Wakes the network worker: a press, or the network coming back.</summary>
    public interface IWaitSignal
    {
        /// <summary>Wakes one waiter (or the next one to wait).</summary>
        void Set();

        /// <summary>Waits until <see cref="Set"/> or the timeout.</summary>
        /// <param name="timeoutMilliseconds">How long; -1 waits for ever.</param>
        /// <returns>True if woken by <see cref="Set"/>, false on timeout.</returns>
        bool Wait(int timeoutMilliseconds);
    }
}
