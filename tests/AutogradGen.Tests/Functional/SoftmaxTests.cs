using AutogradGen.Tests.Support;
using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Functional;

/// <summary>Softmax and log-softmax: values, stability, dimensions and gradients.</summary>
public class SoftmaxTests
{
    [Fact]
    public void Softmax_of_one_two_three_is_the_normalised_exponentials()
    {
        var y = F.Softmax(Tensor.From([1.0, 2, 3]), dim: 0);
        TensorAssert.Equal([0.09003057, 0.24472847, 0.66524096], y, precision: 8);
    }

    [Fact]
    public void Log_softmax_of_one_two_three_subtracts_the_log_sum_exp()
    {
        var y = F.LogSoftmax(Tensor.From([1.0, 2, 3]), dim: 0);
        TensorAssert.Equal([-2.40760596, -1.40760596, -0.40760596], y, precision: 8);
    }

    [Fact]
    public void Softmax_of_large_inputs_does_not_overflow()
    {
        var y = F.Softmax(Tensor.From([1000f, 1000f]), dim: 0);
        TensorAssert.Equal([0.5, 0.5], y);
    }

    [Fact]
    public void Log_softmax_of_a_very_unlikely_class_stays_finite()
    {
        var y = F.LogSoftmax(Tensor.From([0f, 200f]), dim: 0);
        TensorAssert.Equal([-200, 0], y);
    }

    [Fact]
    public void Softmax_over_the_first_dimension_normalises_each_column()
    {
        var y = F.Softmax(Tensor.From(new double[,] { { 0, 1 }, { 0, 3 } }), dim: 0);
        TensorAssert.Equal([0.5, 0.11920292, 0.5, 0.88079708], y, precision: 8);
    }

    [Fact]
    public void Softmax_over_a_negative_dimension_counts_from_the_end()
    {
        var y = F.Softmax(Tensor.From(new double[,] { { 0, 0 }, { 0, Math.Log(3) } }), dim: -1);
        TensorAssert.Equal([0.5, 0.5, 0.25, 0.75], y, precision: 10);
    }

    [Fact]
    public void Softmax_of_a_scalar_is_one_with_zero_gradient()
    {
        var x = Tensor.Scalar(2.5, requiresGrad: true);
        var y = F.Softmax(x, 0);
        Assert.Equal(1, y.Item());
        y.Backward();
        Assert.Equal(0, x.Grad!.Item());
    }

    [Fact]
    public void Softmax_records_softmax_backward()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        Assert.Equal("SoftmaxBackward0", F.Softmax(x, 0).GradFn!.Name);
        Assert.Equal("LogSoftmaxBackward0", F.LogSoftmax(x, 0).GradFn!.Name);
    }

    [Fact]
    public void Softmax_under_no_grad_records_nothing()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        using (Autograd.NoGrad()) Assert.Null(F.Softmax(x, 0).GradFn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Softmax_gradient_matches_central_differences(int dim) =>
        GradientCheck.AssertMatches(inputs => F.Softmax(inputs[0], dim), GradientCheck.Input([2, 3, 4]));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void Log_softmax_gradient_matches_central_differences(int dim) =>
        GradientCheck.AssertMatches(inputs => F.LogSoftmax(inputs[0], dim), GradientCheck.Input([2, 3, 4]));

    [Fact]
    public void Softmax_second_derivative_is_that_of_the_logistic_function()
    {
        // With two classes, softmax(x)[0] = σ(x0 - x1), whose second derivative in x0 is σ(1 - σ)(1 - 2σ).
        var x = Tensor.From([0.3, -0.2], requiresGrad: true);
        var first = Autograd.Grad(F.Softmax(x, 0)[0], x, createGraph: true)[0]!;
        var second = Autograd.Grad(first[0], x)[0]!;
        double s = 1 / (1 + Math.Exp(-0.5));
        Assert.Equal(s * (1 - s) * (1 - (2 * s)), second.ToArray()[0], 12);
    }

    [Fact]
    public void Softmax_of_an_integer_tensor_fails_with_the_dtype_named()
    {
        var error = Assert.Throws<ArgumentException>(() => F.Softmax(Tensor.From([1L, 2]), 0));
        Assert.StartsWith("\"softmax\" not implemented for 'Long'", error.Message);
    }

    [Fact]
    public void Softmax_over_a_missing_dimension_fails_with_the_valid_range()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => F.Softmax(Tensor.Ones([2, 2]), 2));
        Assert.Equal("Dimension out of range (expected to be in range of [-2, 1], but got 2)", error.Message);
    }
}
