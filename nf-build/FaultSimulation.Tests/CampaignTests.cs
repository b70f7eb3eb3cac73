using System.Collections.Generic;
using FaultSimulation;
using Xunit;

namespace FaultSimulation.Tests;

/// <summary>The seeded campaign inside nf-build/test: every seed's schedule holds every invariant.</summary>
public sealed class CampaignTests
{
    /// <summary>Seeds 1..500, reported together so that one run names every broken seed.</summary>
    [Fact]
    public void FiveHundredSeedsBreakNoInvariant()
    {
        var reports = new List<string>();
        for (int seed = 1; seed <= 500; seed++)
        {
            string? report = Campaign.RunSeed(seed);
            if (report != null)
            {
                reports.Add(report);
            }
        }

        Assert.True(reports.Count == 0, string.Join("\n", reports));
    }

    /// <summary>The same seed makes the same schedule: a printed seed replays what failed.</summary>
    [Fact]
    public void ASeedReplaysTheSameSchedule()
    {
        Assert.Equal(Schedule.FromSeed(7305).Describe(), Schedule.FromSeed(7305).Describe());
        Assert.NotEqual(Schedule.FromSeed(7305).Describe(), Schedule.FromSeed(7306).Describe());
    }

    /// <summary>
    /// Seeds that break a deliberately broken rule (the controller re-sending an acknowledged state): the simulated
    /// server sees the second write and the world names invariant (3). Here, with the real rule, they hold.
    /// </summary>
    /// <param name="seed">A seed that caught the broken rule.</param>
    [Theory]
    [InlineData(6924)]
    [InlineData(7305)]
    [InlineData(8597)]
    public void SeedsThatCaughtAResentAcknowledgedStateHold(int seed)
    {
        Assert.Null(Campaign.RunSeed(seed));
    }

    /// <summary>A world whose server is checked catches a write the device should not have made.</summary>
    [Fact]
    public void AWriteOfTheAcknowledgedStateIsNamedAsInvariantThree()
    {
        var world = new SimulatedWorld(Schedule.FromSeed(1));
        var write = new byte[WwepDevice.Core.Protocol.WwepCodec.MaxMessageLength];
        int length = WwepDevice.Core.Protocol.WwepCodec.BuildWrite(write, 0, SimulatedWorld.DeviceId, WwepDevice.Core.Protocol.WwepCodec.LedRegister, 1);
        WwepDevice.Core.Protocol.WwepCodec.ParseRequest(write, 0, length, out WwepDevice.Core.Protocol.WwepMessage request);
        world.Server(request, Fault.None);
        world.ReplyDelivered(new byte[] { (byte)'A' });
        Violation violation = Assert.Throws<Violation>(() => world.Server(request, Fault.None));
        Assert.StartsWith("(3)", violation.Invariant);
    }
}
