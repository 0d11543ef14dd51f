using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>The calls of the issue's example, exactly as written there.</summary>
public class IssueExampleTests
{
    [Fact]
    public void Rosenbrock_gradient_is_the_analytic_one()
    {
        double x = 0.5, y = 2;
        double f = Objectives.RosenbrockGradient(x, y, out double dx, out double dy);
        Assert.Equal(Objectives.Rosenbrock(x, y), f);
        Assert.Equal(-2 * (1 - x) - 400 * x * (y - x * x), dx, 1e-12);
        Assert.Equal(200 * (y - x * x), dy, 1e-12);
    }

    [Fact]
    public void Rosenbrock_forward_mode_along_x_is_the_x_partial()
    {
        double x = 0.5, y = 2;
        var (value, derivative) = Objectives.RosenbrockDerivative(x, y, 1.0, 0.0);
        Assert.Equal(Objectives.Rosenbrock(x, y), value);
        Assert.Equal(-2 * (1 - x) - 400 * x * (y - x * x), derivative, 1e-12);
    }

    [Fact]
    public void Sum_of_squares_gradient_is_added_to_the_span()
    {
        double[] v = [1, -2, 3];
        Span<double> dv = stackalloc double[3];
        double s = Objectives.SumOfSquaresGradient(v, dv);
        Assert.Equal(14, s);
        Assert.Equal([2.0, -4.0, 6.0], dv.ToArray());
    }
}
