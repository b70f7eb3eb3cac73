using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;

namespace FaultSimulation;

/// <summary>
/// What a seed decides: the events at their virtual times, and the fault of each connection in turn. The same seed
/// gives the same schedule on every machine (System.Random with a seed is deterministic across runs).
/// </summary>
public sealed class Schedule
{
    /// <summary>How long the faulty part of a schedule lasts at most.</summary>
    public const long FaultWindowMilliseconds = 120_000;

    /// <summary>The debounce time the simulated device uses (the board's default).</summary>
    public const int DebounceMilliseconds = 50;

    private Schedule(int seed, LinkMode mode, bool clockUnsetAtBoot, List<ScheduledEvent> events, List<Fault> faults)
    {
        Seed = seed;
        Mode = mode;
        ClockUnsetAtBoot = clockUnsetAtBoot;
        Events = events;
        Faults = faults;
    }

    /// <summary>The seed it came from.</summary>
    public int Seed { get; }

    /// <summary>Plain, TLS, or two buttons (the second one TLS).</summary>
    public LinkMode Mode { get; }

    /// <summary>Whether the clock reads 1970 at boot (a cold boot before SNTP).</summary>
    public bool ClockUnsetAtBoot { get; }

    /// <summary>The events, in time order.</summary>
    public IReadOnlyList<ScheduledEvent> Events { get; }

    /// <summary>The fault of connection 1, 2, ...; connections past the list work (the faults are over).</summary>
    public IReadOnlyList<Fault> Faults { get; }

    /// <summary>Short presses (the hold is under 3 s).</summary>
    public int ShortPresses => Events.Count(e => e.Kind == EventKind.Press) - LongPresses;

    /// <summary>Long presses (held longer than <see cref="PressRecognizer.LongPressMilliseconds"/>).</summary>
    public int LongPresses { get; private set; }

    /// <summary>Makes the schedule of a seed.</summary>
    /// <param name="seed">Any integer.</param>
    /// <returns>The schedule.</returns>
    public static Schedule FromSeed(int seed)
    {
        var random = new Random(seed);
        var events = new List<ScheduledEvent>();
        LinkMode mode = (LinkMode)random.Next(3);
        long window = 10_000 + random.Next((int)FaultWindowMilliseconds - 10_000);
        events.Add(new ScheduledEvent(random.Next(3000), EventKind.WifiUp));

        // Presses never overlap on one button (a press edge while the button is down would be a lost release, a
        // different thing): each starts after its button's previous release.
        int presses = random.Next(1, 9);
        var releasedAt = new long[2];
        int longPresses = 0;
        long at = 0;
        for (int i = 0; i < presses; i++)
        {
            at += random.Next((int)(2 * window / presses));
            int button = mode == LinkMode.TwoButton ? random.Next(2) : 0;
            long down = Math.Max(at, releasedAt[button] + 1 + random.Next(400));
            bool isLong = random.Next(5) == 0;
            long hold = isLong ? PressRecognizer.LongPressMilliseconds + 1 + random.Next(2000) : 2 * DebounceMilliseconds + random.Next(700);
            longPresses += isLong ? 1 : 0;
            events.Add(new ScheduledEvent(down, EventKind.Press, button));
            if (random.Next(4) == 0)
            {
                events.Add(new ScheduledEvent(down + 1 + random.Next((2 * DebounceMilliseconds) - 2), EventKind.Bounce, button));
            }

            events.Add(new ScheduledEvent(down + hold, EventKind.Release, button));
            releasedAt[button] = down + hold;
        }

        int flaps = random.Next(4);
        for (int i = 0; i < flaps; i++)
        {
            long down = random.Next((int)window);
            events.Add(new ScheduledEvent(down, EventKind.WifiDown));
            events.Add(new ScheduledEvent(Math.Min(window, down + 200 + random.Next(20_000)), EventKind.WifiUp));
        }

        // The clock: unset from boot until SNTP sets it, or lost in the middle (a brown-out's RTC), or never in doubt.
        bool unsetAtBoot = false;
        switch (random.Next(3))
        {
            case 0:
                unsetAtBoot = true;
                events.Add(new ScheduledEvent(random.Next((int)window), EventKind.ClockSet));
                break;
            case 1:
                long unset = random.Next((int)window);
                events.Add(new ScheduledEvent(unset, EventKind.ClockUnset));
                events.Add(new ScheduledEvent(Math.Min(window, unset + random.Next(30_000)), EventKind.ClockSet));
                break;
        }

        var faults = new List<Fault>();
        int connections = random.Next(25);
        Fault[] all = Enum.GetValues<Fault>();
        for (int i = 0; i < connections; i++)
        {
            faults.Add(random.Next(3) == 0 ? Fault.None : all[random.Next(all.Length)]);
        }

        // Stable sort: events at the same millisecond keep the order they were drawn in.
        return new Schedule(seed, mode, unsetAtBoot, events.OrderBy(e => e.AtMilliseconds).ToList(), faults) { LongPresses = longPresses };
    }

    /// <summary>The schedule in words, one line per event and one for the connections.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("  mode ").Append(Mode).Append(ClockUnsetAtBoot ? ", clock unset at boot" : ", clock set at boot").AppendLine();
        text.Append("  events: ").AppendJoin(", ", Events).AppendLine();
        text.Append("  connections in turn: ").Append(Faults.Count == 0 ? "all work" : string.Join(", ", Faults) + ", then all work");
        return text.ToString();
    }
}
