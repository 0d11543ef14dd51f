using AutogradGen.Tests.Support;
using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Functional;

/// <summary>F.pad's reflect, replicate and circular modes: PyTorch's values, gradients against central differences, nodes and messages.</summary>
public class PaddingModeTests
{
    private static readonly Tensor Row = Tensor.From([0.0, 1, 2, 3], [1, 1, 4]);

    [Theory]
    // F.pad(torch.arange(4.).view(1, 1, 4), (2, 1), mode)
    [InlineData(PaddingMode.Reflect, new[] { 2.0, 1, 0, 1, 2, 3, 2 })]
    [InlineData(PaddingMode.Replicate, new[] { 0.0, 0, 0, 1, 2, 3, 3 })]
    [InlineData(PaddingMode.Circular, new[] { 2.0, 3, 0, 1, 2, 3, 0 })]
    public void One_dimension_gives_PyTorch_s_values(PaddingMode mode, double[] expected)
    {
        TensorAssert.Equal(expected, F.Pad(Row, [2, 1], mode), precision: 14, shape: [1, 1, 7]);
    }

    [Fact]
    public void Two_dimensions_reflect_about_the_edges()
    {
        // F.pad(torch.arange(9.).view(1, 3, 3), (1, 1, 1, 1), 'reflect')
        var x = Tensor.From([0.0, 1, 2, 3, 4, 5, 6, 7, 8], [1, 3, 3]);
        TensorAssert.Equal([4, 3, 4, 5, 4, 1, 0, 1, 2, 1, 4, 3, 4, 5, 4, 7, 6, 7, 8, 7, 4, 3, 4, 5, 4], F.Pad(x, [1, 1, 1, 1], PaddingMode.Reflect), precision: 14, shape: [1, 5, 5]);
        TensorAssert.Equal([0, 0, 1, 2, 2], F.Pad(x, [1, 1, 1, 1], PaddingMode.Replicate)[0][0], precision: 14);
    }

    [Theory]
    [InlineData(PaddingMode.Reflect, "ReflectionPad2DBackward0")]
    [InlineData(PaddingMode.Replicate, "ReplicationPad2DBackward0")]
    [InlineData(PaddingMode.Circular, "PadCircularBackward")]
    public void Gradients_match_central_differences_and_differentiate_again(PaddingMode mode, string gradFn)
    {
        var x = GradientCheck.Input([2, 3, 4]);
        Func<Tensor[], Tensor> pad = t => F.Pad(t[0], [2, 1, -1, 2], mode);
        Assert.Equal(gradFn, pad([x]).GradFn!.Name);
        Assert.True(GradCheck.Check(pad, [x]).Passed);
        Assert.True(GradGradCheck.Check(pad, [x]).Passed);
        Assert.Equal("ReflectionPad3DBackward0", F.Pad(GradientCheck.Input([1, 3, 3, 3]), [1, 1, 1, 1, 1, 1], PaddingMode.Reflect).GradFn!.Name);
    }

    [Fact]
    public void Bad_paddings_are_refused_with_PyTorch_s_words()
    {
        var reflect = Assert.ThrowsAny<ArgumentException>(() => F.Pad(Row, [4, 0], PaddingMode.Reflect));
        Assert.Equal("Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (4, 0) at dimension 2 of input [1, 1, 4]", reflect.Message);
        var wrap = Assert.ThrowsAny<ArgumentException>(() => F.Pad(Row, [5, 0], PaddingMode.Circular));
        Assert.Equal("Padding value causes wrapping around more than once.", wrap.Message);
        Assert.Throws<NotSupportedException>(() => F.Pad(Tensor.Zeros([4]), [1, 1], PaddingMode.Replicate));
        Assert.ThrowsAny<ArgumentException>(() => F.Pad(Row, [1, 1], PaddingMode.Reflect, value: 2));
    }
}
