using System;
using System.Diagnostics;
using WwepDevice.Core.Clock;

namespace WwepSimulator
{
    /// <summary>
    /// The device clock: this PC's UTC clock, or a chosen start instant that then runs at real speed, to reproduce a
    /// board whose clock is not set (1970) or behind. The firmware's ClockSync can set it, as Rtc.SetSystemTime does on
    /// the board.
    /// </summary>
    public sealed class SimulatedClock : IClock
    {
        private readonly object _sync = new object();
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private DateTime? _start;

        /// <summary>Creates the clock.</summary>
        /// <param name="startUtc">The instant the simulated clock starts at; null for this PC's clock.</param>
        public SimulatedClock(DateTime? startUtc)
        {
            _start = startUtc;
        }

        /// <summary>True when the clock is a chosen one, not this PC's.</summary>
        public bool IsSimulated
        {
            get
            {
                lock (_sync)
                {
                    return _start.HasValue;
                }
            }
        }

        /// <inheritdoc/>
        public DateTime UtcNow
        {
            get
            {
                lock (_sync)
                {
                    return _start.HasValue ? _start.Value + _elapsed.Elapsed : DateTime.UtcNow;
                }
            }
        }

        /// <summary>Sets the clock (a <c>ClockSetter</c>); it runs on from there at real speed.</summary>
        /// <param name="utc">The new time.</param>
        public void Set(DateTime utc)
        {
            lock (_sync)
            {
                _start = utc;
                _elapsed.Restart();
            }
        }
    }
}
