using System;

namespace FaultSimulation;

/// <summary>Runs seeds and reports the first violation of each in words, with the command that replays it.</summary>
public static class Campaign
{
    /// <summary>Runs one seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>Null when every invariant held; otherwise the report of the violation.</returns>
    public static string? RunSeed(int seed)
    {
        Schedule schedule = Schedule.FromSeed(seed);
        try
        {
            new SimulatedWorld(schedule).Run();
            return null;
        }
        catch (Violation violation)
        {
            return Report(schedule, violation.Message);
        }
        catch (Exception crash)
        {
            return Report(schedule, "invariant (0) the core never throws: " + crash.GetType().Name + ": " + crash.Message);
        }
    }

    private static string Report(Schedule schedule, string what)
    {
        return $"seed {schedule.Seed}: {what}{Environment.NewLine}{schedule.Describe()}{Environment.NewLine}  replay: bash nf-build/fault-campaign --seed {schedule.Seed} --replay";
    }
}
