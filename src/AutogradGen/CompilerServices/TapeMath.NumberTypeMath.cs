namespace AutogradGen.CompilerServices;

/// <summary>
/// The functions of double and float that PyTorch has no operation for (<c>double.SinPi</c>, <c>double.Exp10</c>,
/// <c>Math.MaxMagnitude</c>, <c>double.RootN</c>, <c>Math.IEEERemainder</c>...), composed of tensor operations that
/// PyTorch has (SinPi is Sin(π·x)), so that the tape records them and createGraph differentiates them again. The
/// composition's value is corrected by a constant to the function's own value (SinPi(1) is 0, Sin(π) is not), as
/// <see cref="Remainder"/> does; the derivative is the composition's.
/// </summary>
public static partial class TapeMath
{
    private const double Ln2 = 0.69314718055994531;
    private const double Ln10 = 2.3025850929940459;

    /// <summary><c>double.Exp10(x)</c> = exp(x · ln 10).</summary>
    public static Tensor Exp10(Tensor x) => WithValue((NotNull(x) * Ln10).Exp(), x, double.Exp10, float.Exp10);

    /// <summary><c>double.Exp2M1(x)</c> = expm1(x · ln 2).</summary>
    public static Tensor Exp2M1(Tensor x) => WithValue((NotNull(x) * Ln2).Expm1(), x, double.Exp2M1, float.Exp2M1);

    /// <summary><c>double.Exp10M1(x)</c> = expm1(x · ln 10).</summary>
    public static Tensor Exp10M1(Tensor x) => WithValue((NotNull(x) * Ln10).Expm1(), x, double.Exp10M1, float.Exp10M1);

    /// <summary><c>double.Log2P1(x)</c> = log1p(x) / ln 2.</summary>
    public static Tensor Log2P1(Tensor x) => WithValue(NotNull(x).Log1p() * (1 / Ln2), x, double.Log2P1, float.Log2P1);

    /// <summary><c>double.Log10P1(x)</c> = log1p(x) / ln 10.</summary>
    public static Tensor Log10P1(Tensor x) => WithValue(NotNull(x).Log1p() * (1 / Ln10), x, double.Log10P1, float.Log10P1);

    /// <summary><c>double.SinPi(x)</c> = sin(π·x).</summary>
    public static Tensor SinPi(Tensor x) => WithValue((NotNull(x) * Math.PI).Sin(), x, double.SinPi, float.SinPi);

    /// <summary><c>double.CosPi(x)</c> = cos(π·x).</summary>
    public static Tensor CosPi(Tensor x) => WithValue((NotNull(x) * Math.PI).Cos(), x, double.CosPi, float.CosPi);

    /// <summary><c>double.TanPi(x)</c> = tan(π·x).</summary>
    public static Tensor TanPi(Tensor x) => WithValue((NotNull(x) * Math.PI).Tan(), x, double.TanPi, float.TanPi);

    /// <summary><c>double.AsinPi(x)</c> = asin(x) / π.</summary>
    public static Tensor AsinPi(Tensor x) => WithValue(NotNull(x).Asin() * (1 / Math.PI), x, double.AsinPi, float.AsinPi);

    /// <summary><c>double.AcosPi(x)</c> = acos(x) / π.</summary>
    public static Tensor AcosPi(Tensor x) => WithValue(NotNull(x).Acos() * (1 / Math.PI), x, double.AcosPi, float.AcosPi);

    /// <summary><c>double.AtanPi(x)</c> = atan(x) / π.</summary>
    public static Tensor AtanPi(Tensor x) => WithValue(NotNull(x).Atan() * (1 / Math.PI), x, double.AtanPi, float.AtanPi);

    /// <summary><c>double.Atan2Pi(y, x)</c> = atan2(y, x) / π.</summary>
    public static Tensor Atan2Pi(Tensor y, Tensor x)
    {
        var tape = NotNull(y).Atan2(NotNull(x)) * (1 / Math.PI);
        var exact = y.DType == DType.Float32 ? float.Atan2Pi((float)y.Item(), (float)x.Item()) : double.Atan2Pi(y.Item(), x.Item());
        return tape + (exact - tape.Item());
    }

