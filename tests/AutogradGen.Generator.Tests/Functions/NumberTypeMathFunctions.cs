using System.Numerics;

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// The differentiable statics of Math, MathF, double and float added by the audit (Asinh..., Exp2..., SinPi...,
/// RootN, Lerp, MaxNumber, MaxMagnitude, IEEERemainder, Round's overloads), in the spellings users write, for
/// NumberTypeMathTests: forward, reverse, the tape twin and second order against central differences.
/// </summary>
public static partial class NumberTypeMathFunctions
{
    [Differentiable]
    public static double InverseHyperbolic(double x) => Math.Asinh(2 * x) + Math.Acosh(x + 1.5) * double.Atanh(x / 2) + double.Asinh(x * x);

    [Differentiable]
    public static float InverseHyperbolicF(float x) => MathF.Asinh(2f * x) + MathF.Acosh(x + 1.5f) * float.Atanh(x / 2f) + float.Acosh(x * x + 1.25f);

    [Differentiable]
    public static double Exponentials(double x) => double.Exp2(x) + double.Exp10(0.5 * x) * double.ExpM1(x) + double.Exp2M1(x * x) + double.Exp10M1(0.3 * x);

    [Differentiable]
    public static float ExponentialsF(float x) => float.Exp2(x) + float.Exp10(0.5f * x) * float.ExpM1(x) + float.Exp2M1(x * x) + float.Exp10M1(0.3f * x);

    [Differentiable]
    public static double Logarithms(double x) => double.LogP1(x) + double.Log2P1(x * x) * double.Log10P1(2 * x);

    [Differentiable]
    public static float LogarithmsF(float x) => float.LogP1(x) + float.Log2P1(x * x) * float.Log10P1(2f * x);

    [Differentiable]
    public static double PiTrigonometry(double x, double y) =>
        double.SinPi(x) * double.CosPi(y) + double.TanPi(0.2 * x) + double.AsinPi(x / 2) * double.AcosPi(y / 3) + double.AtanPi(x * y) + double.Atan2Pi(y, x + 2);

    [Differentiable]
    public static float PiTrigonometryF(float x, float y) =>
        float.SinPi(x) * float.CosPi(y) + float.TanPi(0.2f * x) + float.AsinPi(x / 2f) * float.AcosPi(y / 3f) + float.AtanPi(x * y) + float.Atan2Pi(y, x + 2f);

    [Differentiable]
    public static double Angles(double x) => double.DegreesToRadians(30 * x) * double.RadiansToDegrees(Math.Sin(x));

    [Differentiable]
    public static double Roots(double x) => double.RootN(x, 3) + double.RootN(x * x + 1, 4) * double.RootN(x + 2, -2);

    [Differentiable]
    public static float RootsF(float x) => float.RootN(x, 3) + float.RootN(x * x + 1f, 4) * float.RootN(x + 2f, -2);

    [Differentiable]
    public static double Lerp(double a, double b) => double.Lerp(a, b * b, a * b);

    [Differentiable]
    public static float LerpF(float a, float b) => float.Lerp(a, b * b, a * b);

    [Differentiable]
    public static double Selections(double x, double y) =>
        double.MaxNumber(x, y) + 2 * double.MinNumber(x, y * y) + Math.MaxMagnitude(x, -y) * Math.MinMagnitude(x, y + 1)
        + double.MaxMagnitudeNumber(x * y, y) - double.MinMagnitudeNumber(x, 2 * y);

    [Differentiable]
    public static float SelectionsF(float x, float y) =>
        float.MaxNumber(x, y) + 2f * float.MinNumber(x, y * y) + MathF.MaxMagnitude(x, -y) * MathF.MinMagnitude(x, y + 1f)
        + float.MaxMagnitudeNumber(x * y, y) - float.MinMagnitudeNumber(x, 2f * y);

    [Differentiable]
    public static double Remainders(double x, double y) => Math.IEEERemainder(x * x, y) + double.Ieee754Remainder(3 * x, y + 1);

    [Differentiable]
    public static float RemaindersF(float x, float y) => MathF.IEEERemainder(x * x, y) + float.Ieee754Remainder(3f * x, y + 1f);

#pragma warning disable AGD0013 // The point: Round's overloads have a zero derivative, and warn.
    [Differentiable]
    public static double Rounding(double x) => x * Math.Round(x, 2) + Math.Round(3 * x, MidpointRounding.AwayFromZero) + x * Math.Round(x, 1, MidpointRounding.ToZero);

    [Differentiable]
    public static float RoundingF(float x) => x * MathF.Round(x, 2) + MathF.Round(3f * x, MidpointRounding.AwayFromZero) + x * MathF.Round(x, 1, MidpointRounding.ToZero);
#pragma warning restore AGD0013

    [Differentiable]
    public static double SinCos(double x, double y)
    {
        var (s, c) = Math.SinCos(x * y);
        (double sp, double cp) = double.SinCosPi(x);
        return (s * c) + (sp * y) - cp;
    }

    [Differentiable]
    public static float SinCosF(float x, float y)
    {
        var (s, c) = MathF.SinCos(x * y);
        var (sp, cp) = float.SinCosPi(x);
        return (s * c) + (sp * y) - cp;
    }

    [Differentiable]
    public static T GenericSinCos<T>(T x, T y) where T : IFloatingPointIeee754<T>
    {
        var (s, c) = T.SinCos(x * y);
        return (s * c) + x;
    }

    [Differentiable] public static double AcoshAt(double x) => Math.Acosh(x);
    [Differentiable] public static double AtanhAt(double x) => Math.Atanh(x);
    [Differentiable] public static double LogP1At(double x) => double.LogP1(x);
    [Differentiable] public static double CubeRootAt(double x) => double.RootN(x, 3);
    [Differentiable] public static double MaxNumberOf(double x, double y) => double.MaxNumber(x, y);
    [Differentiable] public static double MinNumberOf(double x, double y) => double.MinNumber(x, y);
    [Differentiable] public static double MaxMagnitudeOf(double x, double y) => Math.MaxMagnitude(x, y);

    [Differentiable]
    public static T Generic<T>(T x, T y) where T : IFloatingPointIeee754<T> =>
        T.Asinh(x) + T.Exp2(y) * T.SinPi(x) + T.LogP1(x * x) + T.RootN(x, 3) + T.Lerp(x, y, x * y)
        + T.MaxNumber(x, y) + T.Ieee754Remainder(x, y + T.One) + T.MaxMagnitude(x, y) + T.Atanh(y / (T.One + T.One));

    [Differentiable(SecondOrder = true)]
    public static double SecondOrder(double x, double y) =>
        Math.Asinh(x * y) + double.Exp2(x) * double.CosPi(y) + double.LogP1(x * x) * Math.Atanh(y / 2) + double.RootN(x + 2, 3)
        + double.Lerp(x, y, x * y) + double.Atan2Pi(y, x + 2) + double.ExpM1(y) * double.Log10P1(x + 1);
}
