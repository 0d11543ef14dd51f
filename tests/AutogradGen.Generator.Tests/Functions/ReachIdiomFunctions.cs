using System.Numerics;

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Idioms found by running an outside corpus of user-style functions: indices from the end (<c>x[^1]</c>), a ref
/// local naming one element of a buffer, and a switch expression on a tuple. Checked by <c>ReachIdiomTests</c>
/// against central differences, the other mode and the tape twin.
/// </summary>
public static partial class ReachIdiomFunctions
{
    /// <summary>Reads from the end of an array parameter.</summary>
    [Differentiable]
    public static double LastTimesSecondLast(double[] x) => x[^1] * x[^2] - Math.Sin(x[0]);

    /// <summary>Reads from the end of a span, with a computed distance.</summary>
    [Differentiable]
    public static double FromEndOfSpan(ReadOnlySpan<double> x, int back) => x[^1] * Math.Exp(x[^back]);

    /// <summary>Writes from the end of a local array, then reads it back.</summary>
    [Differentiable]
    public static double LocalFromEnd(double x)
    {
        double[] b = new double[3];
        b[^1] = x * x;
        b[^2] = Math.Exp(x);
        b[^3] = b[^1] + b[^2];
        return b[0] * b[2];
    }

    /// <summary>Interpolation on a grid with ^1 at the edge (the index comes from data).</summary>
    [Differentiable(nameof(values))]
    public static double Interpolate(double[] grid, double[] values, double t)
    {
        int i = Array.BinarySearch(grid, t);
        if (i >= 0) return values[i];
        i = ~i;
        if (i == 0) return values[0];
        if (i == grid.Length) return values[^1];
        double w = (t - grid[i - 1]) / (grid[i] - grid[i - 1]);
        return values[i - 1] * (1 - w) + values[i] * w;
    }

    /// <summary>A ref local naming one element of a stackalloc'd scratch buffer, written and updated through it.</summary>
    [Differentiable]
    public static double SmoothedNorm(ReadOnlySpan<double> x)
    {
        Span<double> squares = stackalloc double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            ref double slot = ref squares[i];
            slot = x[i] * x[i];
            slot += 1;
        }

        double s = 0;
        foreach (var v in squares) s += Math.Sqrt(v);
        return s;
    }

    /// <summary>A ref local into a local array, updated by a compound assignment in a loop and read after it.</summary>
    [Differentiable]
    public static double RunningProduct(double[] x)
    {
        double[] acc = new double[2];
        acc[1] = 1;
        ref double product = ref acc[1];
        for (int i = 0; i < x.Length; i++)
        {
            product *= 1 + x[i] * x[i];
        }

        return Math.Log(product) + acc[0];
    }

    /// <summary>A switch expression on a tuple of ints and bools, the patterns positional.</summary>
    [Differentiable]
    public static double Activation(double x, int kind, bool leaky) => (kind, leaky) switch
    {
        (0, _) => Math.Max(0, x),
        (1, true) => x > 0 ? x : 0.01 * x,
        (1, false) => Math.Tanh(x),
        _ => x * x,
    };

    /// <summary>A tuple switch whose first element is differentiated: relational patterns on it.</summary>
    [Differentiable]
    public static double Piecewise(double x, double y, int mode) => (x, mode) switch
    {
        (< 0, 0) => x * y,
        (>= 0 and < 1, _) => Math.Sin(x) * y,
        (_, 2) => y * y,
        (_, _) => x + y,
    };

    /// <summary>Enumerable.Range(a, n).Sum and .Average with lambdas that read the array by the range's integer.</summary>
    [Differentiable]
    public static double RangeSumAndAverage(double[] x, int from) =>
        System.Linq.Enumerable.Range(from, x.Length - from).Sum(i => x[i] * Math.Sin(x[0] * i))
        + System.Linq.Enumerable.Range(1, 3).Average(k => x[k] * x[k] / k);
}
