namespace AutogradGen.Benchmarks.Workloads.Generated;

/// <summary>
/// The logistic-regression loss written on tensors as <see cref="Benchmarks.LogisticRegressionBenchmarks.TapeGradient"/>
/// writes it for the tape (z = X w + b, then relu(z) - y z + log(1 + exp(-|z|)), then the mean), as a
/// [Differentiable] tensor method: its generated <c>LossGradient</c> runs the same kernels with no tape, so the
/// benchmark's tensor rows compare the tape with the generated backward on the same operations.
/// </summary>
public static partial class DifferentiableTensorLogisticRegression
{
    /// <summary>The mean binary cross-entropy with logits; <paramref name="features"/> is N × F.</summary>
    [Differentiable(nameof(weights), nameof(bias))]
    public static Tensor Loss(Tensor features, Tensor labels, Tensor weights, Tensor bias)
    {
        Tensor z = features.MatMul(weights) + bias;
        return (z.Relu() - labels * z + (1.0 + (-z.Abs()).Exp()).Log()).Mean();
    }
}
