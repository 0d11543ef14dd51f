namespace AutogradGen.CrossChecks.Corpus;

/// <summary>User-style corpus, local 2-D arrays: a Cholesky factor and a dynamic-programming table, as people write them.</summary>
public static partial class UserTables
{
    public static readonly double[] Times = { 0, 0.5, 1.1, 1.9, 2.5 };

    public static readonly double[] Observed = { 0.1, 0.6, 0.8, 0.2, -0.4 };

    /// <summary>A Gaussian-process log marginal likelihood: the kernel matrix factored in place into a local double[,].</summary>
    [Differentiable(nameof(lengthScale), nameof(signalVar), nameof(noiseVar)), Domain(0.3, 1.5), With("Times", "Observed")]
    public static double GpLogLikelihood(double[] xs, double[] ys, double lengthScale, double signalVar, double noiseVar)
    {
        int n = xs.Length;
        var L = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                double d = xs[i] - xs[j];
                double k = signalVar * Math.Exp(-0.5 * d * d / (lengthScale * lengthScale));
                if (i == j) k += noiseVar;
                double s = k;
                for (int m = 0; m < j; m++) s -= L[i, m] * L[j, m];
                L[i, j] = i == j ? Math.Sqrt(s) : s / L[j, j];
            }

        var alpha = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = ys[i];
            for (int m = 0; m < i; m++) s -= L[i, m] * alpha[m];
            alpha[i] = s / L[i, i];
        }

        double quad = 0, logDet = 0;
        for (int i = 0; i < n; i++) { quad += alpha[i] * alpha[i]; logDet += Math.Log(L[i, i]); }
        return -0.5 * quad - logDet - 0.5 * n * Math.Log(2 * Math.PI);
    }

    /// <summary>Soft-DTW between the observations and a shifted, scaled copy of them; the cost table a local double[,].</summary>
    [Differentiable(nameof(shift), nameof(scale), nameof(gamma)), Domain(0.2, 1.2), With("Observed")]
    public static double SoftDtwToTemplate(double[] series, double shift, double scale, double gamma)
    {
        int n = series.Length;
        var r = new double[n + 1, n + 1];
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= n; j++)
                r[i, j] = 1e10;
        r[0, 0] = 0;
        for (int i = 1; i < r.GetLength(0); i++)
            for (int j = 1; j < r.GetLength(1); j++)
            {
                double template = scale * series[j - 1] + shift;
                double cost = (series[i - 1] - template) * (series[i - 1] - template);
                double x = -r[i - 1, j - 1] / gamma, y = -r[i - 1, j] / gamma, z = -r[i, j - 1] / gamma;
                double max = Math.Max(x, Math.Max(y, z));
                r[i, j] = cost - gamma * (max + Math.Log(Math.Exp(x - max) + Math.Exp(y - max) + Math.Exp(z - max)));
            }

        return r[n, n];
    }
}
