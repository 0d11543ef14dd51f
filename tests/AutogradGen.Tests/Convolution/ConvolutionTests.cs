using AutogradGen.Tests.Support;
using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Convolution;

/// <summary>
/// F.conv1d/F.conv2d: values against a direct convolution written here, gradients of input, weight and bias against
/// central differences (GradCheck, float64) over stride/padding/dilation/groups combinations, the recorded node,
/// second order, and PyTorch's messages for bad shapes (worded as ATen's Convolution.cpp words them).
/// </summary>
public class ConvolutionTests
{
    // name → (input shape, weight shape, stride, padding, dilation, groups)
    public static TheoryData<string> Conv2dCases => [.. Conv2dGeometry.Keys];

    private static readonly Dictionary<string, (int[] X, int[] W, int[] S, int[] P, int[] D, int G)> Conv2dGeometry = new()
    {
        ["plain 3x3"] = ([2, 3, 5, 5], [4, 3, 3, 3], [1], [0], [1], 1),
        ["stride 2, padding 1"] = ([1, 2, 6, 5], [3, 2, 3, 3], [2], [1], [1], 1),
        ["rectangular kernel, per-dimension stride and padding"] = ([2, 2, 5, 7], [2, 2, 2, 3], [1, 2], [1, 0], [1], 1),
        ["dilation 2"] = ([1, 2, 7, 6], [2, 2, 3, 2], [1], [1], [2, 1], 1),
        ["groups 2"] = ([2, 4, 4, 4], [6, 2, 3, 3], [1], [1], [1], 2),
        ["depthwise, stride 2, dilation 2"] = ([1, 3, 7, 7], [3, 1, 3, 3], [2], [2], [2], 3),
        ["1x1 kernel"] = ([2, 3, 3, 4], [2, 3, 1, 1], [1], [0], [1], 1),
        ["1x1 kernel, stride 2"] = ([1, 3, 5, 4], [2, 3, 1, 1], [2], [0], [1], 1),
        // Columns read padding at both ends of a row for some kernel offsets and not for others (im2col's run bounds).
        ["width stride 3, padding 2, dilation 2"] = ([1, 2, 5, 11], [2, 2, 2, 3], [1, 3], [0, 2], [1, 2], 1),
    };

    private static Tensor[] Inputs((int[] X, int[] W, int[] S, int[] P, int[] D, int G) c) =>
    [
        GradientCheck.Input(c.X, offset: 0.1),
        GradientCheck.Input(c.W, offset: -0.2, scale: 0.7),
        GradientCheck.Input([c.W[0]], offset: 0.3, scale: 0.5),
    ];

    [Theory]
    [MemberData(nameof(Conv2dCases))]
    public void Conv2d_matches_a_direct_convolution(string name)
    {
        var c = Conv2dGeometry[name];
        var x = Inputs(c);
        var y = F.Conv2d(x[0], x[1], x[2], c.S, c.P, c.D, c.G);
        (int, int) Pair(int[] v) => v.Length == 1 ? (v[0], v[0]) : (v[0], v[1]);
        var expected = ConvolutionReference.Conv2d(x[0].ToArray(), c.X, x[1].ToArray(), c.W, x[2].ToArray(), Pair(c.S), Pair(c.P), Pair(c.D), c.G, out int oh, out int ow);
        TensorAssert.Equal(expected, y, precision: 12, shape: [c.X[0], c.W[0], oh, ow]);
        Assert.Equal("ConvolutionBackward0", y.GradFn!.Name);
    }

