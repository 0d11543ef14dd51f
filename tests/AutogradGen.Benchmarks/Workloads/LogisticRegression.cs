namespace AutogradGen.Benchmarks.Workloads;

/// <summary>
/// Logistic regression's loss: the mean binary cross-entropy with logits over a batch,
/// L = (1/N) Σ_i [ max(z_i, 0) - y_i z_i + log(1 + exp(-|z_i|)) ],  z_i = x_i · w + b,
/// which equals the textbook -[y log σ(z) + (1 - y) log(1 - σ(z))] without overflowing for large |z|
/// (the form PyTorch's binary_cross_entropy_with_logits uses).
/// The batch X is N × F, row-major, in one span; the labels y are in [0, 1].
/// </summary>
public static class LogisticRegression
{
    /// <summary>The mean loss over the batch.</summary>
    /// <exception cref="ArgumentException">The shapes of X, y and w do not agree.</exception>
    public static double Loss(ReadOnlySpan<double> features, ReadOnlySpan<double> labels, ReadOnlySpan<double> weights, double bias)
    {
        int columns = weights.Length;
        RequireShapes(features.Length, labels.Length, columns);
        double sum = 0.0;
        for (int row = 0; row < labels.Length; row++)
        {
            ReadOnlySpan<double> x = features.Slice(row * columns, columns);
            double z = bias;
            for (int j = 0; j < x.Length; j++)
            {
                z += x[j] * weights[j];
            }

            sum += Math.Max(z, 0.0) - labels[row] * z + SpecialFunctions.LogOnePlus(Math.Exp(-Math.Abs(z)));
        }

        return sum / labels.Length;
    }

    /// <summary>
    /// The mean loss and its gradient in one fused pass over the batch. The gradient of the weights is
    /// overwritten; ∂L/∂z_i = (σ(z_i) - y_i) / N, ∂L/∂w = Σ_i ∂L/∂z_i x_i, ∂L/∂b = Σ_i ∂L/∂z_i.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes of X, y, w and the gradient do not agree.</exception>
    public static double LossAndGradient(
        ReadOnlySpan<double> features,
        ReadOnlySpan<double> labels,
        ReadOnlySpan<double> weights,
        double bias,
        Span<double> weightsGradient,
        out double biasGradient)
    {
        int columns = weights.Length;
        RequireShapes(features.Length, labels.Length, columns);
        if (weightsGradient.Length != columns)
        {
            throw new ArgumentException(
                $"The weights' gradient has {weightsGradient.Length} entries but there are {columns} weights; pass a span as long as w.",
                nameof(weightsGradient));
        }

        weightsGradient.Clear();
        double inverseCount = 1.0 / labels.Length;
        double sum = 0.0;
        double biasBar = 0.0;
        for (int row = 0; row < labels.Length; row++)
        {
            ReadOnlySpan<double> x = features.Slice(row * columns, columns);
            double z = bias;
            for (int j = 0; j < x.Length; j++)
            {
                z += x[j] * weights[j];
            }

            // One exponential serves both the stable loss and the stable sigmoid.
            double e = Math.Exp(-Math.Abs(z));
            double y = labels[row];
            sum += Math.Max(z, 0.0) - y * z + SpecialFunctions.LogOnePlus(e);
            double sigmoid = z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            double zBar = (sigmoid - y) * inverseCount;
            biasBar += zBar;
            // The row is still in L1 cache from the dot product above.
            for (int j = 0; j < x.Length; j++)
            {
                weightsGradient[j] += zBar * x[j];
            }
        }

        biasGradient = biasBar;
        return sum * inverseCount;
    }

    private static void RequireShapes(int featureCount, int rowCount, int columnCount)
    {
        if (rowCount == 0)
        {
            throw new ArgumentException("The batch is empty: the mean loss needs at least one row (one label).", "labels");
        }

        if ((long)rowCount * columnCount != featureCount)
        {
            throw new ArgumentException(
                $"X has {featureCount} entries but {rowCount} labels × {columnCount} weights = {(long)rowCount * columnCount}; "
                + "X must be the N × F batch in row-major order.",
                "features");
        }
    }
}
