namespace AutogradGen.Tests.Printing;

/// <summary>Brackets, row separators, line wrapping and summarisation, as PyTorch lays them out.</summary>
public class LayoutTests
{
    [Fact]
    public void Matrices_of_a_three_dimensional_tensor_are_separated_by_a_blank_line()
    {
        Assert.Equal(
            "tensor([[[0., 1.],\n" +
            "         [2., 3.]],\n" +
            "\n" +
            "        [[4., 5.],\n" +
            "         [6., 7.]]])",
            Printed.Float32(Printed.Arange(8), [2, 2, 2]));
    }

    [Fact]
    public void Blocks_of_a_four_dimensional_tensor_are_separated_by_two_blank_lines()
    {
        Assert.Equal("tensor([[[[0., 1.]]],\n\n\n        [[[2., 3.]]]])", Printed.Float32(Printed.Arange(4), [2, 1, 1, 2]));
    }

    [Fact]
    public void A_long_row_wraps_at_eighty_columns_under_its_first_element()
    {
        // Three-wide elements plus ", " fit (80 - 7) / 5 = 14 to a line.
        Assert.Equal(
            "tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n" +
            "        14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,\n" +
            "        28., 29.])",
            Printed.Float32(Printed.Arange(30), [30]));
    }

    [Fact]
    public void Rows_of_a_matrix_wrap_one_column_further_in()
    {
        var values = new float[40];
        for (int i = 0; i < values.Length; i++) values[i] = i / 7f - 1;

        Assert.Equal(
            "tensor([[-1.0000, -0.8571, -0.7143, -0.5714, -0.4286, -0.2857, -0.1429,  0.0000,\n" +
            "          0.1429,  0.2857,  0.4286,  0.5714,  0.7143,  0.8571,  1.0000,  1.1429,\n" +
            "          1.2857,  1.4286,  1.5714,  1.7143],\n" +
            "        [ 1.8571,  2.0000,  2.1429,  2.2857,  2.4286,  2.5714,  2.7143,  2.8571,\n" +
            "          3.0000,  3.1429,  3.2857,  3.4286,  3.5714,  3.7143,  3.8571,  4.0000,\n" +
            "          4.1429,  4.2857,  4.4286,  4.5714]])",
            Printed.Float32(values, [2, 20]));
    }

