using AutogradGen.Checking;

namespace AutogradGen.Tests.Checking;

/// <summary>Tolerances and values in the reports are printed as Python's repr(float), as PyTorch's messages print them.</summary>
public class PythonReprTests
{
    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(2.0, "2.0")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(1e-6, "1e-06")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(25.2, "25.2")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(123.456, "123.456")]
    [InlineData(-0.000123, "-0.000123")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    [InlineData(1200.0, "1200.0")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Double_prints_as_Pythons_repr(double value, string expected) =>
        Assert.Equal(expected, GradCheckMessages.PythonRepr(value));
}
