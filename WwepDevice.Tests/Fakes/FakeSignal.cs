using System.Collections;
using WwepDevice.Core.Runtime;

namespace WwepDevice.Tests.Fakes
{
    /// <summary>
    /// A wait signal that never blocks: it records each backoff asked for and answers as if the wait ran out,
    /// unless a set came first (then it answers "woken"), or <see cref="DuringWait"/> runs and sets it.
    /// </summary>
    public sealed class FakeSignal : IWaitSignal
    {
        private readonly ArrayList _waits = new ArrayList();
        private bool _set;

        /// <summary>Run inside each finite wait, before it answers (to simulate a press during a backoff).</summary>
        public ConnectHook DuringWait { get; set; }

        /// <summary>How many finite waits were asked for.</summary>
        public int WaitCount
        {
            get { return _waits.Count; }
        }

        /// <summary>How many times Set was called.</summary>
        public int Sets { get; private set; }

        /// <summary>The timeout of wait <paramref name="index"/>.</summary>
        /// <param name="index">0-based.</param>
        /// <returns>Milliseconds.</returns>
        public int WaitMilliseconds(int index)
        {
            return (int)_waits[index];
        }

        /// <inheritdoc/>
        public void Set()
        {
            Sets++;
            _set = true;
        }

        /// <inheritdoc/>
        public bool Wait(int timeoutMilliseconds)
        {
            _waits.Add(timeoutMilliseconds);
            if (DuringWait != null)
            {
                DuringWait(_waits.Count);
            }

            bool woken = _set;
            _set = false;
            return woken;
        }

        /// <summary>Forgets pending sets (the presses made before the code under test ran).</summary>
        public void Clear()
        {
            _set = false;
        }
    }
}
