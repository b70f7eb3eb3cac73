using System;
using System.Diagnostics;
using System.Threading;
using WwepDevice.Core.Runtime;

namespace WwepSimulator
{
    /// <summary>
    /// The worker's wake-up signal (auto-reset, like the board's), which also knows when the worker is idle: it is
    /// blocked in an untimed wait with no wake-up pending. A backoff between retries is a timed wait, so a worker
    /// that is about to retry does not count as idle. Scripted runs use this to end only when all work is done.
    /// </summary>
    public sealed class WorkerSignal : IWaitSignal
    {
        private readonly object _gate = new object();
        private bool _signaled;
        private bool _idle;

        /// <inheritdoc/>
        public void Set()
        {
            lock (_gate)
            {
                _signaled = true;
                Monitor.PulseAll(_gate);
            }
        }

        /// <inheritdoc/>
        public bool Wait(int timeoutMilliseconds)
        {
            lock (_gate)
            {
                bool untimed = timeoutMilliseconds == Timeout.Infinite;
                Stopwatch waited = Stopwatch.StartNew();
                try
                {
                    while (!_signaled)
                    {
                        if (untimed && !_idle)
                        {
                            _idle = true;
                            Monitor.PulseAll(_gate);
                        }

                        int left = untimed ? Timeout.Infinite : timeoutMilliseconds - (int)waited.ElapsedMilliseconds;
                        if (!untimed && left <= 0)
                        {
                            return false;
                        }

                        Monitor.Wait(_gate, left);
                    }

                    _signaled = false;
                    return true;
                }
                finally
                {
                    _idle = false;
                }
            }
        }

        /// <summary>Waits until the worker waits for the next press with nothing left to do.</summary>
        /// <param name="timeout">How long to wait at most.</param>
        /// <returns>False when the worker was still busy at the timeout.</returns>
        public bool WaitUntilIdle(TimeSpan timeout)
        {
            Stopwatch waited = Stopwatch.StartNew();
            lock (_gate)
            {
                while (!_idle || _signaled)
                {
                    TimeSpan left = timeout - waited.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        return false;
                    }

                    Monitor.Wait(_gate, left);
                }

                return true;
            }
        }
    }
}
