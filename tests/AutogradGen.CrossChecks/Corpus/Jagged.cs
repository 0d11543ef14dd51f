using System.Numerics;

namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// Functions over jagged arrays (<c>double[][]</c>, <c>float[][]</c>, <c>T[][]</c>) written the way people write
/// them (rows of different lengths, foreach over rows, a row bound to a local, rows handed to helpers), differentiated
/// with gradients of the same shape. Checked through explicit adapters (CorpusRegistry.Jagged.cs); their twins take
/// one 1-d tensor per row.
/// </summary>
public static partial class JaggedArrays
{
    /// <summary>Σᵢ (Σⱼ a[i][j] xⱼ)²: rows of different lengths against one vector.</summary>
    [Differentiable]
    public static double RowProducts(double[][] a, ReadOnlySpan<double> x)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var dot = 0.0;
            for (var j = 0; j < a[i].Length; j++)
            {
                dot += a[i][j] * x[j];
            }

            s += dot * dot;
        }

        return s;
    }

    /// <summary>Σ over rows of log Σ exp(β row[j]): a batch of log-partition functions, foreach over the rows.</summary>
    [Differentiable]
    public static double LogPartitions(double[][] logits, double beta)
    {
        var s = 0.0;
        foreach (var row in logits)
        {
            var max = row[0];
            for (var j = 1; j < row.Length; j++)
            {
                max = Math.Max(max, row[j]);
            }

            var sum = 0.0;
            foreach (var z in row)
            {
                sum += Math.Exp(beta * (z - max));
            }

            s += beta * max + Math.Log(sum);
        }

        return s;
    }

    /// <summary>
    /// A piecewise-linear curve per row (knots at 0, 1, 2, ...) evaluated at t: interpolation in curve tables, the
    /// row chosen by the loop and the knot by the data.
    /// </summary>
    [Differentiable]
    public static double CurveTable(double[][] curves, double t)
    {
        var s = 0.0;
        for (var i = 0; i < curves.Length; i++)
        {
            var row = curves[i];
            var k = (int)Differentiation.WithoutDerivative(t);
            if (k < 0)
            {
                k = 0;
            }

            if (k > row.Length - 2)
            {
                k = row.Length - 2;
            }

            var w = t - k;
            s += (1 - w) * row[k] + w * row[k + 1];
        }

        return s;
    }

    /// <summary>A two-layer network whose weights are a jagged array per layer: tanh(W₁x)·w₂.</summary>
    [Differentiable]
    public static double TwoLayer(double[][] hidden, ReadOnlySpan<double> output, ReadOnlySpan<double> x)
    {
        var y = 0.0;
        for (var i = 0; i < hidden.Length; i++)
        {
            var z = 0.0;
            for (var j = 0; j < x.Length; j++)
            {
                z += hidden[i][j] * x[j];
            }

            y += output[i] * Math.Tanh(z);
        }

        return y;
    }

    /// <summary>Squared differences between neighbouring rows' first and last elements (a row local while i moves on).</summary>
    [Differentiable]
    public static double NeighbourRows(double[][] a)
    {
        var s = 0.0;
        var i = 0;
        while (i + 1 < a.Length)
        {
            var row = a[i];
            i++;
            var next = a[i];
            var d = row[row.Length - 1] - next[0];
            s += d * d + Math.Sin(row[0]) * next[next.Length - 1];
        }

        return s;
    }

    /// <summary>Σ a[i][j]² in float, with an early exit on a NaN.</summary>
    [Differentiable]
    public static float SquaredNormFloat(float[][] a)
    {
        var s = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < a[i].Length; j++)
            {
                if (float.IsNaN(a[i][j]))
                {
                    return float.NaN;
                }

                s += a[i][j] * a[i][j];
            }
        }

        return s;
    }

    /// <summary>Generic math over T[][]: Σ exp(t·w[i][j]) / (i + 1).</summary>
    [Differentiable]
    public static T Weighted<T>(T[][] w, T t) where T : IFloatingPointIeee754<T>
    {
        var s = T.Zero;
        for (var i = 0; i < w.Length; i++)
        {
            for (var j = 0; j < w[i].Length; j++)
            {
                s += T.Exp(t * w[i][j]) / T.CreateChecked(i + 1);
            }
        }

        return s;
    }

    /// <summary>Σᵢ √(1 + ‖a[i]‖²): each row handed to a [Differentiable] helper taking a span.</summary>
    [Differentiable]
    public static double RowNorms(double[][] a)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += Math.Sqrt(1 + SquaredNorm(a[i]));
        }

        return s;
    }

    /// <summary>Σ log(1 + exp(w·row)) · row[0]: each foreach row handed to a helper taking an array.</summary>
    [Differentiable]
    public static double LogisticRows(double[][] rows, ReadOnlySpan<double> w)
    {
        var s = 0.0;
        foreach (var row in rows)
        {
            s += SoftPlusOfDot(row, w) * row[0];
        }

        return s;
    }

    /// <summary>The trapezoid rule per row (samples on a unit grid), weighted by the row's length.</summary>
    [Differentiable]
    public static double Trapezoids(double[][] samples, double h)
    {
        var s = 0.0;
        foreach (var f in samples)
        {
            var integral = 0.0;
            for (var j = 1; j < f.Length; j++)
            {
                integral += 0.5 * h * (f[j - 1] + f[j]);
            }

            s += integral * integral / f.Length;
        }

        return s;
    }

    /// <summary>Guards that read the array (run as written), then a product of two elements.</summary>
    [Differentiable]
    public static double Guarded(double[][] a, double x)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Length < 2 || a[0].Length < 2)
        {
            throw new ArgumentException("two rows of two needed", nameof(a));
        }

        return a[1][0] * Math.Exp(x * a[0][1]);
    }

    /// <summary>A jagged array that is data (not differentiated) handed to a callee that differentiates its jagged parameter.</summary>
    [Differentiable(nameof(x)), With("Data")]
    public static double DataToCallee(double[][] data, double x) => Guarded(data, x) * x + RowNorms(data);

    public static double[][] Data { get; } = [[0.5, -0.25], [1.5]];

    /// <summary>Σ of the lower triangle of a jagged "triangular matrix" (row i has i + 1 entries) against x: Lᵀ-style products.</summary>
    [Differentiable]
    public static double Triangular(double[][] lower, ReadOnlySpan<double> x)
    {
        var s = 0.0;
        for (var i = 0; i < lower.Length; i++)
        {
            var yi = 0.0;
            for (var j = 0; j <= i; j++)
            {
                yi += lower[i][j] * x[j];
            }

            s += yi * yi + Math.Exp(lower[i][i]);
        }

        return s;
    }

    /// <summary>The jagged array handed whole to callees that differentiate it, besides reading it here.</summary>
    [Differentiable]
    public static double WholeToCallees(double[][] a, double x) => Guarded(a, x) * x + RowNorms(a) + LogPartitions(a, x) * a[0][0];

    /// <summary>Σ vⱼ², a helper taking a span.</summary>
    [Differentiable]
    public static double SquaredNorm(ReadOnlySpan<double> v)
    {
        var s = 0.0;
        for (var j = 0; j < v.Length; j++)
        {
            s += v[j] * v[j];
        }

        return s;
    }

    /// <summary>log(1 + exp(w·v)), a helper taking an array.</summary>
    [Differentiable]
    public static double SoftPlusOfDot(double[] v, ReadOnlySpan<double> w)
    {
        var z = 0.0;
        for (var j = 0; j < v.Length; j++)
        {
            z += w[j] * v[j];
        }

        return Math.Log(1 + Math.Exp(z));
    }
}