    /// <summary>
    /// <c>double.RootN(x, n)</c>, the real n-th root: x^(1/n), −(−x)^(1/n) for a negative x (an odd n), so the
    /// gradient is 1 / (n · result^(n−1)) and +∞ at 0 as the rule table's. Where RootN is NaN (an even root of a
    /// negative number) the value and the gradient are NaN.
    /// </summary>
    public static Tensor RootN(Tensor x, int n)
    {
        var value = NotNull(x).Item();
        var exact = x.DType == DType.Float32 ? float.RootN((float)value, n) : double.RootN(value, n);
        if (double.IsNaN(exact)) return x * double.NaN;
        var tape = value < 0 ? -(-x).Pow(1.0 / n) : x.Pow(1.0 / n);
        return tape + (exact - tape.Item());
    }

    /// <summary><c>Math.MaxMagnitude</c>: the argument returned gets the gradient; equal arguments split it.</summary>
    public static Tensor MaxMagnitude(Tensor a, Tensor b) => Returned(a, b, Math.MaxMagnitude, MathF.MaxMagnitude);

    /// <summary><c>Math.MinMagnitude</c>: the argument returned gets the gradient; equal arguments split it.</summary>
    public static Tensor MinMagnitude(Tensor a, Tensor b) => Returned(a, b, Math.MinMagnitude, MathF.MinMagnitude);

    /// <summary><c>double.MaxMagnitudeNumber</c>: as <see cref="MaxMagnitude"/>, a NaN losing to a number.</summary>
    public static Tensor MaxMagnitudeNumber(Tensor a, Tensor b) => Returned(a, b, double.MaxMagnitudeNumber, float.MaxMagnitudeNumber);

    /// <summary><c>double.MinMagnitudeNumber</c>: as <see cref="MinMagnitude"/>, a NaN losing to a number.</summary>
    public static Tensor MinMagnitudeNumber(Tensor a, Tensor b) => Returned(a, b, double.MinMagnitudeNumber, float.MinMagnitudeNumber);

    /// <summary>
    /// <c>Math.IEEERemainder(a, b)</c> = a − b·n, n = a / b rounded to even: derivative 1 for a and −n for b, the
    /// value exact as in <see cref="Remainder"/>.
    /// </summary>
    public static Tensor IEEERemainder(Tensor a, Tensor b)
    {
        double left = NotNull(a).Item(), right = NotNull(b).Item();
        var approximation = a - b * Math.Round(left / right);
        var exact = a.DType == DType.Float32 ? MathF.IEEERemainder((float)left, (float)right) : Math.IEEERemainder(left, right);
        return approximation + (exact - approximation.Item());
    }

    /// <summary><c>double.Ieee754Remainder</c>: <see cref="IEEERemainder"/>.</summary>
    public static Tensor Ieee754Remainder(Tensor a, Tensor b) => IEEERemainder(a, b);

    private static Tensor Returned(Tensor a, Tensor b, Func<double, double, double> onDouble, Func<float, float, float> onFloat)
    {
        double left = NotNull(a).Item(), right = NotNull(b).Item();
        var value = a.DType == DType.Float32 && b.DType == DType.Float32 ? onFloat((float)left, (float)right) : onDouble(left, right);
        return left == right ? (a + b) * 0.5 : value.Equals(left) ? a : value.Equals(right) ? b : a + b;
    }

    /// <summary>The 0-d composition <paramref name="tape"/> moved by a constant onto the function's own value at x.</summary>
    private static Tensor WithValue(Tensor tape, Tensor x, Func<double, double> onDouble, Func<float, float> onFloat)
    {
        var exact = x.DType == DType.Float32 ? onFloat((float)x.Item()) : onDouble(x.Item());
        return tape + (exact - tape.Item());
    }
}
