using AutogradGen.Benchmarks.Tests.Support;
using AutogradGen.Benchmarks.Workloads;

namespace AutogradGen.Benchmarks.Tests.Workloads;

public class SpecialFunctionsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(171)]
    public void LogGamma_of_an_integer_is_the_log_of_the_previous_factorial(int n)
    {
        double logFactorial = 0.0;
        for (int i = 2; i < n; i++)
        {
            logFactorial += Math.Log(i);
        }

        Tolerance.AssertClose(logFactorial, SpecialFunctions.LogGamma(n), 1e-14, $"log Γ({n})");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    public void LogGamma_of_a_half_integer_matches_the_closed_form(int n)
    {
        // Γ(n + ½) = (2n)! √π / (4ⁿ n!)
        double expected = 0.5 * Math.Log(Math.PI) - n * Math.Log(4.0);
        for (int i = n + 1; i <= 2 * n; i++)
        {
            expected += Math.Log(i);
        }

        Tolerance.AssertClose(expected, SpecialFunctions.LogGamma(n + 0.5), 1e-14, $"log Γ({n} + ½)");
    }

    [Fact]
    public void LogGamma_of_a_tiny_argument_is_minus_its_log()
    {
        // Γ(x) = 1/x - γ_Euler + O(x) near 0.
        const double x = 1e-12;
        Tolerance.AssertClose(-Math.Log(x) - 0.5772156649015329 * x, SpecialFunctions.LogGamma(x), 1e-14, "log Γ(1e-12)");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    [InlineData(double.NaN)]
    public void LogGamma_rejects_arguments_that_are_not_positive(double x)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.LogGamma(x));
        Assert.Contains("x > 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogMultivariateGamma_of_dimension_one_is_LogGamma()
    {
        Assert.Equal(SpecialFunctions.LogGamma(2.75), SpecialFunctions.LogMultivariateGamma(2.75, 1));
    }

    [Fact]
    public void LogMultivariateGamma_of_dimension_two_is_half_log_pi_plus_two_log_gammas()
    {
        // Γ_2(a) = π^½ Γ(a) Γ(a - ½)
        double expected = 0.5 * Math.Log(Math.PI) + SpecialFunctions.LogGamma(1.5) + SpecialFunctions.LogGamma(1.0);
        Tolerance.AssertClose(expected, SpecialFunctions.LogMultivariateGamma(1.5, 2), 1e-15, "log Γ_2(1.5)");
    }

    [Fact]
    public void LogMultivariateGamma_rejects_an_argument_at_or_below_half_of_d_minus_one()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.LogMultivariateGamma(1.0, 3));
        Assert.Contains("a > 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogOnePlus_keeps_arguments_too_small_for_one_plus_x()
    {
        Assert.Equal(1e-20, SpecialFunctions.LogOnePlus(1e-20));
    }

    [Fact]
    public void LogOnePlus_of_one_is_log_two()
    {
        Tolerance.AssertClose(Math.Log(2.0), SpecialFunctions.LogOnePlus(1.0), 1e-16, "log(1 + 1)");
    }
}
