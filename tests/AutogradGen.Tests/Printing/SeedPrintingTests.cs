namespace AutogradGen.Tests.Printing;

/// <summary>Every tensor the five seeds print, from the values the seeds show, character for character.</summary>
public class SeedPrintingTests
{
    [Fact]
    public void Seed000_random_leaf_pads_positive_values_for_the_minus_signs()
    {
        Assert.Equal(
            "tensor([ 1.2630, -1.5445, -2.4180], requires_grad=True)",
            Printed.Float32([1.2630f, -1.5445f, -2.4180f], [3], "requires_grad=True"));
    }

    [Fact]
    public void Seed000_sum_with_two_prints_its_grad_fn()
    {
        Assert.Equal(
            "tensor([ 3.2630,  0.4555, -0.4180], grad_fn=<AddBackward0>)",
            Printed.Float32([3.2630f, 0.4555f, -0.4180f], [3], "grad_fn=<AddBackward0>"));
    }

    [Fact]
    public void Seed000_product_pads_to_the_widest_value_without_a_sign()
    {
        Assert.Equal(
            "tensor([21.2941,  0.4150,  0.3494], grad_fn=<MulBackward0>)",
            Printed.Float32([21.2941f, 0.4150f, 0.3494f], [3], "grad_fn=<MulBackward0>"));
    }

    [Fact]
    public void Seed000_vector_jacobian_product_gradient()
    {
        Assert.Equal("tensor([ 1.3052,  1.8220, -0.0167])", Printed.Float32([1.3052f, 1.8220f, -0.0167f], [3]));
    }

    [Fact]
    public void Seed000_detached_leaf_has_no_suffix()
    {
        Assert.Equal("tensor([ 1.2630, -1.5445, -2.4180])", Printed.Float32([1.2630f, -1.5445f, -2.4180f], [3]));
    }

    [Fact]
    public void Seed001_ones_matrix_prints_integral_values_with_a_point_and_aligned_rows()
    {
        Assert.Equal(
            "tensor([[1., 1.],\n        [1., 1.]], requires_grad=True)",
            Printed.Float32([1, 1, 1, 1], [2, 2], "requires_grad=True"));
    }

    [Fact]
    public void Seed001_matrix_plus_two()
    {
        Assert.Equal(
            "tensor([[3., 3.],\n        [3., 3.]], grad_fn=<AddBackward0>)",
            Printed.Float32([3, 3, 3, 3], [2, 2], "grad_fn=<AddBackward0>"));
    }

    [Fact]
    public void Seed001_two_digit_integral_values()
    {
        Assert.Equal(
            "tensor([[27., 27.],\n        [27., 27.]], grad_fn=<MulBackward0>)",
            Printed.Float32([27, 27, 27, 27], [2, 2], "grad_fn=<MulBackward0>"));
    }

    [Fact]
    public void Seed001_mean_is_a_zero_dimensional_tensor()
    {
        Assert.Equal("tensor(27., grad_fn=<MeanBackward0>)", Printed.Float32Scalar(27, "grad_fn=<MeanBackward0>"));
    }

    [Fact]
    public void Seed001_gradient_of_the_mean_prints_four_decimals()
    {
        Assert.Equal("tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])", Printed.Float32([4.5f, 4.5f, 4.5f, 4.5f], [2, 2]));
    }

    [Fact]
    public void Seed001_doubled_vector_keeps_fixed_notation_below_a_ratio_of_a_thousand()
    {
        Assert.Equal(
            "tensor([ 429.5515,  194.7347, 1144.1230], grad_fn=<MulBackward0>)",
            Printed.Float32([429.5515f, 194.7347f, 1144.1230f], [3], "grad_fn=<MulBackward0>"));
    }

    [Fact]
    public void Seed001_gradient_spanning_four_orders_of_magnitude_switches_to_scientific_notation()
    {
        // x.grad = 2048 * v with v = [0.1, 1.0, 0.0001] in float32.
        float[] gradient = [2048 * 0.1f, 2048 * 1.0f, 2048 * 0.0001f];
        Assert.Equal("tensor([2.0480e+02, 2.0480e+03, 2.0480e-01])", Printed.Float32(gradient, [3]));
    }

