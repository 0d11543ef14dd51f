namespace AutogradGen.Benchmarks.Tests.Support;

/// <summary>Central finite differences, the independent check of every hand-written gradient.</summary>
internal static class FiniteDifferences
{
    /// <summary>The gap between 1 and the next double (double.Epsilon is the smallest subnormal, not this).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// ∂f/∂x_i by the five-point stencil (f(x - 2h) - 8 f(x - h) + 8 f(x + h) - f(x + 2h)) / 12h, whose truncation
    /// error is O(h⁴): with h = ε^(1/5) · max(1, |x_i|) the rounding error, about ε |f| / h, stays near 1e-13 |f|
    /// even for sums as large as the n = 1000 workloads (plain central differences would leave about 4e-11 |f|).
    /// </summary>
    public static double Partial(Func<double[], double> f, double[] x, int index)
    {
        double original = x[index];
        double h = Math.Pow(MachineEpsilon, 0.2) * Math.Max(1.0, Math.Abs(original));
        double At(double offset)
        {
            x[index] = original + offset;
            return f(x);
        }

        double derivative = (At(-2 * h) - 8 * At(-h) + 8 * At(h) - At(2 * h)) / (12 * h);
        x[index] = original;
        return derivative;
    }

    /// <summary>Asserts that <paramref name="gradient"/> matches central finite differences of f at the given indices.</summary>
    public static void AssertGradientMatches(
        Func<double[], double> f, double[] x, ReadOnlySpan<double> gradient, IEnumerable<int> indices, double tolerance)
    {
        foreach (int i in indices)
        {
            Tolerance.AssertClose(Partial(f, x, i), gradient[i], tolerance, $"gradient entry {i} against central differences");
        }
    }
}
