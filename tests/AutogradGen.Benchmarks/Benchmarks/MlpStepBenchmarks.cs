using AutogradGen.Benchmarks.Workloads;
using AutogradGen.Optim;
using BenchmarkDotNet.Attributes;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// One SGD training step of a 784-256-10 MLP on a batch of 64, float32, cross-entropy (issue 14's first workload;
/// libtorch single-threaded took 0.83–0.99 ms on this machine). The baseline is the hand-written step
/// (<see cref="MlpStep"/>: the same GEMM kernel, fused loops, no allocation); the tape row is the same model as
/// PyTorch code writes it. Both keep their parameters across calls, as training does.
/// </summary>
[BenchmarkCategory("MlpStep")]
public class MlpStepBenchmarks
{
    private MlpStep? _handWritten;
    private Tensor? _x;
    private Tensor? _targets;
    private Tensor? _w1;
    private Tensor? _b1;
    private Tensor? _w2;
    private Tensor? _b2;
    private SGD? _optimizer;

    /// <summary>The tape's parameters, for tests that compare them with the hand-written step's.</summary>
    public Tensor[] TapeParameters => [_w1!, _b1!, _w2!, _b2!];

    /// <summary>The hand-written step's state.</summary>
    public MlpStep HandWritten => _handWritten!;

    [GlobalSetup]
    public void Setup()
    {
        _handWritten = MlpStep.Create(MlpStep.BenchmarkSeed);
        var start = _handWritten.Clone();
        _x = Tensor.From(start.X, [MlpStep.Batch, MlpStep.Inputs]);
        _targets = Tensor.From(start.Targets);
        _w1 = Tensor.From(start.W1, [MlpStep.Inputs, MlpStep.Hidden], requiresGrad: true);
        _b1 = Tensor.From(start.B1, requiresGrad: true);
        _w2 = Tensor.From(start.W2, [MlpStep.Hidden, MlpStep.Classes], requiresGrad: true);
        _b2 = Tensor.From(start.B2, requiresGrad: true);
        _optimizer = new SGD([_w1, _b1, _w2, _b2], lr: MlpStep.LearningRate);
    }

    [Benchmark(Baseline = true)]
    public double HandWrittenStep() => _handWritten!.Step();

    /// <summary>ZeroGrad, forward, cross-entropy, Backward, SGD Step: a PyTorch training loop's body.</summary>
    [Benchmark]
    public double TapeStep()
    {
        _optimizer!.ZeroGrad();
        var hidden = (_x!.MatMul(_w1!) + _b1!).Relu();
        var logits = hidden.MatMul(_w2!) + _b2!;
        var loss = Functional.CrossEntropy(logits, _targets!);
        loss.Backward();
        _optimizer.Step();
        return loss.Item();
    }
}