    [Fact]
    public void Seed001_all_of_an_equality_is_a_zero_dimensional_bool()
    {
        Assert.Equal("tensor(True)", Printed.Bool([true], []));
    }

    [Fact]
    public void Seed002_matrix_plus_one()
    {
        Assert.Equal(
            "tensor([[2., 2.],\n        [2., 2.]], grad_fn=<AddBackward0>)",
            Printed.Float32([2, 2, 2, 2], [2, 2], "grad_fn=<AddBackward0>"));
    }

    [Fact]
    public void Seed002_three_times_the_square()
    {
        Assert.Equal(
            "tensor([[12., 12.],\n        [12., 12.]], grad_fn=<MulBackward0>)",
            Printed.Float32([12, 12, 12, 12], [2, 2], "grad_fn=<MulBackward0>"));
    }

    [Fact]
    public void Seed002_mean_and_gradient()
    {
        Assert.Equal("tensor(12., grad_fn=<MeanBackward0>)", Printed.Float32Scalar(12, "grad_fn=<MeanBackward0>"));
        Assert.Equal("tensor([[3., 3.],\n        [3., 3.]])", Printed.Float32([3, 3, 3, 3], [2, 2]));
    }

    [Fact]
    public void Seed003_weight_gradient_prints_five_aligned_rows()
    {
        float[] row = [0.0352f, 0.0399f, 0.2644f];
        var gradient = new float[15];
        for (int i = 0; i < 5; i++) row.CopyTo(gradient, 3 * i);

        Assert.Equal(
            "tensor([[0.0352, 0.0399, 0.2644],\n" +
            "        [0.0352, 0.0399, 0.2644],\n" +
            "        [0.0352, 0.0399, 0.2644],\n" +
            "        [0.0352, 0.0399, 0.2644],\n" +
            "        [0.0352, 0.0399, 0.2644]])",
            Printed.Float32(gradient, [5, 3]));
    }

    [Fact]
    public void Seed003_bias_gradient()
    {
        Assert.Equal("tensor([0.0352, 0.0399, 0.2644])", Printed.Float32([0.0352f, 0.0399f, 0.2644f], [3]));
    }

    [Theory]
    [InlineData(1f, "requires_grad=True", "tensor([1.], requires_grad=True)")]
    [InlineData(1f, "grad_fn=<PowBackward0>", "tensor([1.], grad_fn=<PowBackward0>)")]
    [InlineData(10f, "grad_fn=<MulBackward0>", "tensor([10.], grad_fn=<MulBackward0>)")]
    [InlineData(3f, "grad_fn=<AddBackward0>", "tensor([3.], grad_fn=<AddBackward0>)")]
    public void Seed004_one_element_vectors_with_a_suffix(float value, string suffix, string expected)
    {
        Assert.Equal(expected, Printed.Float32([value], [1], suffix));
    }

    [Theory]
    [InlineData(2f, "tensor([2.])")]
    [InlineData(20f, "tensor([20.])")]
    [InlineData(4f, "tensor([4.])")]
    public void Seed004_one_element_gradients(float value, string expected)
    {
        Assert.Equal(expected, Printed.Float32([value], [1]));
    }

    [Fact]
    public void Seed004_sum_of_squares_and_its_gradient()
    {
        Assert.Equal("tensor(14., grad_fn=<SumBackward0>)", Printed.Float32Scalar(14, "grad_fn=<SumBackward0>"));
        Assert.Equal("tensor([2., 4., 6.])", Printed.Float32([2, 4, 6], [3]));
    }

    [Theory]
    [InlineData(1f, "grad_fn=<PowBackward0>", "tensor(1., grad_fn=<PowBackward0>)")]
    [InlineData(1f, "requires_grad=True", "tensor(1., requires_grad=True)")]
    public void Seed004_scalars_with_a_suffix(float value, string suffix, string expected)
    {
        Assert.Equal(expected, Printed.Float32Scalar(value, suffix));
    }

    [Theory]
    [InlineData(1f, "tensor(1.)")]
    [InlineData(2f, "tensor(2.)")]
    [InlineData(4f, "tensor(4.)")]
    public void Seed004_plain_scalars(float value, string expected)
    {
        Assert.Equal(expected, Printed.Float32Scalar(value));
    }
}
