namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Local 2-D arrays as users write them: a Cholesky factor (a Gaussian-process log-likelihood) and a dynamic-programming
/// table (soft dynamic time warping). Checked by <c>LocalMatrixTests</c> against central differences, forward mode and
/// the tape twin.
/// </summary>
public static partial class LocalMatrixFunctions
{
    /// <summary>log N(y | 0, K) with an RBF kernel, through an in-place Cholesky of K into a local 2-D array.</summary>
    [Differentiable(nameof(lengthScale), nameof(signalVar), nameof(noiseVar))]
    public static double GpLogLikelihood(double[] xs, double[] ys, double lengthScale, double signalVar, double noiseVar)
    {
        int n = xs.Length;
        var L = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double d = xs[i] - xs[j];
                double s = signalVar * Math.Exp(-0.5 * d * d / (lengthScale * lengthScale));
                if (i == j)
                {
                    s += noiseVar;
                }

                for (int m = 0; m < j; m++)
                {
                    s -= L[i, m] * L[j, m];
                }

                L[i, j] = i == j ? Math.Sqrt(s) : s / L[j, j];
            }
        }

        double quad = 0, logDet = 0;
        var alpha = new double[n];
        for (int i = 0; i < L.GetLength(0); i++)
        {
            double s = ys[i];
            for (int m = 0; m < i; m++)
            {
                s -= L[i, m] * alpha[m];
            }

            alpha[i] = s / L[i, i];
            quad += alpha[i] * alpha[i];
            logDet += Math.Log(L[i, i]);
        }

        return -0.5 * quad - logDet - 0.5 * n * Math.Log(2 * Math.PI);
    }

    /// <summary>Soft-DTW between two series, the cost table a local 2-D array filled row by row.</summary>
    [Differentiable]
    public static double SoftDtw(double[] a, double[] b, double gamma)
    {
        var r = new double[a.Length + 1, b.Length + 1];
        for (int i = 0; i < r.GetLength(0); i++)
        {
            for (int j = 0; j < r.GetLength(1); j++)
            {
                r[i, j] = 1e10;
            }
        }

        r[0, 0] = 0;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                double cost = (a[i - 1] - b[j - 1]) * (a[i - 1] - b[j - 1]);
                double x = -r[i - 1, j - 1] / gamma, y = -r[i - 1, j] / gamma, z = -r[i, j - 1] / gamma;
                double max = Math.Max(x, Math.Max(y, z));
                double softMin = -gamma * (max + Math.Log(Math.Exp(x - max) + Math.Exp(y - max) + Math.Exp(z - max)));
                r[i, j] = cost + softMin;
            }
        }

        return r[a.Length, b.Length] / r.Length * r.Rank;
    }
}
