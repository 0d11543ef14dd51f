using System.Runtime.CompilerServices;

namespace AutogradGen.Benchmarks.Workloads.Gmm;

/// <summary>
/// ADBench's GMM objective: the log-likelihood with a Wishart prior, exactly as ADBench's
/// reference code computes it (tests/Data/adbench/README.md):
/// E = -(n d / 2) log 2π + Σ_i logsumexp_c(α_c + Σ q_c - ½‖Q_c (x_i - μ_c)‖²) - n logsumexp(α)
///     + Σ_c (½ γ² (‖exp q_c‖² + ‖l_c‖²) - m Σ q_c) - k C,
/// C = n' d (log γ - ½ log 2) - log Γ_d(n'/2), n' = d + m + 1.
/// </summary>
public static class GmmObjective
{
    private static readonly double LogTwoPi = Math.Log(2.0 * Math.PI);

    /// <summary>The objective at <paramref name="parameters"/> (packed as <see cref="GmmInstance"/> describes).</summary>
    /// <exception cref="ArgumentException">The parameters or the workspace do not fit the instance.</exception>
    public static double Value(GmmInstance instance, ReadOnlySpan<double> parameters, GmmWorkspace workspace)
    {
        RequireFit(instance, parameters.Length, workspace);
        int d = instance.Dimension;
        int k = instance.ComponentCount;
        int icfLength = instance.IcfLength;
        ReadOnlySpan<double> alphas = parameters[..k];
        ReadOnlySpan<double> means = parameters.Slice(instance.MeansOffset, k * d);
        ReadOnlySpan<double> icf = parameters[instance.IcfOffset..];
        ReadOnlySpan<double> points = instance.Points;
        Span<double> expDiagonals = workspace.ExpDiagonals;
        Span<double> diagonalSums = workspace.DiagonalSums;
        Span<double> mainTerms = workspace.MainTerms;
        // The primal needs x - μ and Q(x - μ) of one component at a time only.
        Span<double> centered = workspace.Centered.AsSpan(0, d);
        Span<double> transformed = workspace.Transformed.AsSpan(0, d);

        PrepareDiagonals(icf, d, k, expDiagonals, diagonalSums);

        double sumOfLogSumExps = 0.0;
        for (int i = 0; i < instance.PointCount; i++)
        {
            ReadOnlySpan<double> x = points.Slice(i * d, d);
            for (int c = 0; c < k; c++)
            {
                double squaredNorm = Transform(
                    x, means.Slice(c * d, d), expDiagonals.Slice(c * d, d), icf.Slice(c * icfLength + d, icfLength - d),
                    centered, transformed);
                mainTerms[c] = alphas[c] + diagonalSums[c] - 0.5 * squaredNorm;
            }

            sumOfLogSumExps += LogSumExp(mainTerms);
        }

        double n = instance.PointCount;
        return -0.5 * n * d * LogTwoPi
            + sumOfLogSumExps
            - n * LogSumExp(alphas)
            + WishartPrior(instance, icf, expDiagonals, diagonalSums);
    }

    /// <summary>Checks that the parameter count and the workspace match the instance.</summary>
    internal static void RequireFit(GmmInstance instance, int parameterCount, GmmWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(workspace);
        if (parameterCount != instance.ParameterCount)
        {
            throw new ArgumentException(
                $"This instance (d = {instance.Dimension}, k = {instance.ComponentCount}) has {instance.ParameterCount} parameters, "
                + $"but a span of {parameterCount} was given.",
                "parameters");
        }

        if (workspace.Dimension != instance.Dimension || workspace.ComponentCount != instance.ComponentCount)
        {
            throw new ArgumentException(
                $"The workspace was made for d = {workspace.Dimension}, k = {workspace.ComponentCount} but the instance has "
                + $"d = {instance.Dimension}, k = {instance.ComponentCount}; create it with new GmmWorkspace(instance).",
                nameof(workspace));
        }
    }

    /// <summary>exp(q_c) and Σ q_c for every component, once per call rather than once per point.</summary>
    internal static void PrepareDiagonals(
        ReadOnlySpan<double> icf, int d, int k, Span<double> expDiagonals, Span<double> diagonalSums)
    {
        int icfLength = GmmInstance.IcfLengthFor(d);
        for (int c = 0; c < k; c++)
        {
            ReadOnlySpan<double> q = icf.Slice(c * icfLength, d);
            double sum = 0.0;
            for (int j = 0; j < d; j++)
            {
                expDiagonals[c * d + j] = Math.Exp(q[j]);
                sum += q[j];
            }

            diagonalSums[c] = sum;
        }
    }

    /// <summary>
    /// Writes x - μ and Q (x - μ) and returns ‖Q (x - μ)‖², where Q is lower triangular with diagonal
    /// <paramref name="expDiagonal"/> and strictly lower part <paramref name="lower"/> stored column by column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Transform(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> mean,
        ReadOnlySpan<double> expDiagonal,
        ReadOnlySpan<double> lower,
        Span<double> centered,
        Span<double> transformed)
    {
        int d = x.Length;
        for (int j = 0; j < d; j++)
        {
            double xc = x[j] - mean[j];
            centered[j] = xc;
            transformed[j] = expDiagonal[j] * xc;
        }

        int index = 0;
        for (int column = 0; column < d; column++)
        {
            double xc = centered[column];
            for (int row = column + 1; row < d; row++)
            {
                transformed[row] += lower[index++] * xc;
            }
        }

        double squaredNorm = 0.0;
        for (int j = 0; j < d; j++)
        {
            squaredNorm += transformed[j] * transformed[j];
        }

        return squaredNorm;
    }

    /// <summary>log Σ exp(v), with the maximum subtracted so that nothing overflows.</summary>
    internal static double LogSumExp(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0.0;
        foreach (double v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>Σ_c (½ γ² (‖exp q_c‖² + ‖l_c‖²) - m Σ q_c) - k C: the prior and its normalising constant.</summary>
    internal static double WishartPrior(
        GmmInstance instance, ReadOnlySpan<double> icf, ReadOnlySpan<double> expDiagonals, ReadOnlySpan<double> diagonalSums)
    {
        int d = instance.Dimension;
        int k = instance.ComponentCount;
        int icfLength = instance.IcfLength;
        double gamma = instance.WishartGamma;
        int m = instance.WishartM;
        double sum = 0.0;
        for (int c = 0; c < k; c++)
        {
            double frobenius = 0.0;
            foreach (double e in expDiagonals.Slice(c * d, d))
            {
                frobenius += e * e;
            }

            foreach (double l in icf.Slice(c * icfLength + d, icfLength - d))
            {
                frobenius += l * l;
            }

            sum += 0.5 * gamma * gamma * frobenius - m * diagonalSums[c];
        }

        return sum - k * WishartConstant(d, gamma, m);
    }

    /// <summary>C = n' d (log γ - ½ log 2) - log Γ_d(n'/2), n' = d + m + 1: the prior's constant per component.</summary>
    public static double WishartConstant(int d, double gamma, int m)
    {
        int degreesOfFreedom = d + m + 1;
        return degreesOfFreedom * d * (Math.Log(gamma) - 0.5 * Math.Log(2.0))
            - SpecialFunctions.LogMultivariateGamma(0.5 * degreesOfFreedom, d);
    }
}
