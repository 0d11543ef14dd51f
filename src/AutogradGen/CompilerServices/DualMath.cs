using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace AutogradGen.CompilerServices;

/// <summary>
/// <see cref="Math"/> on <see cref="Dual"/> numbers: every function of the generator's rule table, with the same
/// partial derivatives and the same choices at kinks (abs'(0) = 0, max/min ties split half and half, pow's exponent
/// derivative 0 at a zero base with a non-negative exponent), so second-order code differentiates exactly the
/// first-order code. The <c>double</c>, <c>int</c> and <c>long</c> overloads are <see cref="Math"/>'s own, for
/// values that carry no tangent (indices, pass-through data).
/// </summary>
/// <remarks>Public only because generated code in the user's assembly calls it; hidden from IntelliSense.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DualMath
{
#pragma warning disable CS1591 // Each function is Math's, carried to the tangent by the chain rule.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Dual Chain(double value, Dual x, double derivative) => new(value, x.Tangent * derivative);

    public static Dual Sin(Dual x) => Chain(Math.Sin(x.Value), x, Math.Cos(x.Value));

    public static Dual Cos(Dual x) => Chain(Math.Cos(x.Value), x, -Math.Sin(x.Value));

    public static Dual Tan(Dual x)
    {
        var value = Math.Tan(x.Value);
        return Chain(value, x, 1.0 + value * value);
    }

    public static Dual Asin(Dual x) => Chain(Math.Asin(x.Value), x, 1.0 / Math.Sqrt(1.0 - x.Value * x.Value));

    public static Dual Acos(Dual x) => Chain(Math.Acos(x.Value), x, -1.0 / Math.Sqrt(1.0 - x.Value * x.Value));

    public static Dual Atan(Dual x) => Chain(Math.Atan(x.Value), x, 1.0 / (1.0 + x.Value * x.Value));

    public static Dual Atan2(Dual y, Dual x)
    {
        var squares = y.Value * y.Value + x.Value * x.Value;
        return new(Math.Atan2(y.Value, x.Value), (y.Tangent * x.Value - x.Tangent * y.Value) / squares);
    }

    public static Dual Sinh(Dual x) => Chain(Math.Sinh(x.Value), x, Math.Cosh(x.Value));

    public static Dual Cosh(Dual x) => Chain(Math.Cosh(x.Value), x, Math.Sinh(x.Value));

    public static Dual Tanh(Dual x)
    {
        var value = Math.Tanh(x.Value);
        return Chain(value, x, 1.0 - value * value);
    }

    public static Dual Exp(Dual x)
    {
        var value = Math.Exp(x.Value);
        return Chain(value, x, value);
    }

    public static Dual Log(Dual x) => Chain(Math.Log(x.Value), x, 1.0 / x.Value);

    public static Dual Log(Dual a, Dual newBase) => Log(a) / Log(newBase);

    public static Dual Log10(Dual x) => Chain(Math.Log10(x.Value), x, 1.0 / (x.Value * 2.3025850929940459));

    public static Dual Log2(Dual x) => Chain(Math.Log2(x.Value), x, 1.0 / (x.Value * 0.69314718055994531));

    public static Dual Sqrt(Dual x)
    {
        var value = Math.Sqrt(x.Value);
        return Chain(value, x, 0.5 / value);
    }

    public static Dual Cbrt(Dual x)
    {
        var value = Math.Cbrt(x.Value);
        return Chain(value, x, 1.0 / (3.0 * value * value));
    }

    /// <summary>
    /// x^y. A term whose operand has no tangent is left out, so a constant exponent never evaluates log(x) (NaN for
    /// a negative base): the first-order code has no partial for an operand that is not active either.
    /// </summary>
    public static Dual Pow(Dual x, Dual y)
    {
        var value = Math.Pow(x.Value, y.Value);
        var tangent = 0.0;
        if (x.Tangent != 0.0)
        {
            tangent += x.Tangent * (y.Value == 0.0 ? 0.0 : y.Value * Math.Pow(x.Value, y.Value - 1.0));
        }

        if (y.Tangent != 0.0)
        {
            tangent += y.Tangent * (x.Value == 0.0 && y.Value >= 0.0 ? 0.0 : value * Math.Log(x.Value));
        }

        return new(value, tangent);
    }

    public static Dual Abs(Dual x) => new(Math.Abs(x.Value), x.Value > 0.0 ? x.Tangent : x.Value < 0.0 ? -x.Tangent : 0.0);

    public static Dual Max(Dual x, Dual y) => new(Math.Max(x.Value, y.Value),
        x.Value > y.Value ? x.Tangent : x.Value == y.Value ? 0.5 * (x.Tangent + y.Tangent) : y.Tangent);

    public static Dual Min(Dual x, Dual y) => new(Math.Min(x.Value, y.Value),
        x.Value < y.Value ? x.Tangent : x.Value == y.Value ? 0.5 * (x.Tangent + y.Tangent) : y.Tangent);

    public static Dual Clamp(Dual x, Dual min, Dual max) => new(Math.Clamp(x.Value, min.Value, max.Value),
        (x.Value >= min.Value && x.Value <= max.Value ? x.Tangent : 0.0)
        + (x.Value < min.Value ? min.Tangent : 0.0) + (x.Value > max.Value ? max.Tangent : 0.0));

    public static Dual FusedMultiplyAdd(Dual x, Dual y, Dual z) =>
        new(Math.FusedMultiplyAdd(x.Value, y.Value, z.Value), x.Tangent * y.Value + x.Value * y.Tangent + z.Tangent);

    public static Dual ScaleB(Dual x, int n) => new(Math.ScaleB(x.Value, n), Math.ScaleB(x.Tangent, n));

    /// <summary>sqrt(x² + y²) (<c>double.Hypot</c>): partials x / result and y / result, NaN at (0, 0) as PyTorch's.</summary>
    public static Dual Hypot(Dual x, Dual y)
    {
        var value = double.Hypot(x.Value, y.Value);
        return new(value, (x.Tangent * x.Value + y.Tangent * y.Value) / value);
    }

    /// <summary>|x| with y's sign: the tangent is x's times result / x (0 where x is 0, as PyTorch's); y's sign has none.</summary>
    public static Dual CopySign(Dual x, Dual y)
    {
        var value = Math.CopySign(x.Value, y.Value);
        return new(value, x.Value == 0.0 ? 0.0 : x.Tangent * (value / x.Value));
    }

    public static Dual Asinh(Dual x) => Chain(Math.Asinh(x.Value), x, 1.0 / Math.Sqrt(x.Value * x.Value + 1.0));

    public static Dual Acosh(Dual x) => Chain(Math.Acosh(x.Value), x, 1.0 / Math.Sqrt((x.Value - 1.0) * (x.Value + 1.0)));

    public static Dual Atanh(Dual x) => Chain(Math.Atanh(x.Value), x, 1.0 / (1.0 - x.Value * x.Value));

    public static Dual Exp2(Dual x)
    {
        var value = double.Exp2(x.Value);
        return Chain(value, x, value * 0.69314718055994531);
    }

    public static Dual Exp10(Dual x)
    {
        var value = double.Exp10(x.Value);
        return Chain(value, x, value * 2.3025850929940459);
    }

    public static Dual ExpM1(Dual x)
    {
        var value = double.ExpM1(x.Value);
        return Chain(value, x, value + 1.0);
    }

    public static Dual Exp2M1(Dual x)
    {
        var value = double.Exp2M1(x.Value);
        return Chain(value, x, (value + 1.0) * 0.69314718055994531);
    }

    public static Dual Exp10M1(Dual x)
    {
        var value = double.Exp10M1(x.Value);
        return Chain(value, x, (value + 1.0) * 2.3025850929940459);
    }

    public static Dual LogP1(Dual x) => Chain(double.LogP1(x.Value), x, 1.0 / (x.Value + 1.0));

    public static Dual Log2P1(Dual x) => Chain(double.Log2P1(x.Value), x, 1.0 / ((x.Value + 1.0) * 0.69314718055994531));

    public static Dual Log10P1(Dual x) => Chain(double.Log10P1(x.Value), x, 1.0 / ((x.Value + 1.0) * 2.3025850929940459));

    public static Dual SinPi(Dual x) => Chain(double.SinPi(x.Value), x, Math.PI * double.CosPi(x.Value));

    public static Dual CosPi(Dual x) => Chain(double.CosPi(x.Value), x, -Math.PI * double.SinPi(x.Value));

    public static Dual TanPi(Dual x)
    {
        var value = double.TanPi(x.Value);
        return Chain(value, x, Math.PI * (1.0 + value * value));
    }

    public static Dual AsinPi(Dual x) => Chain(double.AsinPi(x.Value), x, 1.0 / (Math.PI * Math.Sqrt(1.0 - x.Value * x.Value)));

    public static Dual AcosPi(Dual x) => Chain(double.AcosPi(x.Value), x, -1.0 / (Math.PI * Math.Sqrt(1.0 - x.Value * x.Value)));

    public static Dual AtanPi(Dual x) => Chain(double.AtanPi(x.Value), x, 1.0 / (Math.PI * (1.0 + x.Value * x.Value)));

    public static Dual Atan2Pi(Dual y, Dual x)
    {
        var denominator = Math.PI * (x.Value * x.Value + y.Value * y.Value);
        return new(double.Atan2Pi(y.Value, x.Value), (y.Tangent * x.Value - x.Tangent * y.Value) / denominator);
    }

    public static Dual DegreesToRadians(Dual x) => x * 0.017453292519943295;

    public static Dual RadiansToDegrees(Dual x) => x * 57.295779513082323;

    /// <summary>The real n-th root: tangent x' / (n · result^(n−1)), +∞ at 0 as Sqrt's and Cbrt's.</summary>
    public static Dual RootN(Dual x, int n)
    {
        var value = double.RootN(x.Value, n);
        return Chain(value, x, 1.0 / (n * Math.Pow(value, n - 1)));
    }

    public static Dual Lerp(Dual a, Dual b, Dual t) =>
        new(double.Lerp(a.Value, b.Value, t.Value), a.Tangent * (1.0 - t.Value) + b.Tangent * t.Value + t.Tangent * (b.Value - a.Value));

    /// <summary>torch.fmax: x's tangent where x wins or ties or y is NaN, else y's (no half split, as PyTorch's).</summary>
    public static Dual MaxNumber(Dual x, Dual y) =>
        new(double.MaxNumber(x.Value, y.Value), x.Value >= y.Value || double.IsNaN(y.Value) ? x.Tangent : y.Tangent);

    /// <summary>torch.fmin: x's tangent where x wins or ties or y is NaN, else y's.</summary>
    public static Dual MinNumber(Dual x, Dual y) =>
        new(double.MinNumber(x.Value, y.Value), x.Value <= y.Value || double.IsNaN(y.Value) ? x.Tangent : y.Tangent);

    public static Dual MaxMagnitude(Dual x, Dual y) => Returned(Math.MaxMagnitude(x.Value, y.Value), x, y);

    public static Dual MinMagnitude(Dual x, Dual y) => Returned(Math.MinMagnitude(x.Value, y.Value), x, y);

    public static Dual MaxMagnitudeNumber(Dual x, Dual y) => Returned(double.MaxMagnitudeNumber(x.Value, y.Value), x, y);

    public static Dual MinMagnitudeNumber(Dual x, Dual y) => Returned(double.MinMagnitudeNumber(x.Value, y.Value), x, y);

    /// <summary>x − y·n, n = x / y rounded to even: tangent x' − n·y'.</summary>
    public static Dual IEEERemainder(Dual x, Dual y) =>
        new(Math.IEEERemainder(x.Value, y.Value), x.Tangent - Math.Round(x.Value / y.Value) * y.Tangent);

    public static Dual Ieee754Remainder(Dual x, Dual y) =>
        new(double.Ieee754Remainder(x.Value, y.Value), x.Tangent - Math.Round(x.Value / y.Value) * y.Tangent);

    public static bool IsNaN(Dual x) => double.IsNaN(x.Value);

    // A function returning one of its arguments: that one's tangent; equal arguments split it, as Max's ties.
    private static Dual Returned(double value, Dual x, Dual y) =>
        new(value, x.Value == y.Value ? 0.5 * (x.Tangent + y.Tangent) : value.Equals(x.Value) ? x.Tangent : value.Equals(y.Value) ? y.Tangent : 0.0);

    // Zero-derivative functions: the tangent is zero, as their first-order rule is.
    public static int Sign(Dual x) => Math.Sign(x.Value);

    public static Dual Floor(Dual x) => Math.Floor(x.Value);

    public static Dual Ceiling(Dual x) => Math.Ceiling(x.Value);

    public static Dual Round(Dual x) => Math.Round(x.Value);

    public static Dual Round(Dual x, int digits) => Math.Round(x.Value, digits);

    public static Dual Round(Dual x, MidpointRounding mode) => Math.Round(x.Value, mode);

    public static Dual Round(Dual x, int digits, MidpointRounding mode) => Math.Round(x.Value, digits, mode);

    public static Dual Truncate(Dual x) => Math.Truncate(x.Value);

    // Math's own overloads for values without a tangent.
    public static double Sin(double x) => Math.Sin(x);

    public static double Cos(double x) => Math.Cos(x);

    public static double Tan(double x) => Math.Tan(x);

    public static double Asin(double x) => Math.Asin(x);

    public static double Acos(double x) => Math.Acos(x);

    public static double Atan(double x) => Math.Atan(x);

    public static double Atan2(double y, double x) => Math.Atan2(y, x);

    public static double Sinh(double x) => Math.Sinh(x);

    public static double Cosh(double x) => Math.Cosh(x);

    public static double Tanh(double x) => Math.Tanh(x);

    public static double Exp(double x) => Math.Exp(x);

    public static double Log(double x) => Math.Log(x);

    public static double Log(double a, double newBase) => Math.Log(a, newBase);

    public static double Log10(double x) => Math.Log10(x);

    public static double Log2(double x) => Math.Log2(x);

    public static double Sqrt(double x) => Math.Sqrt(x);

    public static double Cbrt(double x) => Math.Cbrt(x);

    public static double Pow(double x, double y) => Math.Pow(x, y);

    public static double Abs(double x) => Math.Abs(x);

    public static int Abs(int x) => Math.Abs(x);

    public static long Abs(long x) => Math.Abs(x);

    public static double Max(double x, double y) => Math.Max(x, y);

    public static int Max(int x, int y) => Math.Max(x, y);

    public static long Max(long x, long y) => Math.Max(x, y);

    public static double Min(double x, double y) => Math.Min(x, y);

    public static int Min(int x, int y) => Math.Min(x, y);

    public static long Min(long x, long y) => Math.Min(x, y);

    public static double Clamp(double x, double min, double max) => Math.Clamp(x, min, max);

    public static int Clamp(int x, int min, int max) => Math.Clamp(x, min, max);

    public static long Clamp(long x, long min, long max) => Math.Clamp(x, min, max);

    public static double FusedMultiplyAdd(double x, double y, double z) => Math.FusedMultiplyAdd(x, y, z);

    public static double ScaleB(double x, int n) => Math.ScaleB(x, n);

    public static double Hypot(double x, double y) => double.Hypot(x, y);

    public static double CopySign(double x, double y) => Math.CopySign(x, y);

    public static int Sign(double x) => Math.Sign(x);

    public static int Sign(int x) => Math.Sign(x);

    public static int Sign(long x) => Math.Sign(x);

    public static double Floor(double x) => Math.Floor(x);

    public static double Ceiling(double x) => Math.Ceiling(x);

    public static double Round(double x) => Math.Round(x);

    public static double Round(double x, int digits) => Math.Round(x, digits);

    public static double Round(double x, MidpointRounding mode) => Math.Round(x, mode);

    public static double Round(double x, int digits, MidpointRounding mode) => Math.Round(x, digits, mode);

    public static double Asinh(double x) => Math.Asinh(x);

    public static double Acosh(double x) => Math.Acosh(x);

    public static double Atanh(double x) => Math.Atanh(x);

    public static double Exp2(double x) => double.Exp2(x);

    public static double Exp10(double x) => double.Exp10(x);

    public static double ExpM1(double x) => double.ExpM1(x);

    public static double Exp2M1(double x) => double.Exp2M1(x);

    public static double Exp10M1(double x) => double.Exp10M1(x);

    public static double LogP1(double x) => double.LogP1(x);

    public static double Log2P1(double x) => double.Log2P1(x);

    public static double Log10P1(double x) => double.Log10P1(x);

    public static double SinPi(double x) => double.SinPi(x);

    public static double CosPi(double x) => double.CosPi(x);

    public static double TanPi(double x) => double.TanPi(x);

    public static double AsinPi(double x) => double.AsinPi(x);

    public static double AcosPi(double x) => double.AcosPi(x);

    public static double AtanPi(double x) => double.AtanPi(x);

    public static double Atan2Pi(double y, double x) => double.Atan2Pi(y, x);

    public static double DegreesToRadians(double x) => double.DegreesToRadians(x);

    public static double RadiansToDegrees(double x) => double.RadiansToDegrees(x);

    public static double RootN(double x, int n) => double.RootN(x, n);

    public static double Lerp(double a, double b, double t) => double.Lerp(a, b, t);

    public static double MaxNumber(double x, double y) => double.MaxNumber(x, y);

    public static double MinNumber(double x, double y) => double.MinNumber(x, y);

    public static double MaxMagnitude(double x, double y) => Math.MaxMagnitude(x, y);

    public static double MinMagnitude(double x, double y) => Math.MinMagnitude(x, y);

    public static double MaxMagnitudeNumber(double x, double y) => double.MaxMagnitudeNumber(x, y);

    public static double MinMagnitudeNumber(double x, double y) => double.MinMagnitudeNumber(x, y);

    public static double IEEERemainder(double x, double y) => Math.IEEERemainder(x, y);

    public static double Ieee754Remainder(double x, double y) => double.Ieee754Remainder(x, y);

    public static bool IsNaN(double x) => double.IsNaN(x);

    public static double Truncate(double x) => Math.Truncate(x);
#pragma warning restore CS1591
}
