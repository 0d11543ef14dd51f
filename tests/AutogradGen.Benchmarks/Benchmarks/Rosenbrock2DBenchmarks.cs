using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// Rosenbrock 2-D: a call costs about a nanosecond, below what BenchmarkDotNet can tell from an empty method,
/// so each invocation evaluates <see cref="PointCount"/> points spread around the classic start (-1.2, 1) and
/// the figures are per point (OperationsPerInvoke). Ratio = gradient time / primal time.
/// Phase 2 adds GeneratedGradient, TapeGradient and ForwardGradient here.
/// </summary>
[BenchmarkCategory("Rosenbrock2D")]
public class Rosenbrock2DBenchmarks : IGradientOutput
{
    /// <summary>Points per invocation.</summary>
    public const int PointCount = 1024;

    private const ulong Seed = 2;

    private readonly double[] _xs = new double[PointCount];
    private readonly double[] _ys = new double[PointCount];
    private readonly double[] _gradient = new double[2 * PointCount];

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastGradient => _gradient;

    [GlobalSetup]
    public void Setup()
    {
        var random = new SplitMix64(Seed);
        for (int i = 0; i < PointCount; i++)
        {
            _xs[i] = -1.2 + 0.1 * random.NextNormal();
            _ys[i] = 1.0 + 0.1 * random.NextNormal();
        }
    }

    /// <summary>Σ f over the points.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = PointCount)]
    public double Primal()
    {
        double sum = 0.0;
        for (int i = 0; i < PointCount; i++)
        {
            sum += Rosenbrock2D.Value(_xs[i], _ys[i]);
        }

        return sum;
    }

    /// <summary>Σ f over the points, and ∇f of point i in entries 2i and 2i + 1 of the gradient buffer.</summary>
    [Benchmark(OperationsPerInvoke = PointCount)]
    public double HandWrittenGradient()
    {
        double sum = 0.0;
        for (int i = 0; i < PointCount; i++)
        {
            sum += Rosenbrock2D.ValueAndGradient(_xs[i], _ys[i], out _gradient[2 * i], out _gradient[2 * i + 1]);
        }

        return sum;
    }
}
