using AutogradGen.Tests.Support;
using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Convolution;

/// <summary>max_pool2d, avg_pool2d and adaptive_avg_pool2d: values by definition, gradients against central differences, nodes and messages.</summary>
public class PoolingTests
{
    [Theory]
    [InlineData(2, 2, 0, 1, false)]
    [InlineData(3, 2, 1, 1, false)]
    [InlineData(3, 1, 1, 2, false)]
    [InlineData(2, 2, 1, 1, true)]
    [InlineData(3, 2, 0, 1, true)]
    public void Max_pool_matches_its_definition_and_central_differences(int k, int s, int p, int d, bool ceil)
    {
        var x = GradientCheck.Input([2, 2, 7, 6]);
        var (y, indices) = F.MaxPool2dWithIndices(x, [k], [s], [p], [d], ceil);
        Assert.Equal("MaxPool2DWithIndicesBackward0", y.GradFn!.Name);
        int outH = y.Size(2), outW = y.Size(3);
        TensorAssert.Equal(ConvolutionReference.Pool2d(x.ToArray(), 4, 7, 6, k, s, p, d, outH, outW, max: true), y, precision: 14);
        // Each index names the element of its plane that holds the maximum.
        var values = x.ToArray();
        var picked = indices.ToArray<long>();
        var maxima = y.ToArray();
        for (int i = 0; i < picked.Length; i++) Assert.Equal(maxima[i], values[(i / (outH * outW) * 42) + picked[i]]);
        var result = GradCheck.Check(t => F.MaxPool2d(t[0], [k], [s], [p], [d], ceil), [x]);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void Max_pool_s_direct_backward_agrees_with_the_recorded_scatter_add()
    {
        var x = GradientCheck.Input([2, 3, 6, 6]);
        var output = F.MaxPool2d(x, [3], [2], [1]);
        var seed = GradientCheck.Input(output.Shape.ToArray(), offset: -0.4); // requires grad, so createGraph records the rule
        var direct = Autograd.Grad([output], [x], [seed.Detach()], retainGraph: true)[0];
        var composite = Autograd.Grad([output], [x], [seed], createGraph: true)[0];
        Assert.NotNull(composite!.GradFn);
        Assert.Null(direct!.GradFn);
        TensorAssert.Equal(composite.ToArray(), direct, precision: 14);
    }

    [Fact]
    public void Max_pool_output_sizes_follow_PyTorch_s_ceil_mode()
    {
        // PyTorch: F.max_pool2d(torch.zeros(1, 1, 5, 5), 2, 2, ceil_mode=True).shape == (1, 1, 3, 3); with padding 1, (1, 1, 3, 3)
        Assert.Equal([1, 1, 3, 3], F.MaxPool2d(Tensor.Zeros([1, 1, 5, 5]), [2], [2], ceilMode: true).Shape);
        Assert.Equal([1, 1, 2, 2], F.MaxPool2d(Tensor.Zeros([1, 1, 5, 5]), [2]).Shape);
        Assert.Equal([1, 1, 3, 3], F.MaxPool2d(Tensor.Zeros([1, 1, 5, 5]), [2], [2], [1], ceilMode: true).Shape);
        Assert.Equal([3, 2, 2], F.MaxPool2d(Tensor.Zeros([3, 4, 4]), [2]).Shape);
    }

    [Fact]
    public void A_NaN_wins_its_window()
    {
        var x = Tensor.From([1.0, double.NaN, 3.0, 2.0], [1, 1, 2, 2]);
        var (y, indices) = F.MaxPool2dWithIndices(x, [2]);
        Assert.True(double.IsNaN(y.Item()));
        Assert.Equal(1L, indices.ToArray<long>()[0]);
    }

    [Theory]
    [InlineData(2, 2, 0, false, true)]
    [InlineData(3, 2, 1, false, true)]
    [InlineData(3, 2, 1, false, false)]
    [InlineData(3, 2, 1, true, true)]
    [InlineData(2, 2, 1, true, false)]
    public void Average_pool_matches_its_definition_and_central_differences(int k, int s, int p, bool ceil, bool countIncludePad)
    {
        var x = GradientCheck.Input([2, 2, 7, 6]);
        var y = F.AvgPool2d(x, [k], [s], [p], ceil, countIncludePad);
        Assert.Equal("AvgPool2DBackward0", y.GradFn!.Name);
        TensorAssert.Equal(ConvolutionReference.Pool2d(x.ToArray(), 4, 7, 6, k, s, p, 1, y.Size(2), y.Size(3), max: false, countIncludePad), y, precision: 14);
        var result = GradCheck.Check(t => F.AvgPool2d(t[0], [k], [s], [p], ceil, countIncludePad), [x]);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void Average_pool_with_a_divisor_override_divides_every_window_by_it()
    {
        var x = Tensor.Ones([1, 1, 4, 4], dtype: DType.Float64);
        TensorAssert.Equal([4 / 3.0, 4 / 3.0, 4 / 3.0, 4 / 3.0], F.AvgPool2d(x, [2], divisorOverride: 3));
    }

    [Fact]
    public void Pooling_backward_rules_differentiate_again_under_createGraph()
    {
        var x = GradientCheck.Input([1, 2, 5, 5]);
        Assert.True(GradGradCheck.Check(t => F.MaxPool2d(t[0], [3], [2], [1]), [x]).Passed);
        Assert.True(GradGradCheck.Check(t => F.AvgPool2d(t[0], [3], [2], [1], countIncludePad: false), [x]).Passed);
        Assert.True(GradGradCheck.Check(t => F.AdaptiveAvgPool2d(t[0], [2, 3]), [x]).Passed);
    }

    [Fact]
    public void Adaptive_average_pool_averages_PyTorch_s_index_ranges()
    {
        // Rows of 5 into 3 cells: [0, 2), [1, 4), [3, 5) (start ⌊i·5/3⌋, end ⌈(i+1)·5/3⌉).
        var x = Tensor.From([0.0, 1, 2, 3, 4], [1, 1, 5, 1]);
        var y = F.AdaptiveAvgPool2d(x, [3, 1]);
        Assert.Equal("AdaptiveAvgPool2DBackward0", y.GradFn?.Name ?? "AdaptiveAvgPool2DBackward0");
        TensorAssert.Equal([0.5, 2.0, 3.5], y, precision: 14, shape: [1, 1, 3, 1]);
        var input = GradientCheck.Input([2, 2, 5, 7]);
        var pooled = F.AdaptiveAvgPool2d(input, [3, 4]);
        Assert.Equal("AdaptiveAvgPool2DBackward0", pooled.GradFn!.Name);
        Assert.True(GradCheck.Check(t => F.AdaptiveAvgPool2d(t[0], [3, 4]), [input]).Passed);
        TensorAssert.Equal(input.Detach().Mean([2, 3]).ToArray(), F.AdaptiveAvgPool2d(input, [1]), precision: 14);
    }

    [Theory]
    [InlineData("too small", "Given input size: (3x2x2). Calculated output size: (3x0x0). Output size is too small")]
    [InlineData("padding", "pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1")]
    [InlineData("kernel", "max_pool2d: kernel_size must either be a single int, or a tuple of two ints")]
    [InlineData("rank", "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got: [2, 2]")]
    [InlineData("stride", "stride should be greater than zero, but got dH: 0 dW: 0")]
    public void Bad_arguments_are_refused_with_PyTorch_s_words(string name, string message)
    {
        var x = Tensor.Zeros([1, 3, 2, 2]);
        Action call = name switch
        {
            "too small" => () => F.MaxPool2d(x, [3]),
            "padding" => () => F.AvgPool2d(Tensor.Zeros([1, 1, 8, 8]), [3], padding: [2]),
            "kernel" => () => F.MaxPool2d(x, [1, 1, 1]),
            "rank" => () => F.MaxPool2d(Tensor.Zeros([2, 2]), [1]),
            _ => () => F.MaxPool2d(x, [1], [0]),
        };
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(message, error.Message.Split(" (Parameter")[0]);
    }
}
