using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// Mean binary cross-entropy with logits over a seeded 10,000 × 100 batch (spans, row-major X).
/// The gradient's last entry is the bias. Ratio = gradient time / loss time.
/// Phase 2 adds GeneratedGradient, TapeGradient and the tensor rows here.
/// </summary>
[BenchmarkCategory("LogisticRegression")]
public class LogisticRegressionBenchmarks : IGradientOutput
{
    /// <summary>Rows in the batch.</summary>
    public const int Rows = 10_000;

    /// <summary>Features per row.</summary>
    public const int Columns = 100;

    private LogisticRegressionBatch? _batch;
    private double[] _weights = [];
    private double[] _gradient = [];

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastGradient => _gradient;

    [GlobalSetup]
    public void Setup()
    {
        _batch = LogisticRegressionBatch.Create(Rows, Columns, LogisticRegressionBatch.BenchmarkSeed);
        _weights = _batch.Weights.ToArray();
        _gradient = new double[Columns + 1];
    }

    [Benchmark(Baseline = true)]
    public double Primal() => LogisticRegression.Loss(_batch!.Features, _batch.Labels, _weights, _batch.Bias);

    [Benchmark]
    public double HandWrittenGradient() =>
        LogisticRegression.LossAndGradient(
            _batch!.Features, _batch.Labels, _weights, _batch.Bias, _gradient.AsSpan(0, Columns), out _gradient[Columns]);
}