    [Fact]
    public void A_thousand_elements_are_printed_in_full()
    {
        var text = Printed.Float32(Printed.Arange(1000), [1000]);
        Assert.DoesNotContain("...", text, StringComparison.Ordinal);
        Assert.EndsWith(" 999.])", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vector_above_the_threshold_shows_three_elements_at_each_end()
    {
        // From the six shown values, 1999 / 1 exceeds a thousand: scientific notation, as PyTorch prints arange(2000.).
        Assert.Equal(
            "tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n" +
            "        1.9990e+03])",
            Printed.Float32(Printed.Arange(2000), [2000]));
    }

    [Fact]
    public void A_summarised_tensor_chooses_its_notation_from_the_shown_elements_only()
    {
        var values = new float[2000];
        Array.Fill(values, 1f);
        values[1000] = 1e-9f; // hidden in the middle: it would force scientific notation if it were shown

        Assert.Equal("tensor([1., 1., 1.,  ..., 1., 1., 1.])", Printed.Float32(values, [2000]));
    }

    [Fact]
    public void A_summarised_int64_vector_pads_every_element_to_the_widest_shown()
    {
        var values = new long[2000];
        for (int i = 0; i < values.Length; i++) values[i] = i;

        Assert.Equal("tensor([   0,    1,    2,  ..., 1997, 1998, 1999])", Printed.Int64(values, [2000]));
    }

    [Fact]
    public void A_hundred_by_hundred_matrix_shows_three_rows_and_columns_at_each_end()
    {
        Assert.Equal(
            "tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 9.7000e+01, 9.8000e+01,\n" +
            "         9.9000e+01],\n" +
            "        [1.0000e+02, 1.0100e+02, 1.0200e+02,  ..., 1.9700e+02, 1.9800e+02,\n" +
            "         1.9900e+02],\n" +
            "        [2.0000e+02, 2.0100e+02, 2.0200e+02,  ..., 2.9700e+02, 2.9800e+02,\n" +
            "         2.9900e+02],\n" +
            "        ...,\n" +
            "        [9.7000e+03, 9.7010e+03, 9.7020e+03,  ..., 9.7970e+03, 9.7980e+03,\n" +
            "         9.7990e+03],\n" +
            "        [9.8000e+03, 9.8010e+03, 9.8020e+03,  ..., 9.8970e+03, 9.8980e+03,\n" +
            "         9.8990e+03],\n" +
            "        [9.9000e+03, 9.9010e+03, 9.9020e+03,  ..., 9.9970e+03, 9.9980e+03,\n" +
            "         9.9990e+03]])",
            Printed.Float32(Printed.Arange(10000), [100, 100]));
    }

    [Fact]
    public void A_summarised_matrix_in_integral_notation_fits_each_row_on_one_line()
    {
        var values = new float[10000];
        for (int i = 0; i < values.Length; i++) values[i] = 1000 + i;

        Assert.Equal(
            "tensor([[ 1000.,  1001.,  1002.,  ...,  1097.,  1098.,  1099.],\n" +
            "        [ 1100.,  1101.,  1102.,  ...,  1197.,  1198.,  1199.],\n" +
            "        [ 1200.,  1201.,  1202.,  ...,  1297.,  1298.,  1299.],\n" +
            "        ...,\n" +
            "        [10700., 10701., 10702.,  ..., 10797., 10798., 10799.],\n" +
            "        [10800., 10801., 10802.,  ..., 10897., 10898., 10899.],\n" +
            "        [10900., 10901., 10902.,  ..., 10997., 10998., 10999.]])",
            Printed.Float32(values, [100, 100]));
    }

    [Fact]
    public void A_short_first_dimension_of_a_summarised_tensor_is_kept_whole()
    {
        var values = new long[1200];
        for (int i = 0; i < values.Length; i++) values[i] = i;

        Assert.Equal(
            "tensor([[   0,    1,    2,  ...,  597,  598,  599],\n" +
            "        [ 600,  601,  602,  ..., 1197, 1198, 1199]])",
            Printed.Int64(values, [2, 600]));
    }

    [Fact]
    public void A_summarised_three_dimensional_tensor_elides_whole_matrices_between_blank_lines()
    {
        // Derived from _tensor_str.py's rules (no PyTorch run at hand): the first dimension keeps 3 + 3 of its 8
        // matrices, the 2 rows stay, each row of 70 keeps 3 + 3 elements and wraps at (80 - 9) / 12 = 5 cells.
        var text = Printed.Float32(Printed.Arange(1120), [8, 2, 70]);

        Assert.StartsWith(
            "tensor([[[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 6.7000e+01,\n" +
            "          6.8000e+01, 6.9000e+01],\n" +
            "         [7.0000e+01, 7.1000e+01, 7.2000e+01,  ..., 1.3700e+02,\n" +
            "          1.3800e+02, 1.3900e+02]],\n" +
            "\n" +
            "        [[1.4000e+02,",
            text,
            StringComparison.Ordinal);
        Assert.Contains(
            "          3.4800e+02, 3.4900e+02],\n" +
            "         [3.5000e+02, 3.5100e+02, 3.5200e+02,  ..., 4.1700e+02,\n" +
            "          4.1800e+02, 4.1900e+02]],\n" +
            "\n" +
            "        ...,\n" +
            "\n" +
            "        [[7.0000e+02, 7.0100e+02, 7.0200e+02,  ..., 7.6700e+02,\n",
            text,
            StringComparison.Ordinal);
        Assert.EndsWith(
            "         [1.0500e+03, 1.0510e+03, 1.0520e+03,  ..., 1.1170e+03,\n" +
            "          1.1180e+03, 1.1190e+03]]])",
            text,
            StringComparison.Ordinal);
    }
}
