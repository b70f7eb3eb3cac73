using System;

namespace WwepDevice.Core.Clock
{
    /// <summary>Sets the device's wall clock (on the board, <c>Rtc.SetSystemTime</c>).</summary>
    /// <param name="utc">The new time.</param>
    public delegate void ClockSetter(DateTime utc);
}
