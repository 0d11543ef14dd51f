namespace AutogradGen.GradBench.Evals.Gmm;

/// <summary>GradBench's gmm eval: the log posterior of a Gaussian mixture (<c>cpp/gradbench/evals/gmm.hpp</c>).</summary>
public static partial class GmmFunctions
{
    /// <summary>
    /// The objective over k components in d dimensions and n points x (n × d, row-major): alpha (k), mu (k × d),
    /// q (k × d, the log-diagonals of Q) and l (k × d(d−1)/2, Q's strictly lower triangle column by column), with a
    /// Wishart prior of parameters gamma and m. <paramref name="wishartConstant"/> is the prior's
    /// normalising term C (<see cref="WishartConstant"/>): it needs log Γ, which has no derivative rule, and does
    /// not depend on the parameters.
    /// </summary>
    [Differentiable(nameof(alpha), nameof(mu), nameof(q), nameof(l))]
    public static double Objective(
        ReadOnlySpan<double> alpha, ReadOnlySpan<double> mu, ReadOnlySpan<double> q, ReadOnlySpan<double> l,
        ReadOnlySpan<double> x, int d, int k, int n, double gamma, int m, double wishartConstant)
    {
        int lowerSize = d * (d - 1) / 2;
        var qDiagonals = new double[k * d];
        var qSums = new double[k];
        for (int c = 0; c < k; c++)
        {
            double qSum = 0;
            for (int j = 0; j < d; j++)
            {
                qDiagonals[c * d + j] = Math.Exp(q[c * d + j]);
                qSum += q[c * d + j];
            }

            qSums[c] = qSum;
        }

        var centered = new double[d];
        var transformed = new double[d];
        var mainTerms = new double[k];
        double sumOfLogSumExps = 0;
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < d; j++)
                {
                    double xc = x[i * d + j] - mu[c * d + j];
                    centered[j] = xc;
                    transformed[j] = qDiagonals[c * d + j] * xc;
                }

                int lower = c * lowerSize;
                for (int column = 0; column < d; column++)
                {
                    for (int row = column + 1; row < d; row++)
                    {
                        transformed[row] += l[lower] * centered[column];
                        lower++;
                    }
                }

                double squaredNorm = 0;
                for (int j = 0; j < d; j++) squaredNorm += transformed[j] * transformed[j];
                mainTerms[c] = alpha[c] + qSums[c] - 0.5 * squaredNorm;
            }

            sumOfLogSumExps += LogSumExp(mainTerms);
        }

        double prior = 0;
        for (int c = 0; c < k; c++)
        {
            double frobenius = 0;
            for (int j = 0; j < d; j++) frobenius += qDiagonals[c * d + j] * qDiagonals[c * d + j];
            for (int j = 0; j < lowerSize; j++) frobenius += l[c * lowerSize + j] * l[c * lowerSize + j];
            prior += 0.5 * gamma * gamma * frobenius - m * qSums[c];
        }

        return -n * d * 0.5 * Math.Log(2 * Math.PI) + sumOfLogSumExps - n * LogSumExp(alpha) - prior + k * wishartConstant;
    }

    /// <summary>log Σ exp(v), shifted by max v, which is held constant (the value does not depend on it).</summary>
    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> v)
    {
        double max = v[0];
        for (int i = 1; i < v.Length; i++) max = Math.Max(max, v[i]);
        double shift = Differentiation.WithoutDerivative(max);

        double sum = 0;
        for (int i = 0; i < v.Length; i++) sum += Math.Exp(v[i] - shift);
        return Math.Log(sum) + shift;
    }

    /// <summary>The Wishart prior's C = n′d(log γ − ½ log 2) − log Γ_d(n′/2), n′ = d + m + 1.</summary>
    public static double WishartConstant(int d, int m, double gamma)
    {
        int dof = d + m + 1;
        return dof * d * (Math.Log(gamma) - 0.5 * Math.Log(2)) - SpecialFunctions.LogMultivariateGamma(0.5 * dof, d);
    }
}
