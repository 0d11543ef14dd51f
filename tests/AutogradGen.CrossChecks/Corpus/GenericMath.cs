using System.Numerics;

namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// Generic math as people write it (issue 10, item 9): each method is differentiated as its double and float
/// instances, and the registry checks both (<c>GenericMath.Softplus[double]</c>, <c>GenericMath.Softplus[float]</c>).
/// </summary>
public static partial class GenericMath
{
    [Differentiable]
    public static T Polynomial<T>(T x) where T : INumber<T> =>
        (T.CreateChecked(2) * x * x * x) - (x / T.CreateChecked(2)) + T.One;

    [Differentiable, Domain(-3, 3)]
    public static T Softplus<T>(T x) where T : IFloatingPointIeee754<T> => T.Log(T.One + T.Exp(x));

    [Differentiable, Domain(-1.5, 1.5)]
    public static T Trigonometry<T>(T x, T y) where T : ITrigonometricFunctions<T>, IMultiplyOperators<T, T, T>, IAdditionOperators<T, T, T> =>
        (T.Sin(x) * T.Cos(y)) + T.Tan(x * y);

    [Differentiable, Domain(0.2, 3)]
    public static T RootsAndPowers<T>(T x, T y) where T : IRootFunctions<T>, IPowerFunctions<T>, IExponentialFunctions<T>, ILogarithmicFunctions<T> =>
        T.Sqrt(x) + T.Pow(x, y) + T.Cbrt(x * y) + T.Log2(x);

    [Differentiable, AlsoAt(0.0, 1.0), AlsoAt(0.5, 0.5)]
    public static T Kinks<T>(T x, T y) where T : INumber<T> =>
        T.Max(x, y) + T.Min(x, y * y) + T.Abs(x) + T.Clamp(y, -T.One / T.CreateChecked(2), T.One / T.CreateChecked(2));

    [Differentiable, Domain(-2, 2), AlsoAt(0.0)]
    public static T Branches<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (x < T.Zero)
        {
            return -x * T.Exp(x);
        }

        return x > T.One ? T.Sqrt(x) : x * x;
    }

    [Differentiable, Domain(-1, 1)]
    public static T Loop<T>(T x) where T : IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        var term = T.One;
        for (var k = 1; k <= 6; k++)
        {
            term *= x / T.CreateChecked(k);
            sum += term;
        }

        return sum;
    }

    [Differentiable, Domain(-2, 2)]
    public static T Tanh<T>(T x) where T : IHyperbolicFunctions<T>, IMultiplyOperators<T, T, T> => T.Tanh(x) * T.Sinh(x * x);

    [Differentiable, Domain(-1, 1)]
    public static T CallsGeneric<T>(T x, T y) where T : IFloatingPointIeee754<T> => Softplus(x * y) + Polynomial(y) * T.Pi;

    [Differentiable, Domain(-1, 1)]
    public static double DoubleCallsGeneric(double x) => Softplus<double>(x) * Polynomial(x * 0.5);

    [Differentiable, Domain(-1, 1)]
    public static float FloatCallsGeneric(float x) => Softplus(x) - Trigonometry(x, 0.25f);

    [Differentiable, Domain(0.2, 2), With(2)]
    public static T Recursive<T>(T x, int depth) where T : IFloatingPointIeee754<T> =>
        depth == 0 ? x : T.Sqrt(x + Recursive(x * x, depth - 1));

    [Differentiable, Domain(-1, 1)]
    public static T Logistic<T>(T x, T w) where T : IFloatingPointIeee754<T>
    {
        var z = T.FusedMultiplyAdd(w, x, T.CreateChecked(0.25));
        var p = T.One / (T.One + T.Exp(-z));
        return T.IsNaN(p) ? T.Zero : -T.Log(p);
    }
}
