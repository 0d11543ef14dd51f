using AutogradGen.Printing;

namespace AutogradGen.Tests.Printing;

/// <summary>
/// Python's '{:.Nf}' and '{:.Ne}': the expected strings are what CPython prints for the same doubles. Python rounds
/// the exact binary value, half to even only on exact ties.
/// </summary>
public class PythonFloatFormatTests
{
    [Theory]
    [InlineData(0.00005, 4, "0.0001")]           // the double is slightly above 5e-5
    [InlineData(2.5e-5, 4, "0.0000")]            // far below half a unit
    [InlineData(1.00005, 4, "1.0001")]           // the double is slightly above the tie
    [InlineData(0.03125, 4, "0.0312")]           // an exact tie rounds to the even digit
    [InlineData(0.09375, 4, "0.0938")]           // an exact tie rounds to the even digit
    [InlineData(0.5, 0, "0")]
    [InlineData(1.5, 0, "2")]
    [InlineData(2.5, 0, "2")]
    [InlineData(123456789.0, 0, "123456789")]
    [InlineData(1e16, 4, "10000000000000000.0000")]
    [InlineData(0.1, 20, "0.10000000000000000555")] // every digit of the exact binary value
    public void Fixed_notation_rounds_the_exact_binary_value(double value, int decimals, string expected)
    {
        Assert.Equal(expected, PythonFloatFormat.Fixed(value, decimals));
    }

    [Fact]
    public void Fixed_notation_of_a_widened_float32_rounds_the_float32_value()
    {
        // 2.675f is 2.674999952316284 as a double: below the tie, so 2.67.
        Assert.Equal("2.67", PythonFloatFormat.Fixed(2.675f, 2));
    }

    [Theory]
    [InlineData(-0.0, "-0.0000")]
    [InlineData(-0.00001, "-0.0000")]
    public void Fixed_notation_keeps_the_minus_sign_of_values_that_round_to_zero(double value, string expected)
    {
        Assert.Equal(expected, PythonFloatFormat.Fixed(value, 4));
    }

    [Theory]
    [InlineData(204.8000030517578, "2.0480e+02")]
    [InlineData(1e-5, "1.0000e-05")]
    [InlineData(1e22, "1.0000e+22")]
    [InlineData(1e23, "1.0000e+23")]            // the double is just below 1e23
    [InlineData(1e100, "1.0000e+100")]
    [InlineData(-1234.5, "-1.2345e+03")]
    [InlineData(1.00005, "1.0001e+00")]
    [InlineData(0.000123455, "1.2345e-04")]
    [InlineData(9.9999e-5, "9.9999e-05")]
    [InlineData(1.03125, "1.0312e+00")]          // an exact tie rounds to the even digit
    [InlineData(1.09375, "1.0938e+00")]
    [InlineData(103125.0, "1.0312e+05")]
    [InlineData(5e-324, "4.9407e-324")]          // the smallest subnormal
    [InlineData(1.7976931348623157e308, "1.7977e+308")]
    public void Scientific_notation_writes_four_decimals_and_at_least_two_exponent_digits(double value, string expected)
    {
        Assert.Equal(expected, PythonFloatFormat.Scientific(value, 4));
    }

    [Fact]
    public void Scientific_notation_carries_a_rounded_up_significand_into_the_exponent()
    {
        Assert.Equal("1.0000e+01", PythonFloatFormat.Scientific(9.99996, 4));
    }

    [Theory]
    [InlineData(0.0, "0.0000e+00")]
    [InlineData(-0.0, "-0.0000e+00")]
    public void Scientific_notation_of_zero_has_exponent_zero(double value, string expected)
    {
        Assert.Equal(expected, PythonFloatFormat.Scientific(value, 4));
    }

    [Theory]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Non_finite_values_print_as_python_names_in_both_notations(double value, string expected)
    {
        Assert.Equal(expected, PythonFloatFormat.Fixed(value, 4));
        Assert.Equal(expected, PythonFloatFormat.Scientific(value, 4));
    }

    [Fact]
    public void A_negative_nan_prints_without_a_sign_as_in_python()
    {
        double negativeNaN = -double.NaN;
        Assert.True(double.IsNegative(negativeNaN));
        Assert.Equal("nan", PythonFloatFormat.Fixed(negativeNaN, 4));
    }
}
