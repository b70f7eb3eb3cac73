using System;
using System.Diagnostics;
using WwepDevice.Core;

namespace WwepSimulator
{
    /// <summary>
    /// The device clock: this PC's UTC clock, or a chosen start instant that then runs at real speed, to reproduce a
    /// board whose clock is not set (1970) or behind.
    /// </summary>
    public sealed class SimulatedClock : IClock
    {
        private readonly DateTime? _start;
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();

        /// <summary>Creates the clock.</summary>
        /// <param name="startUtc">The instant the simulated clock starts at; null for this PC's clock.</param>
        public SimulatedClock(DateTime? startUtc)
        {
            _start = startUtc;
        }

        /// <summary>True when the clock is a chosen one, not this PC's.</summary>
        public bool IsSimulated
        {
            get { return _start.HasValue; }
        }

        /// <inheritdoc/>
        public DateTime UtcNow
        {
            get { return _start.HasValue ? _start.Value + _elapsed.Elapsed : DateTime.UtcNow; }
        }
    }
}
