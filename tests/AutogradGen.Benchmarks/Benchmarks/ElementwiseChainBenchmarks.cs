using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// The element-wise chain of issue 14 on 1,000,000 Float64 entries, forward and backward:
/// f = Σ (tanh(a·b + c) · sigmoid(a))², gradient with respect to a, b and c (<see cref="ElementwiseChain"/>).
/// The baseline is the hand-written fused loop; the tape row is the same expression on tensors, seven recorded
/// operations, whose leaves keep living across calls with .Grad reset each call.
/// </summary>
[BenchmarkCategory("ElementwiseChain")]
public class ElementwiseChainBenchmarks : IGradientOutput
{
    /// <summary>Entries per vector.</summary>
    public const int Length = 1_000_000;

    private const ulong Seed = 14;

    private double[] _a = [];
    private double[] _b = [];
    private double[] _c = [];
    private double[] _aGradient = [];
    private double[] _bGradient = [];
    private double[] _cGradient = [];
    private Tensor? _leafA;
    private Tensor? _leafB;
    private Tensor? _leafC;
    private bool _lastWasTape;

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastGradient => _lastWasTape
        ? Concatenate(_leafA!.Grad!.ToArray<double>(), _leafB!.Grad!.ToArray<double>(), _leafC!.Grad!.ToArray<double>())
        : Concatenate(_aGradient, _bGradient, _cGradient);

    [GlobalSetup]
    public void Setup()
    {
        var random = new SplitMix64(Seed);
        _a = new double[Length];
        _b = new double[Length];
        _c = new double[Length];
        for (int i = 0; i < Length; i++)
        {
            _a[i] = random.NextNormal();
            _b[i] = random.NextNormal();
            _c[i] = random.NextNormal();
        }
        _aGradient = new double[Length];
        _bGradient = new double[Length];
        _cGradient = new double[Length];
        _leafA = Tensor.From(_a, requiresGrad: true);
        _leafB = Tensor.From(_b, requiresGrad: true);
        _leafC = Tensor.From(_c, requiresGrad: true);
    }

    [Benchmark(Baseline = true)]
    public double HandWrittenGradient()
    {
        _lastWasTape = false;
        return ElementwiseChain.ValueAndGradient(_a, _b, _c, _aGradient, _bGradient, _cGradient);
    }

    /// <summary>The hand-written value alone, for the gradient/value ratio.</summary>
    [Benchmark]
    public double HandWrittenValue() => ElementwiseChain.Value(_a, _b, _c);

    [Benchmark]
    public double TapeGradient()
    {
        var a = _leafA!;
        var b = _leafB!;
        var c = _leafC!;
        a.Grad = null;
        b.Grad = null;
        c.Grad = null;
        var w = (a * b + c).Tanh() * a.Sigmoid();
        var loss = (w * w).Sum();
        loss.Backward();
        _lastWasTape = true;
        return loss.Item();
    }

    private static double[] Concatenate(double[] a, double[] b, double[] c) => [.. a, .. b, .. c];
}
