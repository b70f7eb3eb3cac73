using WwepDevice.Core.Runtime;

namespace WwepDevice.Tests.Fakes
{
    /// <summary>
    /// A timer the test steps: it records what was armed and fires only when the test says so, keeping the time that
    /// would have passed, so timing is checked without any sleep.
    /// </summary>
    public sealed class FakeTimer : IOneShotTimer
    {
        private TimerTick _due;
        private TimerTick _last;

        /// <summary>The armed delay; -1 when nothing is armed.</summary>
        public int Due { get; private set; } = -1;

        /// <summary>How many times it was started.</summary>
        public int Starts { get; private set; }

        /// <summary>The sum of the delays of every fire so far: the time the steps took.</summary>
        public long Elapsed { get; private set; }

        /// <summary>Whether something is armed.</summary>
        public bool Armed
        {
            get { return _due != null; }
        }

        /// <inheritdoc/>
        public void Start(int dueMilliseconds, TimerTick due)
        {
            Starts++;
            Due = dueMilliseconds;
            _due = due;
            _last = due;
        }

        /// <inheritdoc/>
        public void Cancel()
        {
            Due = -1;
            _due = null;
        }

        /// <summary>Calls the last started tick once more, armed or not: a platform callback already on its way.</summary>
        public void FireLastAgain()
        {
            if (_last != null)
            {
                _last();
            }
        }

        /// <summary>Lets the armed delay pass: calls what was armed (which may arm the next step).</summary>
        /// <returns>False when nothing was armed.</returns>
        public bool Fire()
        {
            TimerTick due = _due;
            if (due == null)
            {
                return false;
            }

            Elapsed += Due;
            Due = -1;
            _due = null;
            due();
            return true;
        }
    }
}
