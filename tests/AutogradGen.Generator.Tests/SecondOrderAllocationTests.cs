using F = AutogradGen.Generator.Tests.Functions.SecondOrderFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Second-order members allocate nothing on the heap per call once warm, where the original allocates nothing: dual
/// inputs and adjoints of spans come from the pool, records go onto stacks of duals that start on the stack.
/// </summary>
public class SecondOrderAllocationTests
{
    private const int Calls = 50;

    private static readonly double[] s_x = Enumerable.Range(0, 200).Select(i => Math.Sin(i * 0.37) * 0.8).ToArray();
    private static readonly double[] s_v = Enumerable.Range(0, 200).Select(i => Math.Cos(i * 0.11)).ToArray();
    private static readonly double[] s_hv = new double[200];
    private static readonly double[] s_hessian = new double[36];

    [Fact]
    public void Scalar_hessian_vector_product_allocates_nothing() =>
        AssertNoAllocation(() => F.CallsHessianVectorProduct(0.3, 0.7, 1, -0.5, out _, out _));

    [Fact]
    public void Recording_loop_hessian_vector_product_allocates_nothing() =>
        AssertNoAllocation(() => F.IteratedMapHessianVectorProduct(0.3, 0.7, 1, -0.5, out _, out _) + F.WhileLoopHessianVectorProduct(0.4, 1, out _));

    [Fact]
    public void Span_hessian_vector_product_allocates_nothing() =>
        AssertNoAllocation(() => F.ExtendedRosenbrockHessianVectorProduct(s_x, s_v, s_hv) + F.LocalArrayHessianVectorProduct(s_x, s_v, s_hv));

    [Fact]
    public void Dense_hessian_allocates_nothing() =>
        AssertNoAllocation(() => F.ExtendedRosenbrockHessian(s_x.AsSpan(0, 6), s_hessian) + F.TrigonometricHessian(0.1, 0.2, 0.3, s_hessian.AsSpan(0, 9)));

    private static void AssertNoAllocation(Func<double> call)
    {
        var sink = 0.0;
        for (var i = 0; i < 5; i++)
        {
            sink += call();
        }

        // The least of three rounds: the duals come from ArrayPool.Shared, which a gen-2 collection made by the tests
        // running beside this one may trim between rounds (the clean-copy run saw one pooled array allocated again);
        // the steady state, every dual array coming from the pool, is what is pinned.
        var allocated = long.MaxValue;
        for (var round = 0; round < 3 && allocated != 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Calls; i++)
            {
                sink += call();
            }

            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(allocated == 0, $"{allocated} bytes allocated over {Calls} calls, in each of three rounds");
        Assert.False(double.IsNaN(sink));
    }
}