    [Theory]
    [MemberData(nameof(Conv2dCases))]
    public void Conv2d_gradients_of_input_weight_and_bias_match_central_differences(string name)
    {
        var c = Conv2dGeometry[name];
        var result = GradCheck.Check(x => F.Conv2d(x[0], x[1], x[2], c.S, c.P, c.D, c.G), Inputs(c));
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void Float32_gives_the_float64_values_to_single_precision()
    {
        var c = Conv2dGeometry["groups 2"];
        var x = Inputs(c);
        var expected = F.Conv2d(x[0], x[1], x[2], c.S, c.P, c.D, c.G).ToArray();
        var single = F.Conv2d(x[0].Float(), x[1].Float(), x[2].Float(), c.S, c.P, c.D, c.G);
        Assert.Equal(DType.Float32, single.DType);
        var values = single.ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - values[i]) < 1e-5, $"{i}: {expected[i]} against {values[i]}");
    }

    [Fact]
    public void Conv2d_without_bias_and_unbatched_input()
    {
        var x = GradientCheck.Input([2, 4, 5]);
        var w = GradientCheck.Input([3, 2, 2, 2], offset: -0.1);
        var y = F.Conv2d(x, w, padding: [1]);
        Assert.Equal([3, 5, 6], y.Shape);
        var batched = F.Conv2d(x.Detach().Unsqueeze(0), w.Detach(), padding: [1]);
        TensorAssert.Equal(batched.ToArray(), y, precision: 14);
        var result = GradCheck.Check(t => F.Conv2d(t[0], t[1], padding: [1]), [x, w]);
        Assert.True(result.Passed, result.ToString());
    }

    [Theory]
    [InlineData(1, 0, 1, 1)]
    [InlineData(2, 1, 1, 1)]
    [InlineData(1, 2, 2, 1)]
    [InlineData(3, 1, 1, 2)]
    public void Conv1d_matches_the_direct_convolution_and_central_differences(int stride, int padding, int dilation, int groups)
    {
        var x = GradientCheck.Input([2, 4, 9]);
        var w = GradientCheck.Input([4, 4 / groups, 3], offset: -0.2, scale: 0.8);
        var b = GradientCheck.Input([4], offset: 0.1);
        var y = F.Conv1d(x, w, b, [stride], [padding], [dilation], groups);
        var expected = ConvolutionReference.Conv2d(x.ToArray(), [2, 4, 1, 9], w.ToArray(), [4, 4 / groups, 1, 3], b.ToArray(), (1, stride), (0, padding), (1, dilation), groups, out _, out int length);
        TensorAssert.Equal(expected, y, precision: 12, shape: [2, 4, length]);
        Assert.Equal("ConvolutionBackward0", y.GradFn!.Name);
        var result = GradCheck.Check(t => F.Conv1d(t[0], t[1], t[2], [stride], [padding], [dilation], groups), [x, w, b]);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void The_backward_rule_differentiates_again_under_createGraph()
    {
        var c = Conv2dGeometry["groups 2"];
        var result = GradGradCheck.Check(x => F.Conv2d(x[0], x[1], x[2], c.S, c.P, c.D, c.G), Inputs(c));
        Assert.True(result.Passed, result.ToString());
    }

    [Theory]
    [MemberData(nameof(Conv2dCases))]
    public void The_direct_backward_kernels_agree_with_the_recorded_composite_rule(string name)
    {
        // An ordinary pass runs the Gemm/col2im kernels; createGraph records the composite rule (unfold, fold, matmul).
        var c = Conv2dGeometry[name];
        var x = Inputs(c);
        var output = F.Conv2d(x[0], x[1], x[2], c.S, c.P, c.D, c.G);
        var seed = GradientCheck.Input(output.Shape.ToArray(), offset: -0.4);
        var direct = Autograd.Grad([output], x, [seed.Detach()], retainGraph: true);
        var composite = Autograd.Grad([output], x, [seed], createGraph: true);
        for (int i = 0; i < 3; i++)
        {
            Assert.NotNull(composite[i]!.GradFn);
            Assert.Null(direct[i]!.GradFn);
            TensorAssert.Equal(composite[i]!.ToArray(), direct[i], precision: 12);
        }
    }

    [Fact]
    public void Only_the_inputs_that_require_grad_get_one()
    {
        var x = GradientCheck.Input([1, 2, 4, 4]);
        var w = Tensor.Ones([3, 2, 3, 3], dtype: DType.Float64);
        F.Conv2d(x, w, padding: [1]).Sum().Backward();
        Assert.NotNull(x.Grad);
        Assert.Null(w.Grad);
        // d/dx of Σ conv(x, ones) with padding 1: each pixel counts the 3 output channels times the windows covering it.
        Assert.Equal(3 * 4.0, x.Grad!.ToArray()[0]);
        Assert.Equal(3 * 9.0, x.Grad!.ToArray()[5]);
    }

    [Theory]
    [InlineData("channels", "Given groups=1, weight of size [2, 3, 3, 3], expected input[1, 4, 5, 5] to have 3 channels, but got 4 channels instead")]
    [InlineData("channels unbatched", "Given groups=1, weight of size [2, 3, 3, 3], expected input[1, 4, 5, 5] to have 3 channels, but got 4 channels instead")]
    [InlineData("groups", "Given groups=2, weight of size [4, 3, 3, 3], expected input[1, 4, 5, 5] to have 6 channels, but got 4 channels instead")]
    [InlineData("kernel too large", "Calculated padded input size per channel: (5 x 5). Kernel size: (7 x 7). Kernel size can't be greater than actual input size")]
    [InlineData("weight rank", "Expected 3-dimensional input for 3-dimensional weight [2, 4, 3], but got 4-dimensional input of size [1, 4, 5, 5] instead")]
    [InlineData("input rank", "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [4, 5]")]
    [InlineData("bias", "Given weight of size [2, 4, 3, 3], expected bias to be 1-dimensional with 2 elements, but got bias of size [3] instead")]
    [InlineData("stride", "non-positive stride is not supported")]
    [InlineData("stride length", "expected stride to be a single integer value or a list of 2 values to match the convolution dimensions, but got stride=[1, 1, 1]")]
    public void Bad_shapes_are_refused_with_PyTorch_s_words(string name, string message)
    {
        var x = Tensor.Zeros([1, 4, 5, 5], dtype: DType.Float64);
        Action call = name switch
        {
            "channels" => () => F.Conv2d(x, Tensor.Zeros([2, 3, 3, 3], dtype: DType.Float64)),
            "channels unbatched" => () => F.Conv2d(Tensor.Zeros([4, 5, 5], dtype: DType.Float64), Tensor.Zeros([2, 3, 3, 3], dtype: DType.Float64)),
            "groups" => () => F.Conv2d(x, Tensor.Zeros([4, 3, 3, 3], dtype: DType.Float64), groups: 2),
            "kernel too large" => () => F.Conv2d(x, Tensor.Zeros([2, 4, 4, 4], dtype: DType.Float64), dilation: [2]),
            "weight rank" => () => F.Conv2d(x, Tensor.Zeros([2, 4, 3], dtype: DType.Float64)),
            "input rank" => () => F.Conv2d(Tensor.Zeros([4, 5], dtype: DType.Float64), Tensor.Zeros([2, 4, 3, 3], dtype: DType.Float64)),
            "bias" => () => F.Conv2d(x, Tensor.Zeros([2, 4, 3, 3], dtype: DType.Float64), Tensor.Zeros([3], dtype: DType.Float64)),
            "stride" => () => F.Conv2d(x, Tensor.Zeros([2, 4, 3, 3], dtype: DType.Float64), stride: [0]),
            _ => () => F.Conv2d(x, Tensor.Zeros([2, 4, 3, 3], dtype: DType.Float64), stride: [1, 1, 1]),
        };
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(message, error.Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public void Groups_must_divide_the_output_channels()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => F.Conv2d(Tensor.Zeros([1, 4, 5, 5]), Tensor.Zeros([3, 2, 3, 3]), groups: 2));
        Assert.Equal("Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [3, 2, 3, 3] instead", error.Message);
    }

    [Fact]
    public void Mixed_dtypes_and_integer_inputs_are_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => F.Conv2d(Tensor.Zeros([1, 1, 3, 3]), Tensor.Zeros([1, 1, 2, 2], dtype: DType.Float64)));
        Assert.ThrowsAny<ArgumentException>(() => F.Conv2d(Tensor.Zeros([1, 1, 3, 3], dtype: DType.Int64), Tensor.Zeros([1, 1, 2, 2], dtype: DType.Int64)));
    }

    [Fact]
    public void Unfold_and_fold_are_adjoint_and_differentiable()
    {
        var x = GradientCheck.Input([2, 2, 4, 5]);
        var columns = F.Unfold(x, [2, 3], dilation: [1], padding: [1], stride: [2, 1]);
        Assert.Equal("Im2ColBackward0", columns.GradFn!.Name);
        var u = GradientCheck.Input(columns.Shape.ToArray(), offset: -0.3);
        // ⟨unfold(x), u⟩ = ⟨x, fold(u)⟩
        var folded = F.Fold(u, [4, 5], [2, 3], padding: [1], stride: [2, 1]);
        Assert.Equal("Col2ImBackward0", folded.GradFn!.Name);
        Assert.Equal((columns.Detach() * u.Detach()).Sum().Item(), (x.Detach() * folded.Detach()).Sum().Item(), 12);
        Assert.True(GradCheck.Check(t => F.Unfold(t[0], [2, 3], padding: [1], stride: [2, 1]), [x]).Passed);
        Assert.True(GradCheck.Check(t => F.Fold(t[0], [4, 5], [2, 3], padding: [1], stride: [2, 1]), [u]).Passed);
    }

    [Fact]
    public void Unfold_and_fold_with_a_width_stride_above_one_and_padding_stay_adjoint()
    {
        // Stride 2 across a width of 7 with padding 2: the first and last output columns of some kernel offsets read
        // padding, so im2col copies a shorter run of each row than the row has columns.
        var x = GradientCheck.Input([1, 2, 3, 7]);
        var columns = F.Unfold(x, [2, 3], dilation: [1, 2], padding: [1, 2], stride: [1, 2]);
        var u = GradientCheck.Input(columns.Shape.ToArray(), offset: -0.3);
        var folded = F.Fold(u, [3, 7], [2, 3], dilation: [1, 2], padding: [1, 2], stride: [1, 2]);
        Assert.Equal((columns.Detach() * u.Detach()).Sum().Item(), (x.Detach() * folded.Detach()).Sum().Item(), 12);
        Assert.True(GradCheck.Check(t => F.Unfold(t[0], [2, 3], dilation: [1, 2], padding: [1, 2], stride: [1, 2]), [x]).Passed);
    }

    [Fact]
    public void Conv2d_is_unfold_then_a_matrix_product()
    {
        var x = GradientCheck.Input([2, 3, 5, 5]);
        var w = GradientCheck.Input([4, 3, 3, 3], offset: -0.1);
        var viaUnfold = w.Detach().Reshape([4, -1]).MatMul(F.Unfold(x.Detach(), [3], padding: [1])).Reshape([2, 4, 5, 5]);
        TensorAssert.Equal(viaUnfold.ToArray(), F.Conv2d(x, w, padding: [1]), precision: 12);
    }
}
