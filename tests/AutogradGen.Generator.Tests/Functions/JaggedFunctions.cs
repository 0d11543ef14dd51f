using System.Numerics;

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Issue 10 item 4: differentiated jagged array parameters, with gradients and tangents of the same shape.</summary>
public static partial class JaggedFunctions
{
    /// <summary>Σᵢ (Σⱼ a[i][j] xⱼ)² over rows of different lengths.</summary>
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

    /// <summary>Σ over rows of log Σ exp(row[j]) · scale, with foreach over the rows and over each row's indices.</summary>
    [Differentiable]
    public static double LogSumExpRows(double[][] rows, double scale)
    {
        var s = 0.0;
        foreach (var row in rows)
        {
            var sum = 0.0;
            for (var j = 0; j < row.Length; j++)
            {
                sum += Math.Exp(scale * row[j]);
            }

            s += Math.Log(sum);
        }

        return s;
    }

    /// <summary>A row bound to a local (<c>var row = a[i]</c>) while the index moves on.</summary>
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
            s += Math.Sin(row[0]) * next[next.Length - 1];
        }

        return s;
    }

    /// <summary>Σ a[i][j]² in float.</summary>
    [Differentiable]
    public static float SquaredNorm(float[][] a)
    {
        var s = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < a[i].Length; j++)
            {
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

    /// <summary>Only x differentiated: the jagged array is data.</summary>
    [Differentiable(nameof(x))]
    public static double DataOnly(double[][] a, double x) => a[0][0] * x * x;

    /// <summary>A guard that reads the jagged array (it runs as written), then one element.</summary>
    [Differentiable]
    public static double Guarded(double[][] a, double x)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Length < 2)
        {
            throw new ArgumentException("two rows needed", nameof(a));
        }

        return a[1][0] * Math.Exp(x * a[0][1]);
    }

    /// <summary>Σ vⱼ², a callee taking a span.</summary>
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

    /// <summary>Σ log(1 + exp(wⱼ vⱼ)), a callee taking an array and a weight array.</summary>
    [Differentiable]
    public static double SoftPlus(double[] v, ReadOnlySpan<double> w)
    {
        var s = 0.0;
        for (var j = 0; j < v.Length; j++)
        {
            s += Math.Log(1 + Math.Exp(w[j] * v[j]));
        }

        return s;
    }

    /// <summary>Rows handed to [Differentiable] callees: a[i] to a span parameter, a foreach row to an array parameter.</summary>
    [Differentiable]
    public static double RowsToCalls(double[][] a, ReadOnlySpan<double> w)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += Math.Sqrt(1 + SquaredNorm(a[i]));
        }

        foreach (var row in a)
        {
            s += SoftPlus(row, w) * row[0];
        }

        return s;
    }

    /// <summary>Data handed to a callee that differentiates its jagged parameter: no tangent and no gradient for it.</summary>
    [Differentiable(nameof(x))]
    public static double DataToCallee(double[][] data, double x) => Guarded(data, x) * x;

    /// <summary>The jagged array handed whole to callees that differentiate it: they take its tangent and add to its gradient.</summary>
    [Differentiable]
    public static double WholeToCallees(double[][] a, double x) => Guarded(a, x) * x + LogSumExpRows(a, x) + a[0][0] * NeighbourRows(a);
}
