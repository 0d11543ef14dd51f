using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads;
using AutogradGen.Benchmarks.Workloads.Generated;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// Rosenbrock 2-D: a call costs about a nanosecond, below what BenchmarkDotNet can tell from an empty method,
/// so each invocation evaluates <see cref="PointCount"/> points spread around the classic start (-1.2, 1) and
/// the figures are per point (OperationsPerInvoke). Ratio = gradient time / primal time.
/// Every gradient case writes ∇f of point i into entries 2i and 2i + 1 of the same buffer.
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

    /// <summary>The generated reverse mode (<c>ValueGradient</c>): value and both partials in one call.</summary>
    [Benchmark(OperationsPerInvoke = PointCount)]
    public double GeneratedGradient()
    {
        double sum = 0.0;
        for (int i = 0; i < PointCount; i++)
        {
            sum += DifferentiableRosenbrock2D.ValueGradient(_xs[i], _ys[i], out _gradient[2 * i], out _gradient[2 * i + 1]);
        }

        return sum;
    }

    /// <summary>
    /// The generated forward mode along (1, 0): one directional derivative, ∂f/∂x, per point (entry 2i; entry
    /// 2i + 1 is left alone). A full gradient in forward mode costs one such pass per input: see ForwardGradient.
    /// </summary>
    [Benchmark(OperationsPerInvoke = PointCount)]
    public double ForwardDirectionalDerivative()
    {
        double sum = 0.0;
        for (int i = 0; i < PointCount; i++)
        {
            (double value, double derivative) = DifferentiableRosenbrock2D.ValueDerivative(_xs[i], _ys[i], 1.0, 0.0);
            _gradient[2 * i] = derivative;
            sum += value;
        }

        return sum;
    }

    /// <summary>The full gradient in forward mode: n = 2 passes, along (1, 0) and (0, 1).</summary>
    [Benchmark(OperationsPerInvoke = PointCount)]
    public double ForwardGradient()
    {
        double sum = 0.0;
        for (int i = 0; i < PointCount; i++)
        {
            (double value, double partialX) = DifferentiableRosenbrock2D.ValueDerivative(_xs[i], _ys[i], 1.0, 0.0);
            (_, double partialY) = DifferentiableRosenbrock2D.ValueDerivative(_xs[i], _ys[i], 0.0, 1.0);
            _gradient[2 * i] = partialX;
            _gradient[2 * i + 1] = partialY;
            sum += value;
        }

        return sum;
    }

    /// <summary>
    /// The tape engine on scalar code: per point two 0-d Float64 leaves, the same chain of scalar tensor operations
    /// (1 - x, x², y - x², two squares, a scale and a sum: 8 recorded nodes), Backward, and the two .Grad values.
    /// </summary>
    [Benchmark(OperationsPerInvoke = PointCount)]
    public double TapeGradient()
    {
        double sum = 0.0;
        for (int i = 0; i < PointCount; i++)
        {
            var x = Tensor.Scalar(_xs[i], requiresGrad: true, dtype: DType.Float64);
            var y = Tensor.Scalar(_ys[i], requiresGrad: true, dtype: DType.Float64);
            var a = 1.0 - x;
            var b = y - x * x;
            var f = a * a + 100.0 * (b * b);
            f.Backward();
            _gradient[2 * i] = x.Grad!.Item();
            _gradient[2 * i + 1] = y.Grad!.Item();
            sum += f.Item();
        }

        return sum;
    }
}
