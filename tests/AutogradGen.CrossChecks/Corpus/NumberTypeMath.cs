using System.Numerics;

namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// The statics of Math, MathF, double and float beyond the first rule table (inverse hyperbolic functions, Exp2 and
/// the other exponentials, LogP1, the ...Pi trigonometry, RootN, Lerp, MaxNumber and the magnitudes, IEEE
/// remainders, Round's overloads), as users call them, for double, float and generic T. Domains keep clear of the
/// poles and, for the selections and remainders, rarely meet a switch between arguments.
/// </summary>
public static partial class NumberTypeMath
{
    [Differentiable, Domain(-0.8, 0.8)]
    public static double InverseHyperbolic(double x) => Math.Asinh(2 * x) + (Math.Acosh(x + 1.5) * Math.Atanh(x / 2));

    [Differentiable, Domain(-1, 1)]
    public static double Exponentials(double x) =>
        double.Exp2(x) + (double.Exp10(0.5 * x) * double.ExpM1(x)) + double.Exp2M1(x * x) + double.Exp10M1(0.3 * x);

    [Differentiable, Domain(-0.4, 2)]
    public static double LogarithmsOfOnePlus(double x) => double.LogP1(x) + (double.Log2P1(x * x) * double.Log10P1(2 * x));

    [Differentiable, Domain(-0.9, 0.9)]
    public static double PiTrigonometry(double x, double y) =>
        (double.SinPi(x) * double.CosPi(y)) + double.TanPi(0.2 * x) + (double.AsinPi(x / 2) * double.AcosPi(y / 3))
        + double.AtanPi(x * y) + double.Atan2Pi(y, x + 2);

    [Differentiable, Domain(-2, 2)]
    public static double AnglesRootsAndLerp(double x, double y) =>
        (double.DegreesToRadians(30 * x) * double.RadiansToDegrees(Math.Sin(y))) + double.RootN(x, 3)
        + double.RootN((x * x) + 1, 4) + double.Lerp(x, y * y, x * y);

    [Differentiable, Domain(-2, 2)]
    public static double Selections(double x, double y) =>
        double.MaxNumber(x, y) + (2 * double.MinNumber(x, y * y)) + (Math.MaxMagnitude(x, -y) * Math.MinMagnitude(x, y + 1))
        + double.MaxMagnitudeNumber(x * y, y) - double.MinMagnitudeNumber(x, 2 * y);

    [Differentiable, Domain(0.5, 2)]
    public static double Remainders(double x, double y) => Math.IEEERemainder(x * x, y) + double.Ieee754Remainder(3 * x, y + 1);

#pragma warning disable AGD0013 // The point: Round's overloads have a zero derivative, fed active values.
    [Differentiable, Domain(-3, 3)]
    public static double RoundingOverloads(double x) =>
        (x * Math.Round(x, 2)) + Math.Round(3 * x, MidpointRounding.AwayFromZero) + (x * Math.Round(x, 1, MidpointRounding.ToZero));
#pragma warning restore AGD0013

    [Differentiable, Domain(-0.8f, 0.8f)]
    public static float InverseHyperbolicAndPiF(float x, float y) =>
        MathF.Asinh(2f * x) + (MathF.Atanh(y / 2f) * float.SinPi(x)) + float.CosPi(x * y) + float.AtanPi(y);

    [Differentiable, Domain(-0.4f, 1.5f)]
    public static float ExponentialsAndLogarithmsF(float x) =>
        float.Exp2(x) + float.ExpM1(x * 0.5f) + float.Exp10(0.3f * x) + float.LogP1(x) + float.Log2P1(x * x);

    [Differentiable, Domain(-2f, 2f)]
    public static float RootsLerpAndSelectionsF(float x, float y) =>
        float.RootN(x, 3) + float.Lerp(x, y * y, x * y) + float.MaxNumber(x, y) + MathF.MaxMagnitude(x * y, y);

    [Differentiable, Domain(-0.8, 0.8)]
    public static T Generic<T>(T x, T y) where T : IFloatingPointIeee754<T> =>
        T.Asinh(x) + (T.Exp2(y) * T.SinPi(x)) + T.LogP1(x * x) + T.RootN(x + T.One + T.One, 3) + T.Lerp(x, y, x * y)
        + T.MaxNumber(x, y) + T.Atanh(y / (T.One + T.One)) + T.ExpM1(x * y);

    [Differentiable, Domain(-1.5, 1.5)]
    public static double SinCosPairs(double x, double y)
    {
        var (s, c) = Math.SinCos(x * y);
        var (sp, cp) = double.SinCosPi(x + y);
        return (s * c) + (sp * y) - (cp * x);
    }
}
