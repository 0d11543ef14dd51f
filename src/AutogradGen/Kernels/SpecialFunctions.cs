namespace AutogradGen.Kernels;

/// <summary>
/// Scalar special functions .NET's <see cref="Math"/> lacks, to double precision (the tape's gradient checks
/// differentiate them numerically in float64, so a single-precision approximation would not do).
/// </summary>
public static class SpecialFunctions
{
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double OneOverSqrtPi = 0.5641895835477563;

    /// <summary>The error function <c>erf(x) = 2/√π ∫₀ˣ e^(-t²) dt</c> (relative error about 1e-15).</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double a = Math.Abs(x);
        double value = a < 3 ? ErfSeries(a) : 1 - ErfcContinuedFraction(a);
        return x < 0 ? -value : value;
    }

    /// <summary>The complementary error function <c>1 - erf(x)</c>, accurate in the tail too.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 3) return 1 - Erf(x);
        return ErfcContinuedFraction(x);
    }

    // erf(x) = 2/√π e^(-x²) Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)): every term positive, so no cancellation for x < 3.
    private static double ErfSeries(double x)
    {
        double term = x, sum = x, x2 = x * x;
        for (int n = 1; n < 200 && term > sum * 1e-17; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
        }
        return TwoOverSqrtPi * Math.Exp(-x2) * sum;
    }

    // erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated with Lentz's method (x ≥ 3).
    private static double ErfcContinuedFraction(double x)
    {
        if (double.IsPositiveInfinity(x)) return 0;
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int n = 1; n < 500; n++)
        {
            double an = n * 0.5;
            d = x + an * d;
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = x + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return OneOverSqrtPi * Math.Exp(-x * x) / f;
    }
}
