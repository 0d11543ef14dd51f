namespace AutogradGen.Tests.Printing;

/// <summary>How PyTorch's formatter chooses between integral, fixed and scientific notation, and the common width.</summary>
public class FloatNotationTests
{
    [Fact]
    public void Integral_values_print_with_a_trailing_point_padded_to_the_longest()
    {
        Assert.Equal("tensor([  1., -20., 300.])", Printed.Float32([1, -20, 300], [3]));
    }

    [Fact]
    public void Integral_values_spanning_more_than_a_factor_of_a_thousand_switch_to_scientific_notation()
    {
        Assert.Equal("tensor([1.0000e+00, 1.0000e+04])", Printed.Float32([1, 10000], [2]));
    }

    [Fact]
    public void Integral_values_above_one_hundred_million_switch_to_scientific_notation()
    {
        Assert.Equal("tensor([1.0000e+09, 2.0000e+09])", Printed.Float32([1e9f, 2e9f], [2]));
    }

    [Fact]
    public void Fractional_values_print_four_decimals()
    {
        Assert.Equal("tensor([0.5000, 0.2500])", Printed.Float32([0.5f, 0.25f], [2]));
    }

    [Fact]
    public void A_nonzero_value_below_one_ten_thousandth_switches_to_scientific_notation()
    {
        Assert.Equal("tensor([1.0000e-05])", Printed.Float32([1e-5f], [1]));
    }

    [Fact]
    public void Fractional_values_spanning_more_than_a_factor_of_a_thousand_switch_to_scientific_notation()
    {
        Assert.Equal("tensor([1.5000e-01, 2.0000e+02])", Printed.Float32([0.15f, 200f], [2]));
    }

    [Fact]
    public void Zeros_take_no_part_in_choosing_the_notation()
    {
        Assert.Equal("tensor([0.0000, 0.5000])", Printed.Float32([0, 0.5f], [2]));
        Assert.Equal("tensor([0.0000e+00, 1.0000e-05])", Printed.Float32([0, 1e-5f], [2]));
    }

    [Fact]
    public void A_tensor_of_zeros_prints_in_integral_notation()
    {
        Assert.Equal("tensor([0., 0., 0.])", Printed.Float32([0, 0, 0], [3]));
    }

    [Fact]
    public void Nan_and_infinities_print_without_a_point_beside_integral_values()
    {
        Assert.Equal(
            "tensor([1., nan, inf, -inf])",
            Printed.Float32([1, float.NaN, float.PositiveInfinity, float.NegativeInfinity], [4]));
    }

    [Fact]
    public void Nan_and_infinities_are_padded_to_the_width_of_fixed_values()
    {
        Assert.Equal("tensor([1.5000,    nan,   -inf])", Printed.Float32([1.5f, float.NaN, float.NegativeInfinity], [3]));
    }

    [Fact]
    public void Nan_is_padded_to_the_width_of_scientific_values()
    {
        Assert.Equal("tensor([1.0000e-05,        nan])", Printed.Float32([1e-5f, float.NaN], [2]));
    }

    [Fact]
    public void A_tensor_of_only_nan_prints_bare_names()
    {
        Assert.Equal("tensor([nan, nan])", Printed.Float32([float.NaN, float.NaN], [2]));
    }

    [Fact]
    public void Negative_zero_keeps_its_sign_in_integral_notation()
    {
        // The width comes from the nonzero values ("1." is two wide), so "-0." overflows it unpadded.
        Assert.Equal("tensor([-0., 1.])", Printed.Float32([-0f, 1], [2]));
        Assert.Equal("tensor(-0.)", Printed.Float32Scalar(-0f));
    }

    [Fact]
    public void Negative_zero_keeps_its_sign_in_fixed_notation()
    {
        Assert.Equal("tensor([-0.0000, 1.5000])", Printed.Float32([-0f, 1.5f], [2]));
    }

    [Fact]
    public void A_scalar_chooses_its_notation_from_its_own_value()
    {
        Assert.Equal("tensor(0.5000)", Printed.Float32Scalar(0.5f));
        Assert.Equal("tensor(1.0000e-06)", Printed.Float32Scalar(1e-6f));
        Assert.Equal("tensor(-3.)", Printed.Float32Scalar(-3));
    }

    [Fact]
    public void Float64_values_round_their_exact_binary_value_at_the_fourth_decimal()
    {
        // 1.00005 lies just above its tie; 0.03125 and 0.09375 are exact ties, which round to the even digit.
        Assert.Equal("tensor([1.0001, 0.0312, 0.0938], dtype=torch.float64)", Printed.Float64([1.00005, 0.03125, 0.09375], [3]));
    }

    [Fact]
    public void Values_near_a_tie_round_by_their_exact_binary_value()
    {
        // 0.00015 is 1.4999999999999998e-4 (down) and 0.00025 is 2.5000000000000001e-4 (up).
        Assert.Equal("tensor([0.1000, 0.0001, 0.0003], dtype=torch.float64)", Printed.Float64([0.1, 0.00015, 0.00025], [3]));
    }

    [Fact]
    public void Float32_values_are_rounded_as_their_float32_value_not_their_literal()
    {
        // 1.00005f is 1.0000499486923218: below the tie, unlike the double 1.00005.
        Assert.Equal("tensor([1.0000, 2.5000])", Printed.Float32([1.00005f, 2.5f], [2]));
    }
}
