using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>Differentiation.WithoutDerivative stops the derivative and keeps the value.</summary>
public class StopDerivativeTests
{
    [Fact]
    public void Without_derivative_treats_its_argument_as_a_constant_in_reverse_mode()
    {
        // Detached(x, y) = stop(x * y) * x + y: ∂/∂x = x * y (the stopped factor), ∂/∂y = 1.
        var value = ScalarFunctions.DetachedGradient(1.5, -2, out var dx, out var dy);
        Assert.Equal(ScalarFunctions.Detached(1.5, -2), value);
        Assert.Equal((-3.0, 1.0), (dx, dy));
    }

    [Fact]
    public void Without_derivative_treats_its_argument_as_a_constant_in_forward_mode()
    {
        var (value, derivative) = ScalarFunctions.DetachedDerivative(1.5, -2, 1, 0);
        Assert.Equal(ScalarFunctions.Detached(1.5, -2), value);
        Assert.Equal(-3.0, derivative);
    }
}
