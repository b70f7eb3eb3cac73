using System;

namespace FaultSimulation;

/// <summary>Runs seeds and reports the first violation of each in words, with the command that replays it.</summary>
public static class Campaign
{
    /// <summary>Runs one seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="withLog">Whether a report ends with the device's last log lines (a replay shows them).</param>
    /// <returns>Null when every invariant held; otherwise the report of the violation.</returns>
    public static string? RunSeed(int seed, bool withLog = false)
    {
        Schedule schedule = Schedule.FromSeed(seed);
        var world = new SimulatedWorld(schedule);
        try
        {
            world.Run();
            return null;
        }
        catch (Violation violation)
        {
            return Report(schedule, violation.Message, withLog ? world : null);
        }
        catch (Exception crash)
        {
            return Report(schedule, "invariant (0) the core never throws: " + crash.GetType().Name + ": " + crash.Message, withLog ? world : null);
        }
    }

    private static string Report(Schedule schedule, string what, SimulatedWorld? world)
    {
        string log = world == null ? string.Empty : Environment.NewLine + "  the device's last log lines:" + Environment.NewLine + "    " + string.Join(Environment.NewLine + "    ", world.LastLogLines);
        return $"seed {schedule.Seed}: {what}{Environment.NewLine}{schedule.Describe()}{log}{Environment.NewLine}  replay: bash nf-build/fault-campaign --seed {schedule.Seed} --replay";
    }
}
