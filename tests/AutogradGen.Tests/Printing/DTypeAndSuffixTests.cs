using AutogradGen.Printing;

namespace AutogradGen.Tests.Printing;

/// <summary>Bool and Int64 elements, the dtype suffix, empty tensors, and where the suffixes go.</summary>
public class DTypeAndSuffixTests
{
    [Fact]
    public void Bool_elements_are_padded_to_the_width_of_False()
    {
        // PyTorch pads True to False's width: print(torch.tensor([1, 2, 3]) > 1) shows tensor([False,  True,  True]).
        Assert.Equal("tensor([ True, False])", Printed.Bool([true, false], [2]));
        Assert.Equal("tensor([False,  True,  True])", Printed.Bool([false, true, true], [3]));
    }

    [Fact]
    public void Bool_elements_that_are_all_true_need_no_padding()
    {
        Assert.Equal("tensor([[True, True],\n        [True, True]])", Printed.Bool([true, true, true, true], [2, 2]));
    }

    [Fact]
    public void Int64_elements_print_without_a_point_or_a_dtype_suffix()
    {
        Assert.Equal("tensor([1, 2, 3])", Printed.Int64([1, 2, 3], [3]));
    }

    [Fact]
    public void Int64_elements_are_padded_for_a_minus_sign()
    {
        Assert.Equal("tensor([ 1, -2, 30])", Printed.Int64([1, -2, 30], [3]));
    }

    [Fact]
    public void Int64_scalar()
    {
        Assert.Equal("tensor(5)", Printed.Int64([5], []));
    }

    [Fact]
    public void Int64_values_beyond_double_precision_print_exactly()
    {
        Assert.Equal("tensor([9007199254740993])", Printed.Int64([9007199254740993], [1]));
    }

    [Fact]
    public void Float64_tensors_name_their_dtype_before_the_grad_suffix()
    {
        Assert.Equal("tensor([1.5000, 2.0000], dtype=torch.float64)", Printed.Float64([1.5, 2], [2]));
        Assert.Equal(
            "tensor([1., 2.], dtype=torch.float64, requires_grad=True)",
            Printed.Float64([1, 2], [2], "requires_grad=True"));
    }

    [Fact]
    public void Float64_scalar_names_its_dtype()
    {
        Assert.Equal("tensor(3., dtype=torch.float64, grad_fn=<SumBackward0>)", Printed.Float64([3], [], "grad_fn=<SumBackward0>"));
    }

    [Fact]
    public void An_empty_vector_prints_empty_brackets()
    {
        Assert.Equal("tensor([])", Printed.Float32([], [0]));
        Assert.Equal("tensor([], requires_grad=True)", Printed.Float32([], [0], "requires_grad=True"));
    }

    [Fact]
    public void An_empty_matrix_names_its_size()
    {
        Assert.Equal("tensor([], size=(0, 3))", Printed.Float32([], [0, 3]));
        Assert.Equal("tensor([], size=(2, 0, 4))", Printed.Float32([], [2, 0, 4]));
    }

    [Fact]
    public void An_empty_tensor_of_a_dtype_other_than_float32_names_it()
    {
        Assert.Equal("tensor([], dtype=torch.int64)", Printed.Int64([], [0]));
        Assert.Equal("tensor([], dtype=torch.bool)", Printed.Bool([], [0]));
        Assert.Equal("tensor([], size=(2, 0), dtype=torch.float64)", Printed.Float64([], [2, 0]));
    }

    [Fact]
    public void A_suffix_that_would_pass_eighty_columns_moves_to_a_new_line_under_the_bracket()
    {
        float[] values = [-0.35f, -0.25f, -0.15f, -0.05f, 0.05f, 0.15f, 0.25f, 0.35f];

        Assert.Equal(
            "tensor([-0.3500, -0.2500, -0.1500, -0.0500,  0.0500,  0.1500,  0.2500,  0.3500],\n" +
            "       grad_fn=<MulBackward0>)",
            Printed.Float32(values, [8], "grad_fn=<MulBackward0>"));
    }

    [Fact]
    public void Suffixes_after_a_wrapped_one_stay_on_its_line_while_they_fit()
    {
        double[] values = [-0.35, -0.25, -0.15, -0.05, 0.05, 0.15, 0.25];

        Assert.Equal(
            "tensor([-0.3500, -0.2500, -0.1500, -0.0500,  0.0500,  0.1500,  0.2500],\n" +
            "       dtype=torch.float64, requires_grad=True)",
            Printed.Float64(values, [7], "requires_grad=True"));
    }

    [Fact]
    public void A_suffix_after_a_matrix_fits_when_its_last_line_is_short()
    {
        Assert.Equal(
            "tensor([[ 1.,  2.,  3.,  4.,  5.,  6.],\n" +
            "        [ 7.,  8.,  9., 10., 11., 12.]], requires_grad=True)",
            Printed.Float32([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 6], "requires_grad=True"));
    }

    [Fact]
    public void A_suffix_after_a_matrix_wraps_when_its_last_line_is_long()
    {
        Assert.Equal(
            "tensor([[1.0000e+00, 2.0000e+00, 3.0000e+00, 4.0000e+00, 5.0000e+00, 6.0000e+00],\n" +
            "        [7.0000e+00, 8.0000e+00, 9.0000e+00, 1.0000e+01, 1.1000e+01, 1.0000e+04]],\n" +
            "       requires_grad=True)",
            Printed.Float32([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10000], [2, 6], "requires_grad=True"));
    }

    [Fact]
    public void A_shape_that_does_not_match_the_values_is_rejected_with_both_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() => Printed.Float32([1, 2, 3], [2, 2]));
        Assert.StartsWith("shape (2, 2) is invalid for input of size 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Int64_values_passed_as_doubles_are_rejected_with_the_overload_to_use()
    {
        var error = Assert.Throws<ArgumentException>(() => TensorFormatter.Format([1.0], [1], DType.Int64, []));
        Assert.Contains("Format(ReadOnlySpan<long>", error.Message, StringComparison.Ordinal);
    }
}
