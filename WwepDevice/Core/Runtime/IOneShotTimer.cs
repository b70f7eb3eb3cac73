namespace WwepDevice.Core.Runtime
{
    /// <summary>
    /// The one timer seam of the core: the blink codes and the long press are driven by it, never by a sleeping
    /// thread, so neither can hold up a press or the network worker, and tests step them with a fake.
    /// </summary>
    public interface IOneShotTimer
    {
        /// <summary>Calls <paramref name="due"/> once after <paramref name="dueMilliseconds"/>; replaces any earlier start.</summary>
        /// <param name="dueMilliseconds">How long from now (0 or more).</param>
        /// <param name="due">What to call.</param>
        void Start(int dueMilliseconds, TimerTick due);

        /// <summary>Forgets the pending call, if any.</summary>
        void Cancel();
    }
}
