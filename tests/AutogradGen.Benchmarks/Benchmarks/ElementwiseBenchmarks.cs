using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// Element-wise operations on 1M-element Float64 tensors against a plain span loop writing into a preallocated
/// buffer (the baseline of each category). The tensor cases allocate their result, as every out-of-place tensor
/// operation does; the last category runs forward and backward of sum(a * b) on the tape against the loop that
/// computes the same value and gradient.
/// </summary>
public class ElementwiseBenchmarks
{
    /// <summary>Elements per tensor.</summary>
    public const int Length = 1_000_000;

    private const ulong Seed = 11;

    private double[] _a = [];
    private double[] _b = [];
    private double[] _result = [];
    private Tensor? _tensorA;
    private Tensor? _tensorB;
    private Tensor? _leafA;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Workloads.SplitMix64(Seed);
        _a = new double[Length];
        _b = new double[Length];
        for (int i = 0; i < Length; i++)
        {
            _a[i] = random.NextNormal();
            _b[i] = random.NextNormal();
        }

        _result = new double[Length];
        _tensorA = Tensor.From(_a);
        _tensorB = Tensor.From(_b);
        _leafA = Tensor.From(_a, requiresGrad: true);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Add")]
    public double SpanLoopAdd()
    {
        ReadOnlySpan<double> a = _a;
        ReadOnlySpan<double> b = _b;
        Span<double> result = _result;
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = a[i] + b[i];
        }

        return result[^1];
    }

    [Benchmark]
    [BenchmarkCategory("Add")]
    public double TensorAdd() => (_tensorA! + _tensorB!)[Length - 1].Item();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Exp")]
    public double SpanLoopExp()
    {
        ReadOnlySpan<double> a = _a;
        Span<double> result = _result;
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Math.Exp(a[i]);
        }

        return result[^1];
    }

    [Benchmark]
    [BenchmarkCategory("Exp")]
    public double TensorExp() => _tensorA!.Exp()[Length - 1].Item();

    /// <summary>sum(a * b) and its gradient with respect to a (which is b), in one loop.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("MulSumBackward")]
    public double SpanLoopMulSumGradient()
    {
        ReadOnlySpan<double> a = _a;
        ReadOnlySpan<double> b = _b;
        Span<double> gradient = _result;
        double sum = 0.0;
        for (int i = 0; i < gradient.Length; i++)
        {
            sum += a[i] * b[i];
            gradient[i] = b[i];
        }

        return sum + gradient[^1];
    }

    /// <summary>The same on the tape: a leaf of 1M entries, (a * b).Sum(), Backward; .Grad reset each call.</summary>
    [Benchmark]
    [BenchmarkCategory("MulSumBackward")]
    public double TapeMulSumGradient()
    {
        var a = _leafA!;
        a.Grad = null;
        var sum = (a * _tensorB!).Sum();
        sum.Backward();
        return sum.Item() + a.Grad![Length - 1].Item();
    }
}
