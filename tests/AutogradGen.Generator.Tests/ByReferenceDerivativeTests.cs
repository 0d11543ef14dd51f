using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Issue 10, item 6: a [Differentiable] helper with ref/out parameters gets {Name}Derivative of its own, the ref and
/// out parameters' tangents passed the same way as the values. Checked against central differences of the helper.
/// </summary>
public class ByReferenceDerivativeTests
{
    private const double H = 1e-6;

    private static (double X, double V) StepValue(double x, double v, double k, double dt)
    {
        ByReferenceFunctions.Step(ref x, ref v, k, dt);
        return (x, v);
    }

    [Theory]
    [InlineData(0.7, -0.3, 2.0, 0.1)]
    [InlineData(-1.2, 0.8, 0.5, 0.25)]
    public void A_void_step_by_ref_advances_the_values_and_their_tangents(double x0, double v0, double k, double dt)
    {
        double[] direction = [0.3, -0.7, 1.1, 0.4];
        double x = x0, v = v0, xTangent = direction[0], vTangent = direction[1];
        ByReferenceFunctions.StepDerivative(ref x, ref v, k, dt, ref xTangent, ref vTangent, direction[2], direction[3]);

        var (expectedX, expectedV) = StepValue(x0, v0, k, dt);
        Assert.Equal(expectedX, x, 15);
        Assert.Equal(expectedV, v, 15);
        var plus = StepValue(x0 + H * direction[0], v0 + H * direction[1], k + H * direction[2], dt + H * direction[3]);
        var minus = StepValue(x0 - H * direction[0], v0 - H * direction[1], k - H * direction[2], dt - H * direction[3]);
        Assert.Equal((plus.X - minus.X) / (2 * H), xTangent, 8);
        Assert.Equal((plus.V - minus.V) / (2 * H), vTangent, 8);
    }

    [Theory]
    [InlineData(0.4, 1.5)]
    [InlineData(-2.0, 0.25)]
    public void An_out_result_gets_an_out_tangent_beside_the_returned_derivative(double x, double s)
    {
        var (value, derivative) = ByReferenceFunctions.SplitDerivative(x, s, out var y, 1.0, 0.0, out var yTangent);
        Assert.Equal(ByReferenceFunctions.Split(x, s, out var expectedY), value, 15);
        Assert.Equal(expectedY, y, 15);
        Assert.Equal(2 * x + Math.Cos(x) * s, derivative, 12);
        Assert.Equal(Math.Cos(x) * s, yTangent, 12);

        (_, derivative) = ByReferenceFunctions.SplitDerivative(x, s, out _, 0.0, 1.0, out yTangent);
        Assert.Equal(Math.Sin(x), derivative, 12);
        Assert.Equal(Math.Sin(x), yTangent, 12);
    }

    [Theory]
    [InlineData(0.05, 0)]
    [InlineData(2.0, 1)]
    public void An_early_return_leaves_the_tangent_as_it_came_and_an_int_ref_is_advanced(double x0, int expectedSteps)
    {
        double x = x0, xTangent = 0.5;
        var steps = 0;
        ByReferenceFunctions.ShrinkDerivative(ref x, ref steps, 0.9, ref xTangent, 0.25);
        Assert.Equal(expectedSteps, steps);
        if (expectedSteps == 0)
        {
            Assert.Equal(x0, x);
            Assert.Equal(0.5, xTangent);
        }
        else
        {
            Assert.Equal(Math.Sqrt(x0) * 0.9, x, 15);
            Assert.Equal(0.5 * 0.9 / (2 * Math.Sqrt(x0)) + Math.Sqrt(x0) * 0.25, xTangent, 12);
        }
    }

    [Fact]
    public void A_ref_parameter_left_out_of_the_list_still_carries_its_tangent()
    {
        double x = 1.5, xTangent = 2.0;
        ByReferenceFunctions.ScaleDerivative(ref x, 3.0, 0.5, ref xTangent, 0.1);
        Assert.Equal(5.0, x, 15);
        Assert.Equal(2.0 * 3.0 + 1.5 * 0.1, xTangent, 14);
    }

    [Fact]
    public void Callers_still_inline_the_helpers_in_both_modes()
    {
        var value = ByReferenceFunctions.EnergyGradient(0.6, -0.2, 1.3, out var dx, out var dv, out var dk);
        Assert.Equal(ByReferenceFunctions.Energy(0.6, -0.2, 1.3), value, 15);
        Assert.Equal((ByReferenceFunctions.Energy(0.6 + H, -0.2, 1.3) - ByReferenceFunctions.Energy(0.6 - H, -0.2, 1.3)) / (2 * H), dx, 7);
        Assert.Equal((ByReferenceFunctions.Energy(0.6, -0.2 + H, 1.3) - ByReferenceFunctions.Energy(0.6, -0.2 - H, 1.3)) / (2 * H), dv, 7);
        Assert.Equal((ByReferenceFunctions.Energy(0.6, -0.2, 1.3 + H) - ByReferenceFunctions.Energy(0.6, -0.2, 1.3 - H)) / (2 * H), dk, 7);
        Assert.Equal(dx * 0.2 + dv * 0.3 - dk, ByReferenceFunctions.EnergyDerivative(0.6, -0.2, 1.3, 0.2, 0.3, -1.0).Derivative, 12);
    }

    [Fact]
    public void The_existing_ref_and_out_helpers_get_derivatives_too()
    {
        var (r, t) = (1.5, 0.4);
        RefHelperFunctions.PolarToCartesianDerivative(r, t, out var x, out var y, 1.0, 0.0, out var xTangent, out var yTangent);
        Assert.Equal(r * Math.Cos(t), x, 15);
        Assert.Equal(r * Math.Sin(t), y, 15);
        Assert.Equal(Math.Cos(t), xTangent, 15);
        Assert.Equal(Math.Sin(t), yTangent, 15);

        double a = 2.0, b = -1.0, aTangent = 1.0, bTangent = 5.0;
        RefHelperFunctions.SwapDerivative(ref a, ref b, ref aTangent, ref bTangent);
        Assert.Equal((-1.0, 2.0, 5.0, 1.0), (a, b, aTangent, bTangent));
    }
}
