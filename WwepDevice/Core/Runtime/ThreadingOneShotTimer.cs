using System.Threading;

namespace WwepDevice.Core.Runtime
{
    /// <summary>
    /// <see cref="IOneShotTimer"/> on <see cref="Timer"/>, the same on nanoFramework and .NET. Each start makes a new
    /// timer with its own token, so a callback of an earlier start that was already on its way when it was replaced
    /// or cancelled calls nothing.
    /// </summary>
    public sealed class ThreadingOneShotTimer : IOneShotTimer
    {
        private readonly object _sync = new object();
        private Timer _timer;
        private object _token;
        private TimerTick _due;

        /// <inheritdoc/>
        public void Start(int dueMilliseconds, TimerTick due)
        {
            lock (_sync)
            {
                Stop();
                object token = new object();
                _token = token;
                _due = due;
                _timer = new Timer(OnTimer, token, dueMilliseconds < 0 ? 0 : dueMilliseconds, Timeout.Infinite);
            }
        }

        /// <inheritdoc/>
        public void Cancel()
        {
            lock (_sync)
            {
                Stop();
            }
        }

        private void Stop()
        {
            _token = null;
            _due = null;
            if (_timer != null)
            {
                _timer.Dispose();
                _timer = null;
            }
        }

        private void OnTimer(object token)
        {
            TimerTick due;
            lock (_sync)
            {
                if (token != _token)
                {
                    return;
                }

                due = _due;
                Stop();
            }

            due();
        }
    }
}
