using System;
using WwepDevice.Core.Clock;

namespace WwepDevice.Esp32
{
    /// <summary>The board's clock, set by SNTP once Wi-Fi has an address.</summary>
    public sealed class SystemClock : IClock
    {
        /// <inheritdoc/>
        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }
    }
}
