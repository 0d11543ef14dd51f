namespace AutogradGen.Benchmarks.Workloads.Generated;

/// <summary>
/// <see cref="LogisticRegression.Loss"/> as a [Differentiable] method with respect to the weights and the bias.
/// Two differences from the hand-written primal, both forced by what a [Differentiable] body may contain: rows are
/// indexed in the one features span instead of sliced, and log(1 + e) is <c>Math.Log(1.0 + e)</c> (e ∈ (0, 1], so it
/// agrees with log1p to about 1e-16 absolute).
/// </summary>
public static partial class DifferentiableLogisticRegression
{
    /// <summary>The mean binary cross-entropy with logits; X is N × F row-major, F = weights.Length.</summary>
    [Differentiable(nameof(weights), nameof(bias))]
    public static double Loss(ReadOnlySpan<double> features, ReadOnlySpan<double> labels, ReadOnlySpan<double> weights, double bias)
    {
        int columns = weights.Length;
        double sum = 0.0;
        for (int row = 0; row < labels.Length; row++)
        {
            int start = row * columns;
            double z = bias;
            for (int j = 0; j < columns; j++)
            {
                z += features[start + j] * weights[j];
            }

            sum += Math.Max(z, 0.0) - labels[row] * z + Math.Log(1.0 + Math.Exp(-Math.Abs(z)));
        }

        return sum / labels.Length;
    }
}
