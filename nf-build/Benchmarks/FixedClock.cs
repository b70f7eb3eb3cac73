using System;
using WwepDevice.Core.Clock;

namespace WwepDevice.Benchmarks
{
    /// <summary>A set clock, so TLS sends are not refused for an unset one.</summary>
    internal sealed class FixedClock : IClock
    {
        public DateTime UtcNow { get; } = new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);
    }
}
