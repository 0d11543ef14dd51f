using AutogradGen.Kernels;

namespace AutogradGen.Tests.Kernels;

/// <summary>
/// One-element operands skip the vectorised span kernels and use the operator's scalar form: each pair below is
/// computed both ways (alone, and as the second element of a two-element span, which goes through TensorPrimitives)
/// and must agree bit for bit, NaN and signed zeros included.
/// </summary>
public class OneElementKernelTests
{
    public static TheoryData<double, double> Pairs => new()
    {
        { 1.5, -2.25 },
        { -0.0, 0.0 },
        { 0.0, -0.0 },
        { double.NaN, 1 },
        { 1, double.NaN },
        { double.PositiveInfinity, double.NegativeInfinity },
        { 2, 0.5 },
    };

    private static (double Alone, double InSpan) Both<TOperator>(double x, double y)
        where TOperator : IBinaryOperator<double, double>
    {
        var alone = new double[1];
        Broadcasting.Binary<double, double, TOperator>([x], [], [y], [], alone, []);
        var inSpan = new double[2];
        Broadcasting.Binary<double, double, TOperator>([0.5, x], [2], [0.25, y], [2], inSpan, [2]);
        return (alone[0], inSpan[1]);
    }

    private static void AssertSameBits((double Alone, double InSpan) results) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(results.InSpan), BitConverter.DoubleToInt64Bits(results.Alone));

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Maximum_of_one_element_matches_the_span_kernel(double x, double y) => AssertSameBits(Both<MaximumOperator<double>>(x, y));

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Minimum_of_one_element_matches_the_span_kernel(double x, double y) => AssertSameBits(Both<MinimumOperator<double>>(x, y));

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Power_of_one_element_matches_the_span_kernel(double x, double y) => AssertSameBits(Both<PowOperator<double>>(x, y));

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Sum_and_product_of_one_element_match_the_span_kernel(double x, double y)
    {
        AssertSameBits(Both<AddOperator<double>>(x, y));
        AssertSameBits(Both<MultiplyOperator<double>>(x, y));
        AssertSameBits(Both<DivideOperator<double>>(x, y));
    }

    [Fact]
    public void A_one_element_tensor_broadcast_against_a_0_d_tensor_keeps_the_larger_rank()
    {
        var sum = Tensor.From([1.0], [1, 1]) + Tensor.Scalar(2, dtype: DType.Float64);
        Assert.Equal([1, 1], sum.Shape.ToArray());
        Assert.Equal([3.0], sum.ToArray());
    }
}
