using System.Numerics;
using AutogradGen.CrossChecks.Corpus;

namespace AutogradGen.CrossChecks;

/// <summary>
/// Arrays and spans of structs are read in their own memory as numbers (MemoryMarshal.Cast): where the original
/// allocates nothing, neither do its gradient and its forward mode.
/// </summary>
public class StructArrayAllocationTests
{
    private static readonly Vec2[] s_chain = [new() { X = 0, Y = 0 }, new() { X = 1.1, Y = 0.2 }, new() { X = 1.9, Y = 1.0 }, new() { X = 3.2, Y = 0.7 }];

    private static readonly Leg[] s_legs = [new(100, 95, 12), new(-50, 105, 15), new(20, 99, 9)];

    private static readonly Particle[] s_particles = [new(new(0, 1, 2), new(0.5, -1, 0.25), 2), new(new(1, 1, 0), new(-0.5, 0.1, 1), 0.5)];

    private static readonly Vector3[] s_bodies = [new(0, 0, 0), new(1, 0.5f, -0.25f), new(-0.5f, 1.25f, 0.75f)];

    [Fact]
    public void Gradients_over_arrays_and_spans_of_structs_allocate_nothing()
    {
        var chain = new Vec2[s_chain.Length];
        var legs = new Leg[s_legs.Length];
        var particles = new Particle[s_particles.Length];
        var bodies = new Vector3[s_bodies.Length];
        AssertNoAllocation(() => StructArrays.SpringChainGradient(s_chain, 1.7, chain, out _));
        AssertNoAllocation(() => StructArrays.PortfolioValueGradient(s_legs, 101.0, legs));
        AssertNoAllocation(() => StructArrays.KineticEnergyGradient(s_particles, particles));
        AssertNoAllocation(() => StructArrays.NBodyEnergyGradient(s_bodies, bodies));
    }

    [Fact]
    public void Forward_mode_over_arrays_and_spans_of_structs_allocates_nothing()
    {
        AssertNoAllocation(() => StructArrays.SpringChainDerivative(s_chain, 1.7, s_chain, 0).Derivative);
        AssertNoAllocation(() => StructArrays.DriftedInertiaDerivative(s_particles, 0.3, s_particles).Derivative);
    }

    private static void AssertNoAllocation(Func<double> call)
    {
        for (var i = 0; i < 3; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            call();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
