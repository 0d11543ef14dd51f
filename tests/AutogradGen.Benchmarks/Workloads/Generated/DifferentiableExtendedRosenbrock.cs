namespace AutogradGen.Benchmarks.Workloads.Generated;

/// <summary>
/// <see cref="ExtendedRosenbrock.Value"/> as a [Differentiable] method: the same loop over the pairs, without the
/// length check (a [Differentiable] body cannot throw), so the generated gradient is measured on the code a user writes.
/// </summary>
public static partial class DifferentiableExtendedRosenbrock
{
    /// <summary>f(x) = Σ_{i = 0, 2, …} 100 (x_{i+1} - x_i²)² + (1 - x_i)²; x must have an even length.</summary>
    [Differentiable]
    public static double Value(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        for (int i = 0; i < x.Length; i += 2)
        {
            double xi = x[i];
            double b = x[i + 1] - xi * xi;
            double a = 1.0 - xi;
            sum += 100.0 * b * b + a * a;
        }

        return sum;
    }

    /// <summary>
    /// The same function written so that the generator has nothing to record: a counted loop over the pairs with a
    /// bound that cannot change, and each pair's term in a scalar [Differentiable] helper, so the loop body assigns
    /// no local. Measured beside <see cref="Value"/> to show what the recording costs (docs/BENCHMARKS.md).
    /// </summary>
    [Differentiable]
    public static double ValueByPairs(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        for (int pair = 0; pair < x.Length / 2; pair++)
        {
            sum += PairTerm(x[2 * pair], x[2 * pair + 1]);
        }

        return sum;
    }

    /// <summary>100 (y - x²)² + (1 - x)², one pair's term.</summary>
    [Differentiable]
    public static double PairTerm(double x, double y)
    {
        double b = y - x * x;
        double a = 1.0 - x;
        return 100.0 * b * b + a * a;
    }
}
