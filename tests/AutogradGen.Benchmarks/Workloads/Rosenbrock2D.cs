namespace AutogradGen.Benchmarks.Workloads;

/// <summary>
/// The Rosenbrock function in two dimensions, f(x, y) = (1 - x)² + 100 (y - x²)²,
/// with its minimum 0 at (1, 1): the smallest scalar workload, where call overhead dominates.
/// </summary>
public static class Rosenbrock2D
{
    /// <summary>The objective f(x, y).</summary>
    public static double Value(double x, double y)
    {
        double a = 1.0 - x;
        double b = y - x * x;
        return a * a + 100.0 * b * b;
    }

    /// <summary>
    /// The objective and its gradient in one pass (reverse mode written by hand):
    /// ∂f/∂x = -2(1 - x) - 400 x (y - x²), ∂f/∂y = 200 (y - x²).
    /// </summary>
    public static double ValueAndGradient(double x, double y, out double gradientX, out double gradientY)
    {
        double a = 1.0 - x;
        double b = y - x * x;
        // Adjoint of b: d(100 b²)/db = 200 b; it flows to y directly and to x through -x².
        double bBar = 200.0 * b;
        gradientX = -2.0 * a - 2.0 * x * bBar;
        gradientY = bBar;
        return a * a + 100.0 * b * b;
    }
}
