namespace FaultSimulation;

/// <summary>What happens at one moment of a schedule.</summary>
public enum EventKind
{
    /// <summary>A short press (toggles the LED).</summary>
    ShortPress,

    /// <summary>A long press (retries an undelivered state; never toggles).</summary>
    LongPress,

    /// <summary>Wi-Fi loses its address.</summary>
    WifiDown,

    /// <summary>Wi-Fi has an address again.</summary>
    WifiUp,

    /// <summary>The clock becomes unset (a cold boot's 1970).</summary>
    ClockUnset,

    /// <summary>SNTP sets the clock.</summary>
    ClockSet,
}

/// <summary>One event of a schedule, at a virtual time.</summary>
/// <param name="AtMilliseconds">Virtual time from the start.</param>
/// <param name="Kind">What happens.</param>
public sealed record ScheduledEvent(long AtMilliseconds, EventKind Kind)
{
    /// <inheritdoc/>
    public override string ToString() => $"{AtMilliseconds} ms {Kind}";
}
