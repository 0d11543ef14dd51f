using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// Extended Rosenbrock (Moré–Garbow–Hillstrom form, pairs (x_2i, x_2i+1)) at its standard start
/// (-1.2, 1, -1.2, 1, …), for n = 1,000 (in cache) and n = 1,000,000 (memory bound).
/// Ratio = gradient time / primal time for the same n. Phase 2 adds GeneratedGradient, TapeGradient here.
/// </summary>
[BenchmarkCategory("ExtendedRosenbrock")]
public class ExtendedRosenbrockBenchmarks : IGradientOutput
{
    private double[] _x = [];
    private double[] _gradient = [];

    [Params(1_000, 1_000_000)]
    public int N { get; set; }

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastGradient => _gradient;

    [GlobalSetup]
    public void Setup()
    {
        _x = new double[N];
        for (int i = 0; i < N; i += 2)
        {
            _x[i] = -1.2;
            _x[i + 1] = 1.0;
        }

        _gradient = new double[N];
    }

    [Benchmark(Baseline = true)]
    public double Primal() => ExtendedRosenbrock.Value(_x);

    [Benchmark]
    public double HandWrittenGradient() => ExtendedRosenbrock.ValueAndGradient(_x, _gradient);
}
