using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// Rosenbrock 2-D at the classic start (-1.2, 1): nanosecond calls, where per-call overhead shows.
/// Ratio = gradient time / primal time. Phase 2 adds GeneratedGradient, TapeGradient and ForwardGradient here.
/// </summary>
[BenchmarkCategory("Rosenbrock2D")]
public class Rosenbrock2DBenchmarks : IGradientOutput
{
    private readonly double[] _gradient = new double[2];
    private double _x;
    private double _y;

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastGradient => _gradient;

    [GlobalSetup]
    public void Setup()
    {
        _x = -1.2;
        _y = 1.0;
    }

    [Benchmark(Baseline = true)]
    public double Primal() => Rosenbrock2D.Value(_x, _y);

    [Benchmark]
    public double HandWrittenGradient() => Rosenbrock2D.ValueAndGradient(_x, _y, out _gradient[0], out _gradient[1]);
}
