using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace FaultSimulation;

/// <summary>
/// What a seed decides: the events at their virtual times, and the fault of each connection in turn. The same seed
/// gives the same schedule on every machine (System.Random with a seed is deterministic across runs).
/// </summary>
public sealed class Schedule
{
    /// <summary>How long the faulty part of a schedule lasts at most.</summary>
    public const long FaultWindowMilliseconds = 120_000;

    private Schedule(int seed, List<ScheduledEvent> events, List<Fault> faults)
    {
        Seed = seed;
        Events = events;
        Faults = faults;
    }

    /// <summary>The seed it came from.</summary>
    public int Seed { get; }

    /// <summary>The events, in time order.</summary>
    public IReadOnlyList<ScheduledEvent> Events { get; }

    /// <summary>The fault of connection 1, 2, ...; connections past the list work (the faults are over).</summary>
    public IReadOnlyList<Fault> Faults { get; }

    /// <summary>Makes the schedule of a seed.</summary>
    /// <param name="seed">Any integer.</param>
    /// <returns>The schedule.</returns>
    public static Schedule FromSeed(int seed)
    {
        var random = new Random(seed);
        var events = new List<ScheduledEvent>();
        long window = 10_000 + random.Next((int)FaultWindowMilliseconds - 10_000);
        events.Add(new ScheduledEvent(random.Next(3000), EventKind.WifiUp));
        int presses = random.Next(1, 9);
        for (int i = 0; i < presses; i++)
        {
            events.Add(new ScheduledEvent(random.Next((int)window), random.Next(5) == 0 ? EventKind.LongPress : EventKind.ShortPress));
        }

        int flaps = random.Next(4);
        for (int i = 0; i < flaps; i++)
        {
            long down = random.Next((int)window);
            events.Add(new ScheduledEvent(down, EventKind.WifiDown));
            events.Add(new ScheduledEvent(Math.Min(window, down + 200 + random.Next(20_000)), EventKind.WifiUp));
        }

        if (random.Next(3) == 0)
        {
            long unset = random.Next((int)window);
            events.Add(new ScheduledEvent(unset, EventKind.ClockUnset));
            events.Add(new ScheduledEvent(Math.Min(window, unset + random.Next(30_000)), EventKind.ClockSet));
        }

        var faults = new List<Fault>();
        int connections = random.Next(25);
        Fault[] all = Enum.GetValues<Fault>();
        for (int i = 0; i < connections; i++)
        {
            faults.Add(random.Next(3) == 0 ? Fault.None : all[random.Next(all.Length)]);
        }

        // Stable sort: events at the same millisecond keep the order they were drawn in.
        return new Schedule(seed, events.OrderBy(e => e.AtMilliseconds).ToList(), faults);
    }

    /// <summary>The schedule in words, one line per event and one for the connections.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("  events: ").AppendJoin(", ", Events).AppendLine();
        text.Append("  connections in turn: ").Append(Faults.Count == 0 ? "all work" : string.Join(", ", Faults) + ", then all work");
        return text.ToString();
    }
}
