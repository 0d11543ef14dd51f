namespace AutogradGen.Benchmarks.Workloads;

/// <summary>
/// A seeded synthetic logistic-regression problem: standard normal features, labels drawn from a logistic
/// model with hidden weights (so the loss is neither trivial nor saturated), and small starting weights.
/// </summary>
public sealed class LogisticRegressionBatch
{
    /// <summary>The seed of the 10,000 × 100 benchmark batch.</summary>
    public const ulong BenchmarkSeed = 6;

    private readonly double[] _features;
    private readonly double[] _labels;
    private readonly double[] _weights;

    private LogisticRegressionBatch(double[] features, double[] labels, double[] weights, double bias)
    {
        _features = features;
        _labels = labels;
        _weights = weights;
        Bias = bias;
    }

    /// <summary>N × F features, row-major.</summary>
    public ReadOnlySpan<double> Features => _features;

    /// <summary>N labels, each 0 or 1.</summary>
    public ReadOnlySpan<double> Labels => _labels;

    /// <summary>F starting weights.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The starting bias.</summary>
    public double Bias { get; }

    /// <summary>N, the number of rows.</summary>
    public int RowCount => _labels.Length;

    /// <summary>F, the number of features.</summary>
    public int ColumnCount => _weights.Length;

    /// <summary>Draws a batch of <paramref name="rowCount"/> × <paramref name="columnCount"/> from <paramref name="seed"/>.</summary>
    public static LogisticRegressionBatch Create(int rowCount, int columnCount, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columnCount, 1);
        var random = new SplitMix64(seed);
        // Hidden weights of norm about 2 make logits of order 2: both classes occur, neither saturates.
        double scale = 2.0 / Math.Sqrt(columnCount);
        var hidden = new double[columnCount];
        for (int j = 0; j < columnCount; j++)
        {
            hidden[j] = scale * random.NextNormal();
        }

        var features = new double[rowCount * columnCount];
        var labels = new double[rowCount];
        for (int row = 0; row < rowCount; row++)
        {
            double logit = 0.0;
            for (int j = 0; j < columnCount; j++)
            {
                double value = random.NextNormal();
                features[row * columnCount + j] = value;
                logit += value * hidden[j];
            }

            labels[row] = random.NextUniform() < 1.0 / (1.0 + Math.Exp(-logit)) ? 1.0 : 0.0;
        }

        var weights = new double[columnCount];
        for (int j = 0; j < columnCount; j++)
        {
            weights[j] = 0.1 * random.NextNormal();
        }

        return new LogisticRegressionBatch(features, labels, weights, bias: 0.1 * random.NextNormal());
    }
}
