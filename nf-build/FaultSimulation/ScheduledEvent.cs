namespace FaultSimulation;

/// <summary>What happens at one moment of a schedule.</summary>
public enum EventKind
{
    /// <summary>A button's press edge that starts a press (the button was up): the LED must toggle.</summary>
    Press,

    /// <summary>A second press edge within the debounce window of the first (a bounce the driver let through): no toggle.</summary>
    Bounce,

    /// <summary>A button's release edge.</summary>
    Release,

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
/// <param name="Button">For the button's edges: 0 the first button, 1 the second (TLS) one of the two-button mode.</param>
public sealed record ScheduledEvent(long AtMilliseconds, EventKind Kind, int Button = 0)
{
    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        EventKind.Press or EventKind.Bounce or EventKind.Release => $"{AtMilliseconds} ms {Kind} button {Button + 1}",
        _ => $"{AtMilliseconds} ms {Kind}",
    };
}
