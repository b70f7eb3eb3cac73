using System;

namespace FaultSimulation;

/// <summary>An invariant a run broke: the invariant's name and what was seen, at a virtual time.</summary>
public sealed class Violation : Exception
{
    /// <summary>Creates the violation.</summary>
    /// <param name="invariant">The invariant's name, for example "(3) no write of the acknowledged state".</param>
    /// <param name="atMilliseconds">Virtual time.</param>
    /// <param name="detail">What was seen.</param>
    public Violation(string invariant, long atMilliseconds, string detail)
        : base($"invariant {invariant} broken at {atMilliseconds} ms: {detail}")
    {
        Invariant = invariant;
    }

    /// <summary>The invariant's name.</summary>
    public string Invariant { get; }
}
