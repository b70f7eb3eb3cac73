using System;

namespace WwepDevice.Core.Clock
{
    /// <summary>The device's wall clock: TLS needs it to check certificate dates.</summary>
    public interface IClock
    {
        /// <summary>The current time in UTC (1970 on an ESP32 until SNTP has synced).</summary>
        DateTime UtcNow { get; }
    }
}
