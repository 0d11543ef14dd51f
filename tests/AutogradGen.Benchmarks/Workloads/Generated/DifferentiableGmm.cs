namespace AutogradGen.Benchmarks.Workloads.Generated;

/// <summary>
/// ADBench's GMM objective (<see cref="Gmm.GmmObjective.Value"/>) as a [Differentiable] method over the same packed
/// parameters (alphas, then means, then icf) and the same algorithm: exp(q_c) and Σ q_c once per call, then per
/// point and component ‖Q_c (x_i - μ_c)‖², a log-sum-exp per point, and the Wishart prior. The constant C of the
/// prior (it needs log Γ_d, and does not depend on the parameters) is passed in.
/// </summary>
public static partial class DifferentiableGmm
{
    /// <summary>The objective; <paramref name="points"/> is n × d row-major.</summary>
    [Differentiable(nameof(parameters))]
    public static double Objective(
        ReadOnlySpan<double> parameters, ReadOnlySpan<double> points, int d, int k, int n, double gamma, int m, double wishartConstant)
    {
        int icfLength = d * (d + 1) / 2;
        int meansOffset = k;
        int icfOffset = k + k * d;
        Span<double> alphas = stackalloc double[k];
        Span<double> expDiagonals = stackalloc double[k * d];
        Span<double> diagonalSums = stackalloc double[k];
        Span<double> mainTerms = stackalloc double[k];
        Span<double> centered = stackalloc double[d];
        Span<double> transformed = stackalloc double[d];
        for (int c = 0; c < k; c++)
        {
            alphas[c] = parameters[c];
            double diagonalSum = 0.0;
            for (int j = 0; j < d; j++)
            {
                double q = parameters[icfOffset + c * icfLength + j];
                expDiagonals[c * d + j] = Math.Exp(q);
                diagonalSum += q;
            }

            diagonalSums[c] = diagonalSum;
        }

        double sumOfLogSumExps = 0.0;
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < d; j++)
                {
                    double xc = points[i * d + j] - parameters[meansOffset + c * d + j];
                    centered[j] = xc;
                    transformed[j] = expDiagonals[c * d + j] * xc;
                }

                int lower = icfOffset + c * icfLength + d;
                for (int column = 0; column < d; column++)
                {
                    for (int row = column + 1; row < d; row++)
                    {
                        transformed[row] += parameters[lower] * centered[column];
                        lower++;
                    }
                }

                double squaredNorm = 0.0;
                for (int j = 0; j < d; j++)
                {
                    squaredNorm += transformed[j] * transformed[j];
                }

                mainTerms[c] = alphas[c] + diagonalSums[c] - 0.5 * squaredNorm;
            }

            sumOfLogSumExps += LogSumExp(mainTerms);
        }

        double prior = 0.0;
        for (int c = 0; c < k; c++)
        {
            double frobenius = 0.0;
            for (int j = 0; j < d; j++)
            {
                double e = expDiagonals[c * d + j];
                frobenius += e * e;
            }

            for (int j = d; j < icfLength; j++)
            {
                double l = parameters[icfOffset + c * icfLength + j];
                frobenius += l * l;
            }

            prior += 0.5 * gamma * gamma * frobenius - m * diagonalSums[c];
        }

        return -0.5 * n * d * Math.Log(2.0 * Math.PI) + sumOfLogSumExps - n * LogSumExp(alphas) + prior - k * wishartConstant;
    }

    /// <summary>
    /// log Σ exp(v) = s + log Σ exp(v_i - s) for any shift s; s = max v keeps exp from overflowing. The value does
    /// not depend on s, so s is held constant for differentiation and no derivative flows through the maximum.
    /// </summary>
    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> v)
    {
        double max = v[0];
        for (int i = 1; i < v.Length; i++)
        {
            max = Math.Max(max, v[i]);
        }

        double shift = Differentiation.WithoutDerivative(max);
        double sum = 0.0;
        for (int i = 0; i < v.Length; i++)
        {
            sum += Math.Exp(v[i] - shift);
        }

        return shift + Math.Log(sum);
    }
}
