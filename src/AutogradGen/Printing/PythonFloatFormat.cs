using System.Globalization;
using System.Numerics;
using System.Text;

namespace AutogradGen.Printing;

/// <summary>
/// Python's <c>'{:.Nf}'</c> and <c>'{:.Ne}'</c> for a double, character for character. Python rounds the
/// exact binary value half-to-even (<c>'{:.4f}'.format(0.03125)</c> is <c>0.0312</c>), keeps the sign of
/// negative zero, writes at least two exponent digits (<c>2.0480e+02</c>) and prints <c>nan</c>,
/// <c>inf</c>, <c>-inf</c>. .NET's "F" and "E" formats differ on ties and exponents, so the digits are
/// computed here from the exact rational value of the double.
/// </summary>
internal static class PythonFloatFormat
{
    /// <summary>Python's <c>'{:.{decimals}f}'.format(value)</c>.</summary>
    public static string Fixed(double value, int decimals)
    {
        if (NonFiniteText(value) is { } nonFinite) return nonFinite;

        var (numerator, denominator) = ExactMagnitude(value);
        var scaled = RoundHalfToEven(numerator * BigInteger.Pow(10, decimals), denominator);
        var digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');

        var text = new StringBuilder(digits.Length + 2);
        if (double.IsNegative(value)) text.Append('-');
        text.Append(digits, 0, digits.Length - decimals);
        if (decimals > 0) text.Append('.').Append(digits, digits.Length - decimals, decimals);
        return text.ToString();
    }

    /// <summary>Python's <c>'{:.{decimals}e}'.format(value)</c>.</summary>
    public static string Scientific(double value, int decimals)
    {
        if (NonFiniteText(value) is { } nonFinite) return nonFinite;

        BigInteger significand = BigInteger.Zero;
        int exponent = 0;
        if (value != 0)
        {
            var (numerator, denominator) = ExactMagnitude(value);
            exponent = DecimalExponent(numerator, denominator, Math.Abs(value));
            significand = RoundHalfToEven(
                numerator * PowerOfTenOrOne(decimals - exponent),
                denominator * PowerOfTenOrOne(exponent - decimals));
            // Rounding 9.99995 up gives 10.0000: Python then prints 1.0000 with the next exponent.
            if (significand == BigInteger.Pow(10, decimals + 1))
            {
                significand /= 10;
                exponent++;
            }
        }

        var digits = significand.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var text = new StringBuilder(digits.Length + 8);
        if (double.IsNegative(value)) text.Append('-');
        text.Append(digits[0]);
        if (decimals > 0) text.Append('.').Append(digits, 1, decimals);
        text.Append('e').Append(exponent < 0 ? '-' : '+');
        text.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private static string? NonFiniteText(double value)
    {
        // Python never signs a NaN, whatever its sign bit.
        if (double.IsNaN(value)) return "nan";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        return null;
    }

    /// <summary>|value| as the exact fraction numerator / denominator (the denominator a power of two).</summary>
    private static (BigInteger Numerator, BigInteger Denominator) ExactMagnitude(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int biasedExponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        long mantissa = biasedExponent == 0 ? fraction : fraction | (1L << 52);
        int binaryExponent = biasedExponent == 0 ? -1074 : biasedExponent - 1075;
        return binaryExponent >= 0
            ? (new BigInteger(mantissa) << binaryExponent, BigInteger.One)
            : (new BigInteger(mantissa), BigInteger.One << -binaryExponent);
    }

    /// <summary>floor(log10(|value|)) for a nonzero finite value, exact even where Math.Log10 rounds.</summary>
    private static int DecimalExponent(BigInteger numerator, BigInteger denominator, double magnitude)
    {
        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        while (CompareWithPowerOfTen(numerator, denominator, exponent) < 0) exponent--;
        while (CompareWithPowerOfTen(numerator, denominator, exponent + 1) >= 0) exponent++;
        return exponent;
    }

    private static int CompareWithPowerOfTen(BigInteger numerator, BigInteger denominator, int power) =>
        (numerator * PowerOfTenOrOne(-power)).CompareTo(denominator * PowerOfTenOrOne(power));

    /// <summary>10^power for a positive power, 1 otherwise: scales whichever side of a fraction needs it.</summary>
    private static BigInteger PowerOfTenOrOne(int power) => power > 0 ? BigInteger.Pow(10, power) : BigInteger.One;

    private static BigInteger RoundHalfToEven(BigInteger numerator, BigInteger denominator)
    {
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        int half = (remainder * 2).CompareTo(denominator);
        return half > 0 || (half == 0 && !quotient.IsEven) ? quotient + 1 : quotient;
    }
}
