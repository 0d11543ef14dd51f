using System.Numerics;

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Generic math, differentiated as its double and float instances (issue 10, item 9).</summary>
public static partial class GenericFunctions
{
    [Differentiable]
    public static T Cube<T>(T x) where T : INumber<T> => x * x * x - T.CreateChecked(3) * x;

    [Differentiable]
    public static T Gaussian<T>(T x, T sigma) where T : IFloatingPointIeee754<T> =>
        T.Exp(-(x * x) / (T.CreateChecked(2) * sigma * sigma)) / (sigma * T.Sqrt(T.CreateChecked(2) * T.Pi));

    /// <summary>SecondOrder on a generic method: the double instance gets the Hessian members, the float one its first-order members.</summary>
    [Differentiable(SecondOrder = true)]
    public static T SoftplusOfProduct<T>(T x, T y) where T : IFloatingPointIeee754<T> => T.Log(T.One + T.Exp(x * y)) + T.Sin(x);

    [Differentiable]
    public static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : INumber<T>
    {
        var s = T.Zero;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>A loop that records: the running product is overwritten, so the reverse sweep needs each value.</summary>
    [Differentiable]
    public static T ProductOfSines<T>(ReadOnlySpan<T> v) where T : IFloatingPointIeee754<T>
    {
        var p = T.One;
        foreach (var x in v)
        {
            p = p * T.Sin(x) + T.CreateChecked(0.5);
        }

        return p;
    }

    [Differentiable]
    public static double CubeOfDouble(double x) => Cube(x) + Cube<double>(2 * x);
}
