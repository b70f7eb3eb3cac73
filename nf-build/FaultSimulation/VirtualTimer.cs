using WwepDevice.Core.Runtime;

namespace FaultSimulation;

/// <summary>
/// A one-shot timer on the world's virtual time, in place of the board's <c>ThreadingOneShotTimer</c>: the world fires
/// it when virtual time reaches its due time, on the one simulation thread, as the timer's own thread would.
/// </summary>
public sealed class VirtualTimer : IOneShotTimer
{
    private readonly SimulatedWorld _world;
    private TimerTick? _due;

    /// <summary>Creates a timer of a world.</summary>
    /// <param name="world">Whose virtual time it runs on.</param>
    /// <param name="name">What it paces, for a violation's words.</param>
    public VirtualTimer(SimulatedWorld world, string name)
    {
        _world = world;
        Name = name;
    }

    /// <summary>What it paces.</summary>
    public string Name { get; }

    /// <summary>When it fires next; long.MaxValue when it is not armed.</summary>
    public long DueAt { get; private set; } = long.MaxValue;

    /// <inheritdoc/>
    public void Start(int dueMilliseconds, TimerTick due)
    {
        DueAt = _world.Now + dueMilliseconds;
        _due = due;
    }

    /// <inheritdoc/>
    public void Cancel()
    {
        DueAt = long.MaxValue;
        _due = null;
    }

    /// <summary>Fires it (the world calls this once virtual time reached <see cref="DueAt"/>).</summary>
    public void Fire()
    {
        TimerTick? due = _due;
        Cancel();
        due?.Invoke();
    }
}
