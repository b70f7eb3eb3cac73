using System;
using System.Threading;

namespace WwepDevice.Core.Runtime
{
    /// <summary>
    /// Runs one fixed job at a time on one long-lived thread, and lets the caller wait for it at most a timeout. The
    /// board's connect uses it: lwIP's connect has no timeout of its own, and a new thread for every send costs the
    /// nanoCLR a thread object and a native thread record (about 1 KB on 64-bit, half on the board) each time.
    /// </summary>
    public sealed class TimedWorker
    {
        private readonly object _sync = new object();
        private readonly ThreadStart _job;
        private readonly AutoResetSignal _start = new AutoResetSignal();
        private readonly AutoResetSignal _done = new AutoResetSignal();
        private Thread _thread;
        private bool _busy;
        private bool _stopping;
        private int _runs;

        /// <summary>Creates the worker; its thread starts with the first run.</summary>
        /// <param name="job">What every run does. Its inputs are set by the caller before <see cref="Run(int)"/>.</param>
        public TimedWorker(ThreadStart job)
        {
            _job = job;
        }

        /// <summary>Runs started since creation (each on the same thread).</summary>
        public int Runs
        {
            get
            {
                lock (_sync)
                {
                    return _runs;
                }
            }
        }

        /// <summary>True while a run that outlived its caller's timeout is still going.</summary>
        public bool IsBusy
        {
            get
            {
                lock (_sync)
                {
                    return _busy;
                }
            }
        }

        /// <summary>
        /// Starts the job and waits for it. A job still running from an earlier timed-out call is not joined by a
        /// second one: the call returns false at once, so the caller never waits longer than its timeout.
        /// </summary>
        /// <param name="timeoutMilliseconds">The longest wait.</param>
        /// <returns>True when the job finished within the timeout.</returns>
        public bool Run(int timeoutMilliseconds)
        {
            return Run(timeoutMilliseconds, null);
        }

        /// <summary>
        /// Like <see cref="Run(int)"/>, but first hands the job its inputs through <paramref name="prepare"/>, called
        /// only once the worker is known to be free. Preparing before that check let a timed-out run that ended in
        /// between overwrite the fresh inputs (its error) and make the next good run look failed.
        /// </summary>
        /// <param name="timeoutMilliseconds">The longest wait.</param>
        /// <param name="prepare">Sets the job's inputs and clears its last outcome; not called when the worker is busy. May be null.</param>
        /// <returns>True when the job finished within the timeout.</returns>
        public bool Run(int timeoutMilliseconds, ThreadStart prepare)
        {
            lock (_sync)
            {
                if (_busy || _stopping)
                {
                    return false;
                }

                // Under the lock and with _busy false, no earlier run can still write the job's state.
                if (prepare != null)
                {
                    prepare();
                }

                _busy = true;
                _runs++;
                if (_thread == null)
                {
                    _thread = new Thread(Loop);
                    _thread.Start();
                }
            }

            // A run that finished after its caller gave up left the done signal set: it must not end this wait.
            _done.Wait(0);
            _start.Set();
            return _done.Wait(timeoutMilliseconds);
        }

        /// <summary>Ends the thread once its current run is over (the firmware never does; tests and the simulator do).</summary>
        public void Stop()
        {
            lock (_sync)
            {
                _stopping = true;
            }

            _start.Set();
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait(Timeout.Infinite);
                lock (_sync)
                {
                    if (_stopping)
                    {
                        return;
                    }
                }

                try
                {
                    _job();
                }
                catch (Exception)
                {
                    // The job reports its own outcome; an escape must not end the only thread.
                }

                lock (_sync)
                {
                    _busy = false;
                }

                _done.Set();
            }
        }
    }
}
