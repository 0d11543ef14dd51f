namespace AutogradGen.CrossChecks.Harness;

/// <summary>
/// Central differences with one Richardson step (error O(h⁴)): the independent witness. Steps are relative to the
/// coordinate (so very large and very small magnitudes get steps of their own size), with the domain's width as
/// a floor near zero. Float code is differenced in float, with a larger step.
/// </summary>
internal static class Numerical
{
    public static double[] Gradient(CorpusFunction function, double[] point)
    {
        var gradient = new double[point.Length];
        for (var i = 0; i < point.Length; i++)
        {
            var h = Step(function, point[i]);
            var coarse = Central(function, point, i, h);
            var fine = Central(function, point, i, h / 2);
            gradient[i] = ((4 * fine) - coarse) / 3;
        }

        return gradient;
    }

    /// <summary>
    /// Agreement within the relative tolerance, widened by the rounding error the differences themselves carry
    /// (ε·|f|/h: a large value with a small slope cannot be differenced more precisely than that).
    /// </summary>
    public static bool Agrees(CorpusFunction function, double analytical, double numerical, double scale, double[] point, int coordinate)
    {
        var tolerance = function.IsFloat ? CrossCheck.FloatNumericalTolerance : CrossCheck.NumericalTolerance;
        var epsilon = function.IsFloat ? 6e-8 : 1.1e-16;
        var h = Step(function, point[coordinate]);
        var rounding = 100 * epsilon * Math.Abs(function.Value(point)) / h;
        var floor = Math.Max(1e-3 * scale, 1e-300);
        return Math.Abs(analytical - numerical) <= (tolerance * Math.Max(Math.Max(Math.Abs(analytical), Math.Abs(numerical)), floor)) + rounding;
    }

    private static double Step(CorpusFunction function, double x)
    {
        var width = function.Domain.Max - function.Domain.Min;
        var relative = function.IsFloat ? 1e-3 : 1e-5;
        return relative * Math.Max(Math.Abs(x), 1e-2 * width);
    }

    private static double Central(CorpusFunction function, double[] point, int i, double h)
    {
        var plus = (double[])point.Clone();
        var minus = (double[])point.Clone();
        plus[i] += h;
        minus[i] -= h;
        if (function.IsFloat)
        {
            plus[i] = (float)plus[i];
            minus[i] = (float)minus[i];
        }

        return (function.Value(plus) - function.Value(minus)) / (plus[i] - minus[i]);
    }
}
