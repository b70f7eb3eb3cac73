using System;
using System.Diagnostics;
using FaultSimulation;

// nf-build/fault-campaign calls this: --seeds N [--first S] runs seeds S..S+N-1; --seed S --replay runs one and
// prints its schedule. Exit 0 when no seed broke an invariant, 1 when one did, 64 on bad arguments.
int seeds = 1000;
int first = 1;
bool replay = false;
for (int i = 0; i < args.Length; i++)
{
    string value = i + 1 < args.Length ? args[i + 1] : string.Empty;
    switch (args[i])
    {
        case "--seeds" when int.TryParse(value, out seeds) && seeds > 0:
        case "--first" when int.TryParse(value, out first):
        case "--seed" when int.TryParse(value, out first):
            i++;
            break;
        case "--replay":
            replay = true;
            break;
        default:
            Console.Error.WriteLine($"fault-campaign: bad argument '{args[i]}' (--seeds N, --first S, --seed S --replay)");
            return 64;
    }
}

if (replay)
{
    Console.WriteLine(Schedule.FromSeed(first).Describe());
    string? one = Campaign.RunSeed(first, withLog: true);
    Console.WriteLine(one ?? $"seed {first}: every invariant held");
    return one == null ? 0 : 1;
}

var watch = Stopwatch.StartNew();
int violations = 0;
for (int seed = first; seed < first + seeds; seed++)
{
    string? report = Campaign.RunSeed(seed);
    if (report != null)
    {
        violations++;
        if (violations <= 5)
        {
            Console.WriteLine(report);
        }
    }
}

double seconds = watch.Elapsed.TotalSeconds;
Console.WriteLine($"{seeds} seeds from {first}, {violations} violations, {seconds:0.0} s, {seeds / Math.Max(seconds, 0.001):0} seeds/s");
return violations == 0 ? 0 : 1;
