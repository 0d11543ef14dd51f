using AutogradGen.Generator.Tests.Functions;
using AutogradGen.Generator.Tests.Functions.ZeroDerivative;

namespace AutogradGen.Generator.Tests;

/// <summary>Span parameters, overloads, and the zero derivative of steps and integer casts.</summary>
public class MoreDerivativeTests
{
    [Fact]
    public void A_span_parameter_gets_a_span_gradient_and_a_read_only_span_tangent()
    {
        double[] v = [0.5, -1, 2, 0.25];
        var gradient = new double[4];
        var value = MoreFunctions.SpanParameterGradient(v, 2, gradient);
        Assert.Equal(MoreFunctions.SpanParameter(v, 2), value);
        // d/dv (cos v · v) = cos v − v sin v at the even indices, 0 elsewhere.
        double[] expected = [Math.Cos(0.5) - 0.5 * Math.Sin(0.5), 0, Math.Cos(2.0) - 2 * Math.Sin(2.0), 0];
        Assert.Equal(expected, gradient);
        var (_, derivative) = MoreFunctions.SpanParameterDerivative(v, 2, [1.0, 1.0, 1.0, 1.0]);
        Assert.Equal(expected.Sum(), derivative, 1e-15);
    }

    [Fact]
    public void Overloads_each_get_their_own_derivatives()
    {
        MoreFunctions.OverloadedGradient(3, out var dx);
        MoreFunctions.OverloadedGradient(3, 2, out var dx2, out var dy2);
        Assert.Equal((6.0, 4.0, 12.0), (dx, dx2, dy2));
    }

    [Theory]
    [InlineData(2.3)]
    [InlineData(-1.7)]
    public void Floor_ceiling_round_truncate_and_sign_have_zero_derivative(double x)
    {
        StepFunctions.StepsGradient(x, out var dx);
        Assert.Equal(Math.Floor(x) + Math.Sign(x), dx);
        Assert.Equal(dx, StepFunctions.StepsDerivative(x, 1).Derivative);
    }

    [Fact]
    public void A_cast_to_int_has_zero_derivative()
    {
        StepFunctions.IntegerCastGradient(0.47, out var dx);
        Assert.Equal(4.0, dx);
    }

    [Fact]
    public void A_private_differentiable_helper_can_be_called()
    {
        PrivateHelpers.UsesPrivateHelperGradient(2, out var dx);
        Assert.Equal(13.0, dx);
    }
}
