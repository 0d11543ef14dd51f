namespace AutogradGen.Benchmarks.Workloads.Generated;

/// <summary>
/// <see cref="Rosenbrock2D.Value"/> written once more as a [Differentiable] method, statement for statement, so the
/// generated <c>ValueGradient</c> (reverse) and <c>ValueDerivative</c> (forward) are measured against the same primal.
/// </summary>
public static partial class DifferentiableRosenbrock2D
{
    /// <summary>f(x, y) = (1 - x)² + 100 (y - x²)².</summary>
    [Differentiable]
    public static double Value(double x, double y)
    {
        double a = 1.0 - x;
        double b = y - x * x;
        return a * a + 100.0 * b * b;
    }
}
