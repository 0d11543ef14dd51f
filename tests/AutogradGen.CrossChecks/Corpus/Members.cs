using System.Diagnostics;

namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Issue 10, item 1: lookup tables, quadrature nodes and weights, constants and properties.</summary>
public static partial class Tables
{
    private static readonly double[] LegendreNodes = [-0.9061798459386640, -0.5384693101056831, 0.0, 0.5384693101056831, 0.9061798459386640];

    private static readonly double[] LegendreWeights = [0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891];

    private static readonly double[] HornerCoefficients = [0.5, -1.25, 0.75, 0.125, -0.0625];

    private static readonly double[] Knots = [-2.0, -1.0, 0.0, 1.5, 3.0];

    private static readonly double[] KnotValues = [1.0, -0.5, 0.25, 2.0, -1.0];

    private const int SimpsonIntervals = 8;

    private const double Rate = 0.35;

    private static double Shift => 0.125;

    /// <summary>∫ₐᵇ sin(t)·t dt by 5-point Gauss–Legendre: a table read inside a loop.</summary>
    [Differentiable]
    public static double GaussLegendre(double a, double b)
    {
        var half = 0.5 * (b - a);
        var middle = 0.5 * (a + b);
        var sum = 0.0;
        for (var i = 0; i < LegendreNodes.Length; i++)
        {
            var t = middle + half * LegendreNodes[i];
            sum += LegendreWeights[i] * Math.Sin(t) * t;
        }

        return half * sum;
    }

    /// <summary>Horner's rule over a static readonly coefficient table, highest degree last.</summary>
    [Differentiable]
    public static double Horner(double x)
    {
        var p = HornerCoefficients[HornerCoefficients.Length - 1];
        for (var i = HornerCoefficients.Length - 2; i >= 0; i--)
        {
            p = p * x + HornerCoefficients[i];
        }

        return p;
    }

    /// <summary>Linear interpolation in a knot table: a data-dependent search, then a read of two neighbours.</summary>
    [Differentiable, Domain(-1.9, 2.9), AlsoAt(-0.5), AlsoAt(2.0)]
    public static double Interpolate(double x)
    {
        var cell = 0;
        while (cell < Knots.Length - 2 && x > Knots[cell + 1])
        {
            cell++;
        }

        var weight = (x - Knots[cell]) / (Knots[cell + 1] - Knots[cell]);
        return KnotValues[cell] * (1 - weight) + KnotValues[cell + 1] * weight;
    }

    /// <summary>Simpson's rule with a const number of intervals: ∫₀ᵃ e^{Rate·t} dt.</summary>
    [Differentiable, Domain(0.1, 2)]
    public static double Simpson(double a)
    {
        var h = a / SimpsonIntervals;
        var sum = 1.0 + Math.Exp(Rate * a);
        for (var k = 1; k < SimpsonIntervals; k++)
        {
            sum += (k % 2 == 1 ? 4.0 : 2.0) * Math.Exp(Rate * k * h);
        }

        return sum * h / 3 + Shift;
    }
}

/// <summary>Issue 10, item 2: a model as a class with weight fields; its members are instance members.</summary>
public sealed partial class LogisticModel(double[] weights, double bias)
{
    private readonly double[] _weights = weights;

    /// <summary>The receiver the cross-check calls the instance members on.</summary>
    public static LogisticModel Example { get; } = new([0.75, -1.5], 0.25);

    public double Bias { get; } = bias;

    [Differentiable]
    public double Probability(double x, double y) => 1 / (1 + Math.Exp(-(_weights[0] * x + _weights[1] * y + Bias)));

    /// <summary>Calls another instance member on this.</summary>
    [Differentiable, Domain(-1, 1)]
    public double LogLikelihood(double x, double y) => Math.Log(Probability(x, y)) + Math.Log(1 - this.Probability(y, x));

    /// <summary>A static member calling instance members through a static property and a parameter.</summary>
    [Differentiable, With("Example")]
    public static double Ensemble(LogisticModel other, double x) => 0.5 * (Example.Probability(x, 1 - x) + other.Probability(x * x, x));
}

/// <summary>An instance member of a struct, reading its fields.</summary>
public partial struct SpringPair
{
    public static SpringPair Example => new() { Stiffness = 2.5, RestLength = 0.75 };

