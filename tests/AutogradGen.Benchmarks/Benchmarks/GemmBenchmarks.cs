using System.Numerics.Tensors;
using AutogradGen.Kernels;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// The blocked GEMM (<see cref="Gemm"/>) against the kernel it replaced, the i-k-j loop with one TensorPrimitives
/// multiply-add per row of B (the baseline), on a 512 × 512 × 512 product in float and double and on the three
/// products of the MLP step's first layer (forward x·W1, ∂W1 = xᵀ·∂h, ∂x = ∂h·W1ᵀ). GFLOP/s = 2·m·n·k / time.
/// </summary>
public class GemmBenchmarks
{
    private float[] _af = [], _bf = [], _cf = [];
    private double[] _ad = [], _bd = [], _cd = [];
    private float[] _x = [], _w1 = [], _hidden = [], _w1Gradient = [], _xGradient = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Workloads.SplitMix64(512);
        _af = Fill(new float[512 * 512], random);
        _bf = Fill(new float[512 * 512], random);
        _cf = new float[512 * 512];
        _ad = Array.ConvertAll(_af, v => (double)v);
        _bd = Array.ConvertAll(_bf, v => (double)v);
        _cd = new double[512 * 512];
        _x = Fill(new float[64 * 784], random);
        _w1 = Fill(new float[784 * 256], random);
        _hidden = Fill(new float[64 * 256], random);
        _w1Gradient = new float[784 * 256];
        _xGradient = new float[64 * 784];
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Float512")]
    public float LoopFloat512() { Ikj<float>(_af, _bf, _cf, 512, 512, 512); return _cf[^1]; }

    [Benchmark]
    [BenchmarkCategory("Float512")]
    public float GemmFloat512() { Gemm.Multiply<float>(_af, false, _bf, false, _cf, 512, 512, 512); return _cf[^1]; }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Double512")]
    public double LoopDouble512() { Ikj<double>(_ad, _bd, _cd, 512, 512, 512); return _cd[^1]; }

    [Benchmark]
    [BenchmarkCategory("Double512")]
    public double GemmDouble512() { Gemm.Multiply<double>(_ad, false, _bd, false, _cd, 512, 512, 512); return _cd[^1]; }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("MlpLayer")]
    public float LoopMlpForward() { Ikj<float>(_x, _w1, _hidden, 64, 784, 256); return _hidden[^1]; }

    [Benchmark]
    [BenchmarkCategory("MlpLayer")]
    public float GemmMlpForward() { Gemm.Multiply<float>(_x, false, _w1, false, _hidden, 64, 784, 256); return _hidden[^1]; }

    [Benchmark]
    [BenchmarkCategory("MlpLayer")]
    public float GemmMlpWeightGradient() { Gemm.Multiply<float>(_x, true, _hidden, false, _w1Gradient, 784, 64, 256); return _w1Gradient[^1]; }

    [Benchmark]
    [BenchmarkCategory("MlpLayer")]
    public float GemmMlpInputGradient() { Gemm.Multiply<float>(_hidden, false, _w1, true, _xGradient, 64, 256, 784); return _xGradient[^1]; }

    // The kernel before issue 14: c = a·b by rows of b, one vectorised multiply-add each.
    private static void Ikj<T>(T[] a, T[] b, T[] c, int m, int k, int n) where T : unmanaged, System.Numerics.INumber<T>
    {
        c.AsSpan(0, m * n).Clear();
        for (int i = 0; i < m; i++)
        {
            var row = c.AsSpan(i * n, n);
            for (int p = 0; p < k; p++) TensorPrimitives.MultiplyAdd(b.AsSpan(p * n, n), a[(i * k) + p], row, row);
        }
    }

    private static float[] Fill(float[] values, Workloads.SplitMix64 random)
    {
        for (int i = 0; i < values.Length; i++) values[i] = (float)random.NextNormal();
        return values;
    }
}
