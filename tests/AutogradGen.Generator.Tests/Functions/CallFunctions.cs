namespace AutogradGen.Generator.Tests.Functions;

/// <summary>A library the generator cannot see into: its derivatives are supplied with [DerivativeOf].</summary>
public static class OpaqueLibrary
{
    public static double Softplus(double x) => x > 20 ? x : Math.Log(1 + Math.Exp(x));

    public static double WeightedNorm(ReadOnlySpan<double> v, double weight)
    {
        var s = 0.0;
        foreach (var value in v)
        {
            s += value * value;
        }

        return weight * Math.Sqrt(s);
    }
}

/// <summary>User-supplied derivatives, shaped like generated Gradients.</summary>
public static class OpaqueLibraryDerivatives
{
    [DerivativeOf(typeof(OpaqueLibrary), nameof(OpaqueLibrary.Softplus))]
    public static double SoftplusGradient(double x, out double dx)
    {
        dx = 1 / (1 + Math.Exp(-x));
        return OpaqueLibrary.Softplus(x);
    }

    [DerivativeOf(typeof(OpaqueLibrary), nameof(OpaqueLibrary.WeightedNorm))]
    public static double WeightedNormGradient(ReadOnlySpan<double> v, double weight, Span<double> dv, out double dweight)
    {
        var norm = OpaqueLibrary.WeightedNorm(v, 1);
        for (var i = 0; i < v.Length; i++)
        {
            dv[i] += weight * v[i] / norm;
        }

        dweight = norm;
        return weight * norm;
    }
}

/// <summary>Calls between [Differentiable] methods (scalars, spans, local arrays) and to user derivatives.</summary>
public static partial class CallFunctions
{
    [Differentiable]
    public static double Square(double x) => x * x;

    /// <summary>
    /// A loop that calls a user derivative (Softplus) and a [Differentiable] method, beside a ref state and an out
    /// result: its own Gradient calls their pullbacks.
    /// </summary>
    [Differentiable]
    public static double Relax(ref double x, double k, out double energy)
    {
        energy = 0.0;
        for (var i = 0; i < 3; i++)
        {
            x -= 0.1 * k * OpaqueLibrary.Softplus(x);
            energy += Square(x - k);
        }

        return x * k;
    }

    [Differentiable]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    [Differentiable(nameof(x))]
    public static double ScaledBy(double x, double factor) => x * factor;

    [Differentiable]
    public static double CallsScalar(double x, double y) => Square(x * y) + Math.Sin(Square(y));

    [Differentiable]
    public static double CallsWithSpans(ReadOnlySpan<double> v)
    {
        Span<double> squares = stackalloc double[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            squares[i] = Square(v[i]);
        }

        return Dot(v, squares) + Dot(squares, squares) * 0.1;
    }

    [Differentiable]
    public static double CallsInsideLoop(ReadOnlySpan<double> v)
    {
        var s = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            s = Square(s * 0.5 + v[i]);
        }

        return s;
    }

    [Differentiable(nameof(v))]
    public static double CallsWithInactiveSpan(ReadOnlySpan<double> v, ReadOnlySpan<double> weights) => Dot(v, weights) * Dot(v, v);

    [Differentiable]
    public static double CallsPartiallyDifferentiated(double x, double y) => ScaledBy(x * y, 3) + y;

    [Differentiable]
    public static double CallsUserDerivative(double x, double y) => OpaqueLibrary.Softplus(x * y) * y;

    /// <summary>The user derivative's result reaches the output only linearly: its second derivative would be
    /// missed even where PyTorch's once_differentiable lets it through (TapeUserDerivativeSecondOrderTests).</summary>
    [Differentiable]
    public static double UserDerivativePlusSquare(double x) => OpaqueLibrary.Softplus(x) + x * x;

    [Differentiable]
    public static double CallsUserDerivativeWithSpan(ReadOnlySpan<double> v) => OpaqueLibrary.WeightedNorm(v, v[0] + 2) + OpaqueLibrary.Softplus(v[1]);
}

/// <summary>Calls no derivative flows through need none: conditions, constants, stopped arguments.</summary>
public static partial class CallsWithoutDerivatives
{
    [Differentiable(nameof(x), nameof(y))]
    public static double GuardedLog(double x, double y, double[] weights)
    {
        if (double.IsNaN(x) || double.IsInfinity(y))
        {
            return 0;
        }

        var scale = OpaqueLibrary.WeightedNorm(weights, 2);
        return Math.Log(1 + x * x) * scale + y * OpaqueLibrary.Softplus(Differentiation.WithoutDerivative(y));
    }
}

/// <summary>Private [Differentiable] helpers get private derivatives, callable from their own type.</summary>
public static partial class PrivateHelpers
{
    [Differentiable]
    public static double UsesPrivateHelper(double x) => Cube(x) + x;

    [Differentiable]
    private static double Cube(double x) => x * x * x;
}
