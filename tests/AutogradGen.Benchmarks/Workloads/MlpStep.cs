using AutogradGen.Kernels;

namespace AutogradGen.Benchmarks.Workloads;

/// <summary>
/// One SGD training step of a 784-256-10 multilayer perceptron on a batch of 64 (float32): h = relu(x·W1 + b1),
/// logits = h·W2 + b2, mean cross-entropy against integer classes, its gradient, then p -= lr·∂p for every
/// parameter. The weights are stored [in, out], so the forward products need no transpose.
/// This is the hand-written C# step: the same GEMM kernel as the tape (<see cref="Gemm"/>; a scalar triple loop
/// would measure the loop, not the step), and one fused loop for everything element-wise, into buffers made once.
/// </summary>
public sealed class MlpStep
{
    /// <summary>Rows in the batch.</summary>
    public const int Batch = 64;

    /// <summary>Input features.</summary>
    public const int Inputs = 784;

    /// <summary>Hidden units.</summary>
    public const int Hidden = 256;

    /// <summary>Classes.</summary>
    public const int Classes = 10;

    /// <summary>The SGD learning rate: small, so that the weights barely move over a benchmark's millions of steps
    /// (a converged model would make the gradients tiny, and subnormal floats slow every kernel down).</summary>
    public const float LearningRate = 1e-4f;

    /// <summary>The seed of <see cref="Create"/>.</summary>
    public const ulong BenchmarkSeed = 20261202;

    private readonly float[] _hidden = new float[Batch * Hidden];
    private readonly float[] _logits = new float[Batch * Classes];
    private readonly float[] _hiddenGradient = new float[Batch * Hidden];
    private readonly float[] _w1Gradient = new float[Inputs * Hidden];
    private readonly float[] _w2Gradient = new float[Hidden * Classes];

    private MlpStep(float[] x, long[] targets, float[] w1, float[] b1, float[] w2, float[] b2)
    {
        X = x;
        Targets = targets;
        W1 = w1;
        B1 = b1;
        W2 = w2;
        B2 = b2;
    }

    /// <summary>The batch, Batch × Inputs, row-major.</summary>
    public float[] X { get; }

    /// <summary>The class of each row.</summary>
    public long[] Targets { get; }

    /// <summary>First layer's weights, Inputs × Hidden.</summary>
    public float[] W1 { get; }

    /// <summary>First layer's bias.</summary>
    public float[] B1 { get; }

    /// <summary>Second layer's weights, Hidden × Classes.</summary>
    public float[] W2 { get; }

    /// <summary>Second layer's bias.</summary>
    public float[] B2 { get; }

    /// <summary>A seeded batch (standard normal inputs, uniform classes) and PyTorch's default Linear initialisation
    /// range, U(-1/√in, 1/√in), for weights and biases.</summary>
    public static MlpStep Create(ulong seed)
    {
        var random = new SplitMix64(seed);
        var x = new float[Batch * Inputs];
        for (int i = 0; i < x.Length; i++) x[i] = (float)random.NextNormal();
        var targets = new long[Batch];
        for (int i = 0; i < Batch; i++) targets[i] = (long)(random.NextUniform() * Classes);
        return new MlpStep(x, targets, Uniform(random, Inputs * Hidden, Inputs), Uniform(random, Hidden, Inputs),
            Uniform(random, Hidden * Classes, Hidden), Uniform(random, Classes, Hidden));
    }

    /// <summary>A copy with the same data and parameters, so that two implementations can step from one start.</summary>
    public MlpStep Clone() => new((float[])X.Clone(), (long[])Targets.Clone(), (float[])W1.Clone(), (float[])B1.Clone(),
        (float[])W2.Clone(), (float[])B2.Clone());

    /// <summary>One forward, backward and SGD update; returns the loss before the update.</summary>
    public float Step()
    {
        // Forward: hidden = relu(x·W1 + b1), logits = hidden·W2 + b2.
        Gemm.Multiply<float>(X, false, W1, false, _hidden, Batch, Inputs, Hidden);
        for (int i = 0; i < Batch; i++)
        {
            var row = _hidden.AsSpan(i * Hidden, Hidden);
            for (int j = 0; j < Hidden; j++) row[j] = MathF.Max(row[j] + B1[j], 0f);
        }
        Gemm.Multiply<float>(_hidden, false, W2, false, _logits, Batch, Hidden, Classes);

        // Softmax cross-entropy, mean over the batch; the logits' buffer becomes their gradient, (p - onehot) / Batch.
        float loss = 0;
        for (int i = 0; i < Batch; i++)
        {
            var row = _logits.AsSpan(i * Classes, Classes);
            float max = float.NegativeInfinity;
            for (int j = 0; j < Classes; j++)
            {
                row[j] += B2[j];
                max = MathF.Max(max, row[j]);
            }
            float sum = 0;
            for (int j = 0; j < Classes; j++) sum += MathF.Exp(row[j] - max);
            float logSum = max + MathF.Log(sum);
            int target = (int)Targets[i];
            loss += logSum - row[target];
            for (int j = 0; j < Classes; j++) row[j] = MathF.Exp(row[j] - logSum) / Batch;
            row[target] -= 1f / Batch;
        }

        // Backward: ∂W2 = hiddenᵀ·∂logits, ∂hidden = ∂logits·W2ᵀ masked by relu, ∂W1 = xᵀ·∂hidden.
        Gemm.Multiply<float>(_hidden, true, _logits, false, _w2Gradient, Hidden, Batch, Classes);
        Gemm.Multiply<float>(_logits, false, W2, true, _hiddenGradient, Batch, Classes, Hidden);
        for (int i = 0; i < _hiddenGradient.Length; i++)
        {
            if (_hidden[i] <= 0f) _hiddenGradient[i] = 0f;
        }
        Gemm.Multiply<float>(X, true, _hiddenGradient, false, _w1Gradient, Inputs, Batch, Hidden);

        // SGD, with the biases' gradients (column sums) taken on the way.
        for (int j = 0; j < Classes; j++)
        {
            float g = 0;
            for (int i = 0; i < Batch; i++) g += _logits[(i * Classes) + j];
            B2[j] -= LearningRate * g;
        }
        for (int j = 0; j < Hidden; j++)
        {
            float g = 0;
            for (int i = 0; i < Batch; i++) g += _hiddenGradient[(i * Hidden) + j];
            B1[j] -= LearningRate * g;
        }
        for (int i = 0; i < W2.Length; i++) W2[i] -= LearningRate * _w2Gradient[i];
        for (int i = 0; i < W1.Length; i++) W1[i] -= LearningRate * _w1Gradient[i];
        return loss / Batch;
    }

    private static float[] Uniform(SplitMix64 random, int count, int fanIn)
    {
        float bound = 1f / MathF.Sqrt(fanIn);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)((random.NextUniform() * 2.0) - 1.0) * bound;
        return values;
    }
}
