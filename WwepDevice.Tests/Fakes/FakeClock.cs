using System;
using WwepDevice.Core.Clock;

namespace WwepDevice.Tests.Fakes
{
    /// <summary>A clock the test sets.</summary>
    public sealed class FakeClock : IClock
    {
        private DateTime _utc;
        private int _reads;

        /// <summary>Creates a clock at <paramref name="utc"/>.</summary>
        /// <param name="utc">The time it reports.</param>
        public FakeClock(DateTime utc)
        {
            UtcNow = utc;
        }

        /// <summary>A clock that has been set by SNTP (2026-11-21).</summary>
        /// <returns>The clock.</returns>
        public static FakeClock Synced()
        {
            return new FakeClock(new DateTime(2026, 11, 21, 12, 0, 0));
        }

        /// <summary>Run at each read of <see cref="UtcNow"/>, before it answers, with the read's number from 1.</summary>
        public ConnectHook OnRead { get; set; }

        /// <inheritdoc/>
        public DateTime UtcNow
        {
            get
            {
                _reads++;
                if (OnRead != null)
                {
                    OnRead(_reads);
                }

                return _utc;
            }

            set
            {
                _utc = value;
            }
        }
    }
}
