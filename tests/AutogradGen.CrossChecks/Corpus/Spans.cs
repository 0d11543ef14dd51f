namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Functions over spans: their twins take 1-d tensors. Checked through explicit adapters (see SpanCorpus).</summary>
public static partial class Spans
{
    [Differentiable]
    public static double SumOfSquares(ReadOnlySpan<double> v)
    {
        var s = 0.0;
        foreach (var e in v)
        {
            s += e * e;
        }

        return s;
    }

    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> v)
    {
        var max = v[0];
        for (var i = 1; i < v.Length; i++)
        {
            max = Math.Max(max, v[i]);
        }

        var sum = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            sum += Math.Exp(v[i] - max);
        }

        return Math.Log(sum) + max;
    }

    /// <summary>
    /// Mean binary cross-entropy of a logistic regression: <paramref name="w"/> holds d weights then the bias;
    /// <paramref name="xs"/> is n rows of d features, <paramref name="ys"/> the 0/1 labels.
    /// </summary>
    [Differentiable(nameof(w))]
    public static double LogisticRegressionLoss(ReadOnlySpan<double> w, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var d = w.Length - 1;
        var n = ys.Length;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var z = w[d];
            for (var j = 0; j < d; j++)
            {
                z += w[j] * xs[(i * d) + j];
            }

            total += Math.Max(z, 0) - (z * ys[i]) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
        }

        return total / n;
    }

    [Differentiable]
    public static double SmoothedDifferences(ReadOnlySpan<double> v)
    {
        var smoothed = new double[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            smoothed[i] = v[i];
            if (i > 0)
            {
                smoothed[i] = (0.5 * smoothed[i - 1]) + (0.5 * v[i]);
            }
        }

        var s = 0.0;
        for (var i = 1; i < smoothed.Length; i++)
        {
            var d = smoothed[i] - smoothed[i - 1];
            s += d * d;
        }

        return s + LogSumExp(smoothed);
    }

    [Differentiable]
    public static float FloatNorm(ReadOnlySpan<float> v)
    {
        var s = 0f;
        for (var i = 0; i < v.Length; i++)
        {
            s += v[i] * v[i];
        }

        return MathF.Sqrt(s + 1f);
    }

    [Differentiable]
    public static double WeightedByScalar(ReadOnlySpan<double> v, double scale)
    {
        var s = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            s += Math.Sin(v[i] * scale) * (i + 1);
        }

        return s * scale;
    }
}
