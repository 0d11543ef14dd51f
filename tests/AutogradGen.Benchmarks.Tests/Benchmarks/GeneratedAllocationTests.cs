using AutogradGen.Benchmarks.Benchmarks;
using AutogradGen.Benchmarks.Workloads.Gmm;

namespace AutogradGen.Benchmarks.Tests.Benchmarks;

/// <summary>
/// Issue 6's target of 0 bytes per generated call, checked on the benchmark cases themselves: after one warm-up
/// call (which rents the record stacks' pooled arrays), a call allocates nothing on this thread.
/// </summary>
public class GeneratedAllocationTests
{
    public static TheoryData<string> GmmInstances => [GmmCases.Test, GmmCases.D2K5, GmmCases.D10K25];

    private static long BytesAllocatedBySecondCall(Func<double> call)
    {
        call();
        long before = GC.GetAllocatedBytesForCurrentThread();
        call();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Generated_Rosenbrock_2D_gradient_allocates_nothing()
    {
        var benchmark = new Rosenbrock2DBenchmarks();
        benchmark.Setup();

        Assert.Equal(0, BytesAllocatedBySecondCall(benchmark.GeneratedGradient));
    }

    [Fact]
    public void Forward_mode_Rosenbrock_2D_gradient_allocates_nothing()
    {
        var benchmark = new Rosenbrock2DBenchmarks();
        benchmark.Setup();

        Assert.Equal(0, BytesAllocatedBySecondCall(benchmark.ForwardGradient));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(1_000_000)]
    public void Generated_extended_Rosenbrock_gradient_allocates_nothing(int n)
    {
        var benchmark = new ExtendedRosenbrockBenchmarks { N = n };
        benchmark.Setup();

        Assert.Equal(0, BytesAllocatedBySecondCall(benchmark.GeneratedGradient));
    }

    [Theory]
    [MemberData(nameof(GmmInstances))]
    public void Generated_GMM_gradient_allocates_nothing(string instance)
    {
        var benchmark = new GmmBenchmarks { Instance = instance };
        benchmark.Setup();

        Assert.Equal(0, BytesAllocatedBySecondCall(benchmark.GeneratedGradient));
    }

    [Fact]
    public void Generated_logistic_regression_gradient_allocates_nothing()
    {
        var benchmark = new LogisticRegressionBenchmarks();
        benchmark.Setup();

        Assert.Equal(0, BytesAllocatedBySecondCall(benchmark.GeneratedGradient));
    }
}
