namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Calls between [Differentiable] methods several levels deep, user derivatives, and stopped derivatives.</summary>
public static partial class Calls
{
    [Differentiable]
    public static double Square(double x) => x * x;

    [Differentiable]
    public static double Cube(double x) => x * Square(x);

    [Differentiable]
    public static double Level3(double x, double y) => Cube(x) + (Square(y) * x);

    [Differentiable, Domain(-1, 1)]
    public static double Level4(double x, double y) => Math.Sin(Level3(x, y)) + Level3(y, x);

    [Differentiable, Domain(-1, 1)]
    public static double Level5(double x) => Level4(x, x * 2) * Square(x);

    [Differentiable, Domain(-1, 1)]
    public static double CallInLoop(double x)
    {
        var s = 0.0;
        for (var i = 0; i < 4; i++)
        {
            s += Square(s - x);
        }

        return s;
    }

    [Differentiable]
    public static double CallInBranch(double x) => x > 0.5 ? Cube(x) : Square(x) - x;

    [Differentiable]
    public static double UserDerivative(double x) => OpaqueMath.Softplus(x * 2) * x;

    [Differentiable]
    public static double UserDerivativeWithInteger(double x) => OpaqueMath.PowerN(x, 3) + OpaqueMath.PowerN(x, 2);

    [Differentiable, StopsDerivatives]
    public static double StoppedDerivative(double x, double y) => (x * Differentiation.WithoutDerivative(y * x)) + y;

    [Differentiable]
    public static double UserDerivativeOverLocalArray(double x, double y)
    {
        var a = new double[3];
        a[0] = x;
        a[1] = x * y;
        a[2] = y - 1;
        return OpaqueMath.SumOfCubes(a, 2) * x;
    }

    [Differentiable(nameof(x)), With(2.5)]
    public static double PartiallyDifferentiated(double x, double scale) => x * x * scale;

    [Differentiable]
    public static double CallsPartiallyDifferentiated(double x, double y) => PartiallyDifferentiated(x, 3.0) + (y * x);
}

/// <summary>Functions the generator cannot see into: their derivatives are supplied by the user.</summary>
public static class OpaqueMath
{
    public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    /// <summary>Σ vᵢ³ over the first <paramref name="count"/> elements.</summary>
    public static double SumOfCubes(ReadOnlySpan<double> v, int count)
    {
        var s = 0.0;
        for (var i = 0; i < count; i++)
        {
            s += v[i] * v[i] * v[i];
        }

        return s;
    }

    public static double PowerN(double x, int n)
    {
        var p = 1.0;
        for (var i = 0; i < n; i++)
        {
            p *= x;
        }

        return p;
    }
}

/// <summary>The user derivatives of <see cref="OpaqueMath"/>.</summary>
public static class OpaqueMathDerivatives
{
    [DerivativeOf(typeof(OpaqueMath), nameof(OpaqueMath.Softplus))]
    public static double SoftplusGradient(double x, out double dx)
    {
        dx = 1 / (1 + Math.Exp(-x));
        return OpaqueMath.Softplus(x);
    }

    [DerivativeOf(typeof(OpaqueMath), nameof(OpaqueMath.SumOfCubes))]
    public static double SumOfCubesGradient(ReadOnlySpan<double> v, int count, Span<double> dv)
    {
        for (var i = 0; i < count; i++)
        {
            dv[i] = 3 * v[i] * v[i];
        }

        return OpaqueMath.SumOfCubes(v, count);
    }

    [DerivativeOf(typeof(OpaqueMath), nameof(OpaqueMath.PowerN))]
    public static double PowerNGradient(double x, int n, out double dx)
    {
        dx = n * OpaqueMath.PowerN(x, n - 1);
        return OpaqueMath.PowerN(x, n);
    }
}
