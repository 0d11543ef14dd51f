using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// The lowered constructs cost no allocation: switch chains, tuple locals, inlined local functions, LINQ turned into
/// loops (the generated code calls no LINQ) and recursion through Pullbacks allocate nothing per call once warm.
/// </summary>
public class StatementAllocationTests
{
    private static readonly double[] s_values = Enumerable.Range(0, 60).Select(i => Math.Sin(i * 0.37) * 0.8).ToArray();
    private static readonly double[] s_gradient = new double[60];
    private static readonly double[] s_tangent = Enumerable.Range(0, 60).Select(i => Math.Cos(i * 0.11)).ToArray();

    [Fact]
    public void A_switch_in_a_loop_allocates_nothing_in_either_mode()
    {
        AssertNoAllocation(() => StatementFunctions.SwitchInLoopGradient(s_values, s_gradient));
        AssertNoAllocation(() => StatementFunctions.SwitchInLoopDerivative(s_values, s_tangent).Derivative);
    }

    [Fact]
    public void Tuples_and_an_inlined_local_function_allocate_nothing_in_either_mode()
    {
        AssertNoAllocation(() => StatementFunctions.TupleRecurrenceWithLocalFunctionGradient(0.7, 0.2, out _, out _));
        AssertNoAllocation(() => StatementFunctions.TupleRecurrenceWithLocalFunctionDerivative(0.7, 0.2, 1, 0).Derivative);
    }

    [Fact]
    public void Recursion_through_pullbacks_allocates_nothing_in_either_mode()
    {
        AssertNoAllocation(() => StatementFunctions.PowerGradient(1.1, 12, out _));
        AssertNoAllocation(() => StatementFunctions.PowerDerivative(1.1, 12, 1).Derivative);
    }

    [Fact]
    public void LINQ_lowered_to_loops_allocates_nothing_in_either_mode()
    {
        AssertNoAllocation(() => StatementFunctions.LinqMomentsGradient(s_values, s_gradient));
        AssertNoAllocation(() => StatementFunctions.LinqMomentsDerivative(s_values, s_tangent).Derivative);
    }

    [Fact]
    public void Recursion_gives_the_derivative_of_x_to_the_n_at_depths_0_1_and_many()
    {
        foreach (var n in new[] { 0, 1, 2, 12 })
        {
            var value = StatementFunctions.PowerGradient(1.1, n, out var gradient);
            Assert.Equal(Math.Pow(1.1, n), value, 12);
            Assert.Equal(n == 0 ? 0 : n * Math.Pow(1.1, n - 1), gradient, 12);
            Assert.Equal(gradient, StatementFunctions.PowerDerivative(1.1, n, 1).Derivative, 12);
        }
    }

    private static void AssertNoAllocation(Func<double> call)
    {
        var sink = 0.0;
        for (var i = 0; i < 5; i++)
        {
            sink += call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            sink += call();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated over 50 calls (sink {sink}).");
    }
}
