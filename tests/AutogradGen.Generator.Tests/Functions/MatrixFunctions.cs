namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Issue 10 item 4: differentiated 2-D array parameters, with gradients and tangents of the same shape.</summary>
public static partial class MatrixFunctions
{
    /// <summary>xᵀ A x over a rectangular-looking loop (rows and columns read from the array).</summary>
    [Differentiable]
    public static double QuadraticForm(double[,] a, ReadOnlySpan<double> x)
    {
        var s = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                s += x[i] * a[i, j] * x[j];
            }
        }

        return s;
    }

    /// <summary>scale · Σ w² + mean of exp(w), the mean over w.Length; non-linear in every element.</summary>
    [Differentiable]
    public static double Regularised(double[,] w, double scale)
    {
        var squares = 0.0;
        var exponentials = 0.0;
        for (var i = 0; i < w.GetLength(0); i++)
        {
            for (var j = 0; j < w.GetLength(1); j++)
            {
                squares += w[i, j] * w[i, j];
                exponentials += Math.Exp(w[i, j]);
            }
        }

        return scale * squares + exponentials / w.Length;
    }

    /// <summary>tr(A)² in float.</summary>
    [Differentiable]
    public static float SquaredTrace(float[,] a)
    {
        var trace = 0f;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            trace += a[i, i];
        }

        return trace * trace;
    }

    /// <summary>Data handed to a callee that differentiates its 2-D array: no tangent and no gradient for it.</summary>
    [Differentiable(nameof(scale))]
    public static double DataToCallee(double[,] w, double scale) => Regularised(w, scale) * scale;

    /// <summary>The 2-D array handed whole to a callee that differentiates it.</summary>
    [Differentiable]
    public static double WholeToCallee(double[,] w, double scale) => Regularised(w, scale) * scale + w[0, 1] * Regularised(w, 1.0);
}
