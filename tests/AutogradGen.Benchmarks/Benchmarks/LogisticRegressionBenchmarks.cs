using AutogradGen.Benchmarks.Harness;
using AutogradGen.Benchmarks.Workloads;
using AutogradGen.Benchmarks.Workloads.Generated;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// Mean binary cross-entropy with logits over a seeded 10,000 × 100 batch (spans, row-major X).
/// The gradient's last entry is the bias. Ratio = gradient time / loss time.
/// The tensor rows: X as an N × F Float64 tensor, one matrix-vector product and element-wise ops, differentiated by
/// the tape (<see cref="TapeGradient"/>) and by the generator (<see cref="GeneratedTensorGradient"/>, the same
/// operations as a [Differentiable] tensor method).
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
    private Tensor? _tapeFeatures;
    private Tensor? _tapeLabels;
    private Tensor? _tapeWeights;
    private Tensor? _tapeBias;
    private Tensor? _weightsTensorGradient;
    private Tensor? _biasTensorGradient;
    private GradientSource _lastSource = GradientSource.Spans;

    /// <summary>Where the last case left its gradient.</summary>
    private enum GradientSource { Spans, TapeLeaves, GeneratedTensors }

    /// <inheritdoc/>
    public ReadOnlySpan<double> LastGradient => _lastSource switch
    {
        GradientSource.TapeLeaves => [.. _tapeWeights!.Grad!.ToArray(), _tapeBias!.Grad!.Item()],
        GradientSource.GeneratedTensors => [.. _weightsTensorGradient!.ToArray(), _biasTensorGradient!.Item()],
        _ => _gradient,
    };

    [GlobalSetup]
    public void Setup()
    {
        _batch = LogisticRegressionBatch.Create(Rows, Columns, LogisticRegressionBatch.BenchmarkSeed);
        _weights = _batch.Weights.ToArray();
        _gradient = new double[Columns + 1];
        _tapeFeatures = Tensor.From(_batch.Features.ToArray(), [Rows, Columns]);
        _tapeLabels = Tensor.From(_batch.Labels.ToArray());
        _tapeWeights = Tensor.From(_weights, requiresGrad: true);
        _tapeBias = Tensor.Scalar(_batch.Bias, requiresGrad: true, dtype: DType.Float64);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => LogisticRegression.Loss(_batch!.Features, _batch.Labels, _weights, _batch.Bias);

    [Benchmark]
    public double HandWrittenGradient() =>
        LogisticRegression.LossAndGradient(
            _batch!.Features, _batch.Labels, _weights, _batch.Bias, _gradient.AsSpan(0, Columns), out _gradient[Columns]);

    /// <summary>The generated reverse mode; the weights' gradient span is added to, so it is cleared first.</summary>
    [Benchmark]
    public double GeneratedGradient()
    {
        Span<double> weightsGradient = _gradient.AsSpan(0, Columns);
        weightsGradient.Clear();
        double loss = DifferentiableLogisticRegression.LossGradient(
            _batch!.Features, _batch.Labels, _weights, _batch.Bias, weightsGradient, out double biasGradient);
        _gradient[Columns] = biasGradient;
        return loss;
    }

    /// <summary>
    /// The tape engine on tensors: z = X w + b (one MatVec), then relu(z) - y z + log(1 + exp(-|z|)) and the mean,
    /// as PyTorch code would write it, then Backward. The leaves live across calls; their .Grad is reset each call.
    /// </summary>
    [Benchmark]
    public double TapeGradient()
    {
        var w = _tapeWeights!;
        var b = _tapeBias!;
        w.Grad = null;
        b.Grad = null;
        var z = _tapeFeatures!.MatMul(w) + b;
        var loss = (z.Relu() - _tapeLabels! * z + (1.0 + (-z.Abs()).Exp()).Log()).Mean();
        loss.Backward();
        _lastSource = GradientSource.TapeLeaves;
        return loss.Item();
    }

    /// <summary>
    /// The generated backward of the same tensor operations (<see cref="DifferentiableTensorLogisticRegression"/>):
    /// no tape, no node; the gradients come back as new tensors, as the tape's .Grad does.
    /// </summary>
    [Benchmark]
    public double GeneratedTensorGradient()
    {
        var loss = DifferentiableTensorLogisticRegression.LossGradient(
            _tapeFeatures!, _tapeLabels!, _tapeWeights!, _tapeBias!, out _weightsTensorGradient, out _biasTensorGradient);
        _lastSource = GradientSource.GeneratedTensors;
        return loss.Item();
    }
}
