using System;
using nanoFramework.Runtime.Native;

namespace WwepDevice.Esp32
{
    /// <summary>Sets the board's clock for the core's <c>ClockSync</c> (a <c>ClockSetter</c>).</summary>
    public static class RtcClockSetter
    {
        /// <summary>Sets the system time (nanoFramework.Runtime.Native <c>Rtc.SetSystemTime</c>).</summary>
        /// <param name="utc">The new time.</param>
        public static void Set(DateTime utc)
        {
            Rtc.SetSystemTime(utc);
        }
    }
}
