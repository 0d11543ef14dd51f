namespace AutogradGen.Benchmarks.Workloads;

/// <summary>
/// The extended Rosenbrock function of Moré, Garbow and Hillstrom (1981, problem 21) over a span of even length n:
/// f(x) = Σ_{i = 0, 2, 4, …, n-2} 100 (x_{i+1} - x_i²)² + (1 - x_i)²,
/// that is n/2 independent 2-D Rosenbrock terms on the pairs (x_0, x_1), (x_2, x_3), ….
/// It is not the "chained" variant Σ_{i = 0}^{n-2} over every neighbouring pair.
/// </summary>
public static class ExtendedRosenbrock
{
    /// <summary>The objective f(x).</summary>
    /// <exception cref="ArgumentException">The length of <paramref name="x"/> is odd.</exception>
    public static double Value(ReadOnlySpan<double> x)
    {
        RequireEvenLength(x.Length);
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
    /// The objective and its gradient in one fused pass, writing every entry of <paramref name="gradient"/>
    /// (it is overwritten, not accumulated): ∂f/∂x_i = -400 x_i (x_{i+1} - x_i²) - 2 (1 - x_i),
    /// ∂f/∂x_{i+1} = 200 (x_{i+1} - x_i²) for every even i.
    /// </summary>
    /// <exception cref="ArgumentException">The length of <paramref name="x"/> is odd, or the gradient's length differs.</exception>
    public static double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        RequireEvenLength(x.Length);
        if (gradient.Length != x.Length)
        {
            throw new ArgumentException(
                $"The gradient has {gradient.Length} entries but x has {x.Length}; pass a gradient span of the same length as x.",
                nameof(gradient));
        }

        double sum = 0.0;
        for (int i = 0; i < x.Length; i += 2)
        {
            double xi = x[i];
            double b = x[i + 1] - xi * xi;
            double a = 1.0 - xi;
            sum += 100.0 * b * b + a * a;
            double bBar = 200.0 * b;
            gradient[i] = -2.0 * a - 2.0 * xi * bBar;
            gradient[i + 1] = bBar;
        }

        return sum;
    }

    private static void RequireEvenLength(int length)
    {
        if (length % 2 != 0)
        {
            throw new ArgumentException(
                $"The extended Rosenbrock function pairs neighbouring entries, so x needs an even length, but it has {length}.",
                "x");
        }
    }
}
