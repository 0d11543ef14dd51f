namespace AutogradGen.Benchmarks.Workloads.Gmm;

/// <summary>
/// The GMM objective and its gradient by reverse mode written by hand, fused into the objective's own loop
/// and allocating nothing. With r = Q_c (x - μ_c), w_c = softmax_c(main terms) for point x:
/// ∂/∂α_c = Σ_i w_ic - n softmax(α)_c;
/// ∂/∂μ_c = Σ_i w_ic Qᵀ r;
/// ∂/∂q_cj = Σ_i w_ic (1 - r_j (x - μ)_j exp q_cj) + γ² exp(2 q_cj) - m;
/// ∂/∂l_c(row, col) = -Σ_i w_ic r_row (x - μ)_col + γ² l_c(row, col).
/// </summary>
public static class GmmHandWrittenGradient
{
    /// <summary>
    /// Returns the objective and overwrites <paramref name="gradient"/> (length k + k·d + k·d(d+1)/2,
    /// in the parameters' order) with its gradient.
    /// </summary>
    /// <exception cref="ArgumentException">The parameters, gradient or workspace do not fit the instance.</exception>
    public static double ValueAndGradient(
        GmmInstance instance, ReadOnlySpan<double> parameters, Span<double> gradient, GmmWorkspace workspace)
    {
        GmmObjective.RequireFit(instance, parameters.Length, workspace);
        if (gradient.Length != parameters.Length)
        {
            throw new ArgumentException(
                $"The gradient has {gradient.Length} entries but there are {parameters.Length} parameters; pass a span as long as the parameters.",
                nameof(gradient));
        }

        int d = instance.Dimension;
        int k = instance.ComponentCount;
        int icfLength = instance.IcfLength;
        ReadOnlySpan<double> alphas = parameters[..k];
        ReadOnlySpan<double> means = parameters.Slice(instance.MeansOffset, k * d);
        ReadOnlySpan<double> icf = parameters[instance.IcfOffset..];
        ReadOnlySpan<double> points = instance.Points;
        Span<double> alphasGradient = gradient[..k];
        Span<double> meansGradient = gradient.Slice(instance.MeansOffset, k * d);
        Span<double> icfGradient = gradient[instance.IcfOffset..];
        Span<double> expDiagonals = workspace.ExpDiagonals;
        Span<double> diagonalSums = workspace.DiagonalSums;
        Span<double> mainTerms = workspace.MainTerms;
        Span<double> centered = workspace.Centered;
        Span<double> transformed = workspace.Transformed;

        gradient.Clear();
        GmmObjective.PrepareDiagonals(icf, d, k, expDiagonals, diagonalSums);

        double sumOfLogSumExps = 0.0;
        for (int i = 0; i < instance.PointCount; i++)
        {
            ReadOnlySpan<double> x = points.Slice(i * d, d);

            // Forward: keep x - μ_c and Q_c (x - μ_c) of every component for the backward sweep.
            for (int c = 0; c < k; c++)
            {
                double squaredNorm = GmmObjective.Transform(
                    x, means.Slice(c * d, d), expDiagonals.Slice(c * d, d), icf.Slice(c * icfLength + d, icfLength - d),
                    centered.Slice(c * d, d), transformed.Slice(c * d, d));
                mainTerms[c] = alphas[c] + diagonalSums[c] - 0.5 * squaredNorm;
            }

            double logSumExp = GmmObjective.LogSumExp(mainTerms);
            sumOfLogSumExps += logSumExp;

            // Backward: the adjoint of main term c is its softmax weight w; that of r is -w r.
            for (int c = 0; c < k; c++)
            {
                double weight = Math.Exp(mainTerms[c] - logSumExp);
                alphasGradient[c] += weight;
                AccumulateComponent(
                    weight,
                    centered.Slice(c * d, d),
                    transformed.Slice(c * d, d),
                    expDiagonals.Slice(c * d, d),
                    icf.Slice(c * icfLength + d, icfLength - d),
                    meansGradient.Slice(c * d, d),
                    icfGradient.Slice(c * icfLength, d),
                    icfGradient.Slice(c * icfLength + d, icfLength - d));
            }
        }

        double n = instance.PointCount;

        // -n logsumexp(α): its gradient is -n softmax(α).
        double alphasLogSumExp = GmmObjective.LogSumExp(alphas);
        for (int c = 0; c < k; c++)
        {
            alphasGradient[c] -= n * Math.Exp(alphas[c] - alphasLogSumExp);
        }

        AccumulateWishartPrior(instance, icf, expDiagonals, icfGradient);

        return -0.5 * n * d * Math.Log(2.0 * Math.PI)
            + sumOfLogSumExps
            - n * alphasLogSumExp
            + GmmObjective.WishartPrior(instance, icf, expDiagonals, diagonalSums);
    }

    /// <summary>One point's contribution to the gradient of one component, given its softmax weight.</summary>
    private static void AccumulateComponent(
        double weight,
        ReadOnlySpan<double> centered,
        Span<double> transformed,
        ReadOnlySpan<double> expDiagonal,
        ReadOnlySpan<double> lower,
        Span<double> meanGradient,
        Span<double> diagonalGradient,
        Span<double> lowerGradient)
    {
        int d = centered.Length;

        // From here on only w·r is needed, so scale r in place.
        for (int j = 0; j < d; j++)
        {
            double weightedR = weight * transformed[j];
            transformed[j] = weightedR;
            // q_j enters through Σ q (adjoint w) and through Q_jj = exp(q_j) (adjoint -w r_j (x - μ)_j).
            diagonalGradient[j] += weight - weightedR * centered[j] * expDiagonal[j];
            meanGradient[j] += expDiagonal[j] * weightedR;
        }

        int index = 0;
        for (int column = 0; column < d; column++)
        {
            double xc = centered[column];
            double meanAdjoint = 0.0;
            for (int row = column + 1; row < d; row++)
            {
                double weightedR = transformed[row];
                lowerGradient[index] -= weightedR * xc;
                meanAdjoint += lower[index] * weightedR;
                index++;
            }

            // μ enters as -(x - μ), and -½‖r‖² has adjoint -r: the two signs cancel, giving +Qᵀ (w r).
            meanGradient[column] += meanAdjoint;
        }
    }

    /// <summary>Adds the Wishart prior's gradient: γ² exp(2q) - m on the diagonal, γ² l below it.</summary>
    private static void AccumulateWishartPrior(
        GmmInstance instance, ReadOnlySpan<double> icf, ReadOnlySpan<double> expDiagonals, Span<double> icfGradient)
    {
        int d = instance.Dimension;
        int icfLength = instance.IcfLength;
        double gammaSquared = instance.WishartGamma * instance.WishartGamma;
        int m = instance.WishartM;
        for (int c = 0; c < instance.ComponentCount; c++)
        {
            for (int j = 0; j < d; j++)
            {
                double e = expDiagonals[c * d + j];
                icfGradient[c * icfLength + j] += gammaSquared * e * e - m;
            }

            for (int j = d; j < icfLength; j++)
            {
                icfGradient[c * icfLength + j] += gammaSquared * icf[c * icfLength + j];
            }
        }
    }
}
