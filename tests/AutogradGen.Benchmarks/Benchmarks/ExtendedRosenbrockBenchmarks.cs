using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads;
using AutogradGen.Benchmarks.Workloads.Generated;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// Extended Rosenbrock (Moré–Garbow–Hillstrom form, pairs (x_2i, x_2i+1)) at its standard start
/// (-1.2, 1, -1.2, 1, …), for n = 1,000 (in cache) and n = 1,000,000 (memory bound).
/// Ratio = gradient time / primal time for the same n.
/// </summary>
[BenchmarkCategory("ExtendedRosenbrock")]
public class ExtendedRosenbrockBenchmarks : IGradientOutput
{
    private double[] _x = [];
    private double[] _gradient = [];
    private Tensor? _tapeX;
    private Tensor? _lastTapeGradient;

    [Params(1_000, 1_000_000)]
    public int N { get; set; }

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastGradient => _lastTapeGradient is { } tape ? tape.ToArray() : _gradient;

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
        _tapeX = Tensor.From(_x, requiresGrad: true);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => ExtendedRosenbrock.Value(_x);

    [Benchmark]
    public double HandWrittenGradient() => ExtendedRosenbrock.ValueAndGradient(_x, _gradient);

    /// <summary>
    /// The generated reverse mode. Its gradient span is added to (as .grad accumulates), so it is cleared first:
    /// the hand-written gradient overwrites, and the clearing is part of what a caller pays.
    /// </summary>
    [Benchmark]
    public double GeneratedGradient()
    {
        _gradient.AsSpan().Clear();
        return DifferentiableExtendedRosenbrock.ValueGradient(_x, _gradient);
    }

    /// <summary>
    /// The generated reverse mode of <see cref="DifferentiableExtendedRosenbrock.ValueByPairs"/>: the same function
    /// written so that nothing needs recording (a counted loop calling a scalar [Differentiable] helper per pair).
    /// </summary>
    [Benchmark]
    public double GeneratedGradientByPairs()
    {
        _gradient.AsSpan().Clear();
        return DifferentiableExtendedRosenbrock.ValueByPairsGradient(_x, _gradient);
    }

    /// <summary>
    /// The tape engine, vectorised: the even and odd entries as strided slices of one Float64 leaf of n entries,
    /// five whole-tensor operations and a sum, then Backward. The leaf lives across calls (as a model's parameters
    /// do); its .Grad is reset each call, and the gradient stays in the tensor (LastGradient copies it out).
    /// </summary>
    [Benchmark]
    public double TapeGradient()
    {
        var x = _tapeX!;
        x.Grad = null;
        var even = x.Slice(0, 0, null, 2);
        var odd = x.Slice(0, 1, null, 2);
        var b = odd - even * even;
        var a = 1.0 - even;
        var f = (100.0 * (b * b) + a * a).Sum();
        f.Backward();
        _lastTapeGradient = x.Grad;
        return f.Item();
    }
}
