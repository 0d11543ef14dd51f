namespace AutogradGen.Generator.Tests.Gmm;

/// <summary>
/// ADBench's Gaussian mixture model objective (log-likelihood with a Wishart prior), written from the formula in
/// tests/Data/adbench/README.md as a [Differentiable] method over spans: local arrays reused across points, element
/// writes, nested loops, and a call to another [Differentiable] method with a local array.
/// </summary>
public static partial class GaussianMixture
{
    /// <summary>
    /// The objective. <paramref name="icf"/> holds per component the d log-diagonal entries q, then the strictly
    /// lower triangle l column by column. <paramref name="wishartConstant"/> is C of the README (it does not depend
    /// on the differentiated inputs, and needs the log-gamma function, which System.Math lacks).
    /// </summary>
    [Differentiable(nameof(alphas), nameof(means), nameof(icf))]
    public static double Objective(
        ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf, ReadOnlySpan<double> x,
        int d, int k, int n, double gamma, int m, double wishartConstant)
    {
        var icfSize = d * (d + 1) / 2;
        Span<double> mainTerm = stackalloc double[k];
        Span<double> centered = stackalloc double[d];
        Span<double> transformed = stackalloc double[d];
        var sumOfLogSumExps = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < k; c++)
            {
                var sumQ = 0.0;
                for (var r = 0; r < d; r++)
                {
                    centered[r] = x[i * d + r] - means[c * d + r];
                    sumQ += icf[c * icfSize + r];
                }

                for (var r = 0; r < d; r++)
                {
                    transformed[r] = Math.Exp(icf[c * icfSize + r]) * centered[r];
                }

                var lowerIndex = c * icfSize + d;
                for (var column = 0; column < d; column++)
                {
                    for (var row = column + 1; row < d; row++)
                    {
                        transformed[row] += icf[lowerIndex] * centered[column];
                        lowerIndex++;
                    }
                }

                var squaredNorm = 0.0;
                for (var r = 0; r < d; r++)
                {
                    squaredNorm += transformed[r] * transformed[r];
                }

                mainTerm[c] = alphas[c] + sumQ - 0.5 * squaredNorm;
            }

            sumOfLogSumExps += LogSumExp(mainTerm);
        }

        var prior = 0.0;
        for (var c = 0; c < k; c++)
        {
            for (var r = 0; r < d; r++)
            {
                var q = icf[c * icfSize + r];
                prior += 0.5 * gamma * gamma * Math.Exp(2 * q) - m * q;
            }

            for (var j = d; j < icfSize; j++)
            {
                var l = icf[c * icfSize + j];
                prior += 0.5 * gamma * gamma * l * l;
            }
        }

        return -(n * d * 0.5) * Math.Log(2 * Math.PI) + sumOfLogSumExps - n * LogSumExp(alphas) + prior - k * wishartConstant;
    }

    /// <summary>log Σ exp(v), subtracting the maximum first so that nothing overflows.</summary>
    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> v)
    {
        var max = v[0];
        for (var i = 1; i < v.Length; i++)
        {
            if (v[i] > max)
            {
                max = v[i];
            }
        }

        var sum = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            sum += Math.Exp(v[i] - max);
        }

        return Math.Log(sum) + max;
    }
}
