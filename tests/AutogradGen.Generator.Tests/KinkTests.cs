using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>At kinks the generated derivatives make PyTorch's choices (REFERENCE.md).</summary>
public class KinkTests
{
    [Fact]
    public void Abs_has_zero_derivative_at_zero()
    {
        KinkFunctions.AbsGradient(0, out var dx);
        Assert.Equal(0, dx);
        Assert.Equal(0, KinkFunctions.AbsDerivative(0, 1).Derivative);
    }

    [Fact]
    public void Abs_has_derivative_minus_one_left_of_zero_and_one_right_of_it()
    {
        KinkFunctions.AbsGradient(-2, out var left);
        KinkFunctions.AbsGradient(3, out var right);
        Assert.Equal((-1.0, 1.0), (left, right));
    }

    [Fact]
    public void Float_abs_has_zero_derivative_at_zero()
    {
        KinkFunctions.AbsFGradient(0f, out var dx);
        Assert.Equal(0f, dx);
    }

    [Fact]
    public void Max_of_equal_inputs_splits_the_gradient_half_and_half()
    {
        KinkFunctions.MaxGradient(1.5, 1.5, out var dx, out var dy);
        Assert.Equal((0.5, 0.5), (dx, dy));
    }

    [Fact]
    public void Min_of_equal_inputs_splits_the_gradient_half_and_half()
    {
        KinkFunctions.MinGradient(-2, -2, out var dx, out var dy);
        Assert.Equal((0.5, 0.5), (dx, dy));
    }

    [Fact]
    public void Max_of_equal_inputs_in_forward_mode_averages_the_tangents()
    {
        // torch.autograd.forward_ad: maximum(x, y) at x == y == 1.5 with tangents (1, 0) has tangent 0.5.
        Assert.Equal(0.5, KinkFunctions.MaxDerivative(1.5, 1.5, 1, 0).Derivative);
        Assert.Equal(1.25, KinkFunctions.MaxDerivative(1.5, 1.5, 2, 0.5).Derivative);
    }

    [Fact]
    public void Min_of_equal_inputs_in_forward_mode_averages_the_tangents()
    {
        // torch.autograd.forward_ad: minimum(x, y) at x == y with tangents (1, 0) has tangent 0.5.
        Assert.Equal(0.5, KinkFunctions.MinDerivative(-2, -2, 1, 0).Derivative);
        Assert.Equal(-1.5, KinkFunctions.MinDerivative(-2, -2, -1, -2).Derivative);
    }

    [Fact]
    public void Sqrt_has_infinite_derivative_at_zero_in_forward_mode()
    {
        Assert.Equal(double.PositiveInfinity, KinkFunctions.SqrtDerivative(0, 1).Derivative);
    }

    [Fact]
    public void Max_sends_the_whole_gradient_to_the_larger_input()
    {
        KinkFunctions.MaxGradient(1, 2, out var dx, out var dy);
        Assert.Equal((0.0, 1.0), (dx, dy));
    }

    [Fact]
    public void Sqrt_has_infinite_derivative_at_zero()
    {
        KinkFunctions.SqrtGradient(0, out var dx);
        Assert.Equal(double.PositiveInfinity, dx);
    }

    [Fact]
    public void Pow_exponent_derivative_is_zero_where_the_base_is_zero_and_the_exponent_non_negative()
    {
        KinkFunctions.PowGradient(0, 2, out var dx, out var dy);
        Assert.Equal(0, dy);
        Assert.Equal(0, dx);
    }

    [Fact]
    public void Pow_base_derivative_is_zero_where_the_exponent_is_zero()
    {
        KinkFunctions.PowGradient(0, 0, out var dx, out _);
        Assert.Equal(0, dx);
    }
}