    public double Stiffness;

    public double RestLength;

    [Differentiable]
    public readonly double Energy(double x1, double x2)
    {
        var stretch = Math.Abs(x2 - x1) - RestLength;
        return 0.5 * Stiffness * stretch * stretch;
    }
}

/// <summary>An instance member of a record, reading its positional properties.</summary>
public sealed partial record Oscillator(double Amplitude, double Omega, double Phase)
{
    public static Oscillator Example { get; } = new(1.5, 2.0, 0.3);

    [Differentiable]
    public double Position(double t, double damping) => Amplitude * Math.Exp(-damping * t * t) * Math.Cos(Omega * t + Phase);
}

/// <summary>Issue 10, item 5: guard clauses run as written; the derivatives throw where the original does.</summary>
public static partial class Guards
{
    [Differentiable, Domain(0.1, 4)]
    public static double ThrowIfNegative(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        return Math.Sqrt(x) * x;
    }

    [Differentiable, Domain(0.1, 3)]
    public static double ThrowStatement(double x, double y)
    {
        if (x <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"x must be positive, not {x:G3}");
        }

        return Math.Log(x) * y;
    }

    [Differentiable]
    public static double ThrowExpression(double x)
    {
        var e = x > -50 ? Math.Exp(x) : throw new ArgumentException("x is too small", nameof(x));
        return e * Math.Sin(x);
    }

    [Differentiable, With(3)]
    public static double AssertsOnCount(int n, double x)
    {
        Debug.Assert(n > 0, "n must be positive");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var s = 0.0;
        for (var i = 1; i <= n; i++)
        {
            s += Math.Cos(x * i) / i;
        }

        return s;
    }

    [Differentiable(nameof(x)), With("Rows")]
    public static double NullGuard(double[][] rows, double x)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows[0][1] * x * x;
    }

    public static double[][] Rows { get; } = [[1.0, 2.0], [3.0]];
}

public enum Smoothing
{
    None,
    Soft,
}

/// <summary>Issue 10, item 4: parameters that carry no derivative, passed through and read.</summary>
public static partial class PassThroughData
{
    public static readonly double[][] Rows = [[1.0, -0.5, 0.25], [2.0, 0.75]];

    public static readonly double[,] Grid = { { 0.5, -1.0 }, { 0.25, 1.5 }, { -0.75, 0.125 } };

    public static readonly List<double> Weights = [0.5, 1.5, -0.25, 1.0];

    [Differentiable(nameof(x), nameof(y)), With("Rows")]
    public static double Jagged(double[][] rows, double x, double y)
    {
        var s = 0.0;
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)
            {
                s += rows[i][j] * Math.Pow(x, j) * Math.Pow(y, i);
            }
        }

        return s;
    }

    [Differentiable(nameof(x), nameof(y)), With("Grid")]
    public static double TwoDimensional(double[,] grid, double x, double y)
    {
        var s = 0.0;
        for (var i = 0; i < grid.GetLength(0); i++)
        {
            for (var j = 0; j < grid.GetLength(1); j++)
            {
                s += grid[i, j] * Math.Pow(x, i) * Math.Pow(y, j);
            }
        }

        return s;
    }

    [Differentiable, With("Weights")]
    public static double Listed(List<double> weights, double x)
    {
        var s = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            s += weights[i] * Math.Tanh(x + i);
        }

        return s;
    }

    [Differentiable, With(Smoothing.Soft, 4L, "abc")]
    public static double Enumerated(Smoothing smoothing, long steps, string label, double x)
    {
        var y = x;
        for (var k = 0; k < steps; k++)
        {
            y = smoothing == Smoothing.Soft ? 0.5 * y + 0.25 * Math.Sin(y) : y;
        }

        return y * label.Length;
    }

    [Differentiable, With(2.0)]
    public static double Nullable(double? scale, double x) => (scale ?? 1.0) * x * x + (scale.HasValue ? 1.0 : 0.0);

    [Differentiable(nameof(x)), With("Rows")]
    public static double CallsWithData(double[][] rows, double x) => Jagged(rows, x, 2 * x) + Enumerated(Smoothing.None, rows.Length, "z", x);
}
