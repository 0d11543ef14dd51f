namespace AutogradGen.CrossChecks.Corpus;

/// <summary>The seeds' tensor computations written as scalar code (see tests/AutogradGen.CrossChecks/Seeds for both ways).</summary>
public static partial class Seeds
{
    /// <summary>The tutorial's <c>out = (3 (x + 2)²).mean()</c> over a 2×2 x, written element by element.</summary>
    [Differentiable]
    public static double MeanOfThreeXPlusTwoSquared(double a, double b, double c, double d)
    {
        var sum = (3 * (a + 2) * (a + 2)) + (3 * (b + 2) * (b + 2)) + (3 * (c + 2) * (c + 2)) + (3 * (d + 2) * (d + 2));
        return sum / 4;
    }

    /// <summary>The tutorial's <c>2x² + y²</c>.</summary>
    [Differentiable]
    public static double TwoXSquaredPlusYSquared(double x, double y) => (2 * x * x) + (y * y);

    /// <summary>The tutorial's <c>z = x·w + b</c> through binary cross-entropy with logits, for one sample with label y.</summary>
    [Differentiable(nameof(x), nameof(w), nameof(b)), With(1.0)]
    public static double LogisticLoss(double x, double w, double b, double y)
    {
        var z = (x * w) + b;
        return Math.Max(z, 0) - (z * y) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
    }
}

/// <summary>The seed's one-layer network as scalar code over spans: checked both ways in SeedsBothWaysTests.</summary>
public static partial class SeedNetworks
{
    /// <summary>
    /// <c>z = x·w + b</c> (x of length 5, w 5×3 row-major, b of length 3), then the mean binary cross-entropy
    /// with logits against <paramref name="y"/>.
    /// </summary>
    [Differentiable(nameof(w), nameof(b))]
    public static double LinearLogisticLoss(ReadOnlySpan<double> w, ReadOnlySpan<double> b, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var outputs = b.Length;
        var total = 0.0;
        for (var j = 0; j < outputs; j++)
        {
            var z = b[j];
            for (var i = 0; i < x.Length; i++)
            {
                z += x[i] * w[(i * outputs) + j];
            }

            total += Math.Max(z, 0) - (z * y[j]) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
        }

        return total / outputs;
    }
}
