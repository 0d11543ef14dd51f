using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Generated code allocates nothing on the heap per call once warm: scalar and span methods, including loops that
/// record onto stacks (which start in stackalloc'ed memory and grow into pooled arrays).
/// </summary>
public class AllocationTests
{
    private const int Calls = 50;

    private static readonly double[] s_values = Enumerable.Range(0, 300).Select(i => Math.Sin(i * 0.37) * 0.8).ToArray();
    private static readonly double[] s_gradient = new double[300];
    private static readonly double[] s_tangent = Enumerable.Range(0, 300).Select(i => Math.Cos(i * 0.11)).ToArray();

    [Fact]
    public void Scalar_gradient_allocates_nothing() =>
        AssertNoAllocation(() => ScalarFunctions.RosenbrockGradient(0.3, 0.7, out _, out _));

    [Fact]
    public void Scalar_forward_mode_allocates_nothing() =>
        AssertNoAllocation(() => ScalarFunctions.RosenbrockDerivative(0.3, 0.7, 1, 0).Derivative);

    [Fact]
    public void Span_gradient_allocates_nothing() =>
        AssertNoAllocation(() => LoopFunctions.SumOfSquaresGradient(s_values, s_gradient));

    [Fact]
    public void Span_forward_mode_allocates_nothing() =>
        AssertNoAllocation(() => LoopFunctions.SumOfSquaresDerivative(s_values, s_tangent).Derivative);

    [Fact]
    public void Loop_recording_branch_decisions_and_values_allocates_nothing() =>
        AssertNoAllocation(() => LoopFunctions.BreakAndContinueGradient(s_values, s_gradient));

    [Fact]
    public void Data_dependent_while_loop_allocates_nothing() =>
        AssertNoAllocation(() => LoopFunctions.WhileDataDependentGradient(1.7, out _));

    [Fact]
    public void Recording_past_the_stackalloc_block_into_pooled_buffers_allocates_nothing() =>
        AssertNoAllocation(() => ArrayFunctions.OverwrittenElementsInLoopGradient(s_values, s_gradient));

    [Fact]
    public void Calls_between_generated_methods_inside_loops_allocate_nothing() =>
        AssertNoAllocation(() => CallFunctions.CallsInsideLoopGradient(s_values.AsSpan(0, 20), s_gradient.AsSpan(0, 20)));

    [Fact]
    public void Calls_passing_an_inactive_span_use_pooled_scratch_and_allocate_nothing() =>
        AssertNoAllocation(() => CallFunctions.CallsWithInactiveSpanGradient(s_values.AsSpan(0, 10), s_tangent.AsSpan(0, 10), s_gradient.AsSpan(0, 10)));

    [Fact]
    public void Struct_gradients_and_tangents_through_calls_and_operators_allocate_nothing()
    {
        Vec3 a = new(1, 2, 3), b = new(0.5, -1, 2), c = new(-1, 0.25, 1);
        AssertNoAllocation(() => StructFunctions.TriangleSpringGradient(a, b, c, out _, out _, out _));
        AssertNoAllocation(() => StructFunctions.TriangleSpringDerivative(a, b, c, b, c, a).Derivative);
        AssertNoAllocation(() => StructFunctions.OrbitGradient(a, b, 0.01, 40, out _, out _, out _));
        AssertNoAllocation(() => StructFunctions.VectorSpringGradient(new(1, 2, 3), new(0.5f, -1, 2), 3, out _, out _, out _));
    }

    private static void AssertNoAllocation(Func<double> call)
    {
        var sink = 0.0;
        for (var i = 0; i < 5; i++)
        {
            sink += call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            sink += call();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(double.IsNaN(sink));
        Assert.Equal(0, allocated);
    }
}
