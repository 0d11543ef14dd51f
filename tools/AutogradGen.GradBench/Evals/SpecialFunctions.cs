namespace AutogradGen.GradBench.Evals;

/// <summary>log Γ, which .NET does not have, for constants of the objectives (never differentiated).</summary>
internal static class SpecialFunctions
{
    // Lanczos approximation with g = 7 and 9 coefficients (Godfrey's), about 15 significant digits for x > 0.
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>log Γ(x) for x > 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);   // reflection
        x -= 1;
        double sum = Lanczos[0];
        for (int i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>log Γ_p(a) = p(p−1)/4 · log π + Σ_{j=1..p} log Γ(a + (1 − j)/2), the multivariate log-gamma.</summary>
    public static double LogMultivariateGamma(double a, int p)
    {
        double result = 0.25 * p * (p - 1) * Math.Log(Math.PI);
        for (int j = 1; j <= p; j++) result += LogGamma(a + 0.5 * (1 - j));
        return result;
    }
}
