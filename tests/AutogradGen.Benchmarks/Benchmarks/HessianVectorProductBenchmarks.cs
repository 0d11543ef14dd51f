using AutogradGen.Benchmarks.Workloads;
using AutogradGen.Benchmarks.Workloads.Generated;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// The cost of one generated Hessian-vector product (forward over reverse: the pullback on dual numbers) against one
/// generated gradient of the same objective, n = 1,000. Ratio = HVP time / gradient time (the goal: ≤ 4).
/// </summary>
[BenchmarkCategory("HessianVectorProduct")]
public class HessianVectorProductBenchmarks
{
    private const int N = 1000;
    private const ulong Seed = 11;

    private readonly double[] _x = new double[N];
    private readonly double[] _v = new double[N];
    private readonly double[] _gradient = new double[N];
    private readonly double[] _product = new double[N];

    /// <summary>Which objective: "ExtendedRosenbrock" (polynomial) or "SoftplusChain" (exp, log, sin).</summary>
    [Params("ExtendedRosenbrock", "SoftplusChain")]
    public string Objective { get; set; } = "ExtendedRosenbrock";

    [GlobalSetup]
    public void Setup()
    {
        var random = new SplitMix64(Seed);
        for (int i = 0; i < N; i++)
        {
            _x[i] = 0.5 * random.NextNormal();
            _v[i] = random.NextNormal();
        }
    }

    /// <summary>The generated gradient (its span accumulates, so it is cleared first).</summary>
    [Benchmark(Baseline = true)]
    public double GeneratedGradient()
    {
        Array.Clear(_gradient);
        return Objective == "SoftplusChain"
            ? SecondOrderObjectives.SoftplusChainGradient(_x, _gradient)
            : SecondOrderObjectives.ExtendedRosenbrockGradient(_x, _gradient);
    }

    /// <summary>The generated Hessian-vector product H·v.</summary>
    [Benchmark]
    public double GeneratedHessianVectorProduct() => Objective == "SoftplusChain"
        ? SecondOrderObjectives.SoftplusChainHessianVectorProduct(_x, _v, _product)
        : SecondOrderObjectives.ExtendedRosenbrockHessianVectorProduct(_x, _v, _product);
}
