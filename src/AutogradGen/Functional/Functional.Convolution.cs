using System.Buffers;
using System.Globalization;
using System.Numerics;
using AutogradGen.Kernels;

namespace AutogradGen;

// Convolutions as PyTorch's F.conv1d/F.conv2d: the checks and messages of ATen's Convolution.cpp (check_shape_forward),
// the forward by im2col and the blocked Gemm (one product per image and group), and one ConvolutionBackward0 whose
// rule is written with Tensor operations (unfold, fold, matmul), so that createGraph differentiates it again.
public static partial class Functional
{
    /// <summary>
    /// 1-D convolution (<c>F.conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)</c>,
    /// <c>ConvolutionBackward0</c>): input [N, C_in, L] or [C_in, L], weight [C_out, C_in/groups, k], bias [C_out].
    /// Each size is one value (empty: PyTorch's default). Float32 or Float64.
    /// </summary>
    public static Tensor Conv1d(Tensor input, Tensor weight, Tensor? bias = null, ReadOnlySpan<int> stride = default,
        ReadOnlySpan<int> padding = default, ReadOnlySpan<int> dilation = default, int groups = 1) =>
        Convolution(input, weight, bias, stride, padding, dilation, groups, 1, "conv1d");

    /// <summary>
    /// 2-D convolution (<c>F.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)</c>,
    /// <c>ConvolutionBackward0</c>): input [N, C_in, H, W] or [C_in, H, W], weight [C_out, C_in/groups, kH, kW], bias
    /// [C_out]. Each size is one value for both dimensions or two (empty: PyTorch's default). Float32 or Float64.
    /// </summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, ReadOnlySpan<int> stride = default,
        ReadOnlySpan<int> padding = default, ReadOnlySpan<int> dilation = default, int groups = 1) =>
        Convolution(input, weight, bias, stride, padding, dilation, groups, 2, "conv2d");

    private static Tensor Convolution(Tensor input, Tensor weight, Tensor? bias, ReadOnlySpan<int> strideArgument,
        ReadOnlySpan<int> paddingArgument, ReadOnlySpan<int> dilationArgument, int groups, int spatial, string name)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (input.Rank != spatial + 1 && input.Rank != spatial + 2)
        {
            throw new TensorShapeException($"Expected {spatial + 1}D (unbatched) or {spatial + 2}D (batched) input to {name}, but got input of size: {Shapes.Format(input.ShapeSpan)}");
        }
        bool batched = input.Rank == spatial + 2;
        int[] inputShape = batched ? input.SharedShape : [1, .. input.SharedShape];
        var ones = Enumerable.Repeat(1, spatial).ToArray();
        var stride = WindowArgument(strideArgument, spatial, ones, ConvolutionArgumentMessage("stride", strideArgument, spatial));
        var padding = WindowArgument(paddingArgument, spatial, new int[spatial], ConvolutionArgumentMessage("padding", paddingArgument, spatial));
        var dilation = WindowArgument(dilationArgument, spatial, ones, ConvolutionArgumentMessage("dilation", dilationArgument, spatial));
        if (stride.Any(static s => s <= 0)) throw new ArgumentException("non-positive stride is not supported", nameof(strideArgument));
        if (padding.Any(static p => p < 0)) throw new ArgumentException("negative padding is not supported", nameof(paddingArgument));
        if (dilation.Any(static d => d <= 0)) throw new ArgumentException("dilation should be greater than zero", nameof(dilationArgument));
        if (groups <= 0) throw new ArgumentException("non-positive groups is not supported", nameof(groups));

        var weightShape = weight.SharedShape;
        string weightText = Shapes.Format(weightShape), inputText = Shapes.Format(inputShape);
        if (weight.Rank != inputShape.Length)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Expected {weight.Rank}-dimensional input for {weight.Rank}-dimensional weight {weightText}, but got {inputShape.Length}-dimensional input of size {inputText} instead"));
        }
        RequireFloatingWindowInput(input, $"slow_conv{spatial}d_cpu");
        if (weight.DType != input.DType || (bias is not null && bias.DType != input.DType))
        {
            var other = weight.DType != input.DType ? ("weight", weight.DType) : ("bias", bias!.DType);
            throw new ArgumentException($"Input type ({input.DType.ScalarTypeName()}) and {other.Item1} type ({other.Item2.ScalarTypeName()}) should be the same: convert one with .To(...)");
        }
        int outChannels = weightShape[0], channels = inputShape[1];
        if (outChannels < groups)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Given groups={groups}, expected weight to be at least {groups} at dimension 0, but got weight of size {weightText} instead"));
        }
        if (outChannels % groups != 0)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got weight of size {weightText} instead"));
        }
        if (channels != weightShape[1] * groups)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Given groups={groups}, weight of size {weightText}, expected input{inputText} to have {weightShape[1] * groups} channels, but got {channels} channels instead"));
        }
        if (bias is not null && (bias.Rank != 1 || bias.Size(0) != outChannels))
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Given weight of size {weightText}, expected bias to be 1-dimensional with {outChannels} elements, but got bias of size {Shapes.Format(bias.ShapeSpan)} instead"));
        }
        var padded = new int[spatial];
        var dilatedKernel = new int[spatial];
        for (int i = 0; i < spatial; i++)
        {
            padded[i] = inputShape[2 + i] + (2 * padding[i]);
            dilatedKernel[i] = (dilation[i] * (weightShape[2 + i] - 1)) + 1;
        }
        if (Enumerable.Range(0, spatial).Any(i => padded[i] < dilatedKernel[i]))
        {
            throw new TensorShapeException(
                $"Calculated padded input size per channel: ({string.Join(" x ", padded)}). Kernel size: ({string.Join(" x ", dilatedKernel)}). Kernel size can't be greater than actual input size");
        }
        var outSpatial = new int[spatial];
        for (int i = 0; i < spatial; i++) outSpatial[i] = ((padded[i] - dilatedKernel[i]) / stride[i]) + 1;

        // 1-D is 2-D with a height of 1.
        var window = spatial == 1
            ? new Window2d(1, weightShape[2], 1, stride[0], 0, padding[0], 1, dilation[0], 1, inputShape[2], 1, outSpatial[0])
            : new Window2d(weightShape[2], weightShape[3], stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1],
                inputShape[2], inputShape[3], outSpatial[0], outSpatial[1]);
        int batch = inputShape[0];
        int[] resultShape = batched ? [batch, outChannels, .. outSpatial] : [outChannels, .. outSpatial];
        var result = Tensor.Adopt(resultShape, input.DType);
        if (input.DType == DType.Float32)
        {
            ConvolutionForward(input.Elements<float>(), weight.Elements<float>(), bias?.Elements<float>(), result.Elements<float>(), batch, channels, outChannels, groups, window);
        }
        else
        {
            ConvolutionForward(input.Elements<double>(), weight.Elements<double>(), bias?.Elements<double>(), result.Elements<double>(), batch, channels, outChannels, groups, window);
        }
        if (Autograd.ShouldRecord(input, weight) || (bias is not null && Autograd.ShouldRecord(bias)))
        {
            new ConvolutionBackward0(input, weight, window, groups, batch, channels, outChannels).Attach(result, input, weight, bias);
        }
        return result;
    }

    private static string ConvolutionArgumentMessage(string name, ReadOnlySpan<int> values, int spatial) =>
        $"expected {name} to be a single integer value or a list of {spatial} values to match the convolution dimensions, but got {name}={Shapes.Format(values)}";

    /// <summary>y[n, g·C_out/g + o, ·] = W_g · im2col(x[n])_g (+ b): one Gemm per image and group, the columns in pooled scratch.</summary>
    private static void ConvolutionForward<T>(T[] x, T[] w, T[]? b, T[] y, int batch, int channels, int outChannels, int groups, Window2d window)
        where T : unmanaged, INumber<T>
    {
        int positions = window.Positions, outPerGroup = outChannels / groups;
        int depth = channels / groups * window.KernelArea;
        int image = channels * window.InputPlane, columnsLength = channels * window.KernelArea * positions;
        var scratch = window.IsIdentity ? null : ArrayPool<T>.Shared.Rent(columnsLength);
        try
        {
            for (int n = 0; n < batch; n++)
            {
                ReadOnlySpan<T> columns;
                if (scratch is null)
                {
                    columns = x.AsSpan(n * image, image);
                }
                else
                {
                    Im2Col.Unfold<T>(x.AsSpan(n * image, image), channels, window, scratch.AsSpan(0, columnsLength));
                    columns = scratch.AsSpan(0, columnsLength);
                }
                for (int g = 0; g < groups; g++)
                {
                    LinearAlgebra.MatMul<T>(w.AsSpan(g * outPerGroup * depth, outPerGroup * depth), columns.Slice(g * depth * positions, depth * positions),
                        y.AsSpan(((n * outChannels) + (g * outPerGroup)) * positions, outPerGroup * positions), outPerGroup, depth, positions);
                }
                if (b is null) continue;
                for (int o = 0; o < outChannels; o++)
                {
                    var row = y.AsSpan(((n * outChannels) + o) * positions, positions);
                    for (int i = 0; i < row.Length; i++) row[i] += b[o];
                }
            }
        }
        finally
        {
            if (scratch is not null) ArrayPool<T>.Shared.Return(scratch);
        }
    }
}

/// <summary>
/// The backward of a convolution (PyTorch's <c>ConvolutionBackward0</c>), per group g with columns X = im2col(x):
/// d x = col2im(W_gᵀ · g), d W_g = Σ_n g_n · X_nᵀ, d b = Σ g over the batch and positions. Tensor operations, so
/// createGraph records them.
/// </summary>
internal sealed class ConvolutionBackward0 : Node
{
    private readonly SavedTensor? _input;
    private readonly SavedTensor? _weight;
    private readonly Window2d _window;
    private readonly int _groups, _batch, _channels, _outChannels;
    private readonly int[] _inputShape, _weightShape;

    public ConvolutionBackward0(Tensor input, Tensor weight, Window2d window, int groups, int batch, int channels, int outChannels)
    {
        if (weight.RequiresGrad) _input = Save(input);
        if (input.RequiresGrad) _weight = Save(weight);
        _window = window;
        _groups = groups;
        _batch = batch;
        _channels = channels;
        _outChannels = outChannels;
        _inputShape = input.SharedShape;
        _weightShape = weight.SharedShape;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        // An ordinary pass (nothing recorded) runs the kernels directly; createGraph records the composite rule.
        var input = _input?.Value;
        var weight = _weight?.Value;
        if (!Autograd.ShouldRecord(grad) && (input is null || !Autograd.ShouldRecord(input)) && (weight is null || !Autograd.ShouldRecord(weight))
            && grad.DType.IsFloatingPoint() && Gemm.IsAccelerated<float>())
        {
            return grad.DType == DType.Float32 ? Direct<float>(grad, input, weight) : Direct<double>(grad, input, weight);
        }
        return Composite(grad, input, weight);
    }

    /// <summary>Per image: d columns = W_gᵀ · g (Gemm) folded back by col2im; d W_g += g · im2col(x)_gᵀ (Gemm, accumulating); d b the row sums.</summary>
    private Tensor?[] Direct<T>(Tensor grad, Tensor? input, Tensor? weight)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        int positions = _window.Positions, outPerGroup = _outChannels / _groups;
        int depth = _channels / _groups * _window.KernelArea;
        int image = _channels * _window.InputPlane, columnsLength = _channels * _window.KernelArea * positions, outImage = _outChannels * positions;
        var g = grad.Elements<T>();
        Tensor? gradInput = NeedsInputGrad(0) ? Tensor.Empty(_inputShape, grad.DType) : null;
        Tensor? gradWeight = NeedsInputGrad(1) ? Tensor.Empty(_weightShape, grad.DType) : null;
        Tensor? gradBias = NeedsInputGrad(2) ? Tensor.Empty([_outChannels], grad.DType) : null;
        var w = weight?.Elements<T>();
        var x = gradWeight is null ? null : input!.Elements<T>();
        var dx = gradInput?.Elements<T>();
        var dw = gradWeight?.Elements<T>();
        var db = gradBias?.Elements<T>();
        var scratch = System.Buffers.ArrayPool<T>.Shared.Rent(columnsLength);
        try
        {
            var columns = scratch.AsSpan(0, columnsLength);
            for (int n = 0; n < _batch; n++)
            {
                var gn = g.AsSpan(n * outImage, outImage);
                if (dx is not null)
                {
                    for (int group = 0; group < _groups; group++)
                    {
                        Gemm.Multiply<T>(w.AsSpan(group * outPerGroup * depth, outPerGroup * depth), true, gn.Slice(group * outPerGroup * positions, outPerGroup * positions), false,
                            columns.Slice(group * depth * positions, depth * positions), depth, outPerGroup, positions);
                    }
                    Im2Col.FoldAdd<T>(columns, _channels, _window, dx.AsSpan(n * image, image));
                }
                if (dw is not null)
                {
                    Im2Col.Unfold<T>(x.AsSpan(n * image, image), _channels, _window, columns);
                    for (int group = 0; group < _groups; group++)
                    {
                        Gemm.Multiply<T>(gn.Slice(group * outPerGroup * positions, outPerGroup * positions), false, columns.Slice(group * depth * positions, depth * positions), true,
                            dw.AsSpan(group * outPerGroup * depth, outPerGroup * depth), outPerGroup, positions, depth, accumulate: n > 0);
                    }
                }
                if (db is not null)
                {
                    for (int o = 0; o < _outChannels; o++)
                    {
                        T sum = T.Zero;
                        foreach (var v in gn.Slice(o * positions, positions)) sum += v;
                        db[o] += sum;
                    }
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<T>.Shared.Return(scratch);
        }
        return [gradInput, gradWeight, gradBias];
    }

    private Tensor?[] Composite(Tensor grad, Tensor? input, Tensor? weight)
    {
        int positions = _window.Positions, outPerGroup = _outChannels / _groups;
        int depth = _channels / _groups * _window.KernelArea;
        var perGroup = grad.Reshape([_batch, _groups, outPerGroup, positions]);
        Tensor? gradInput = null, gradWeight = null, gradBias = null;
        if (NeedsInputGrad(0))
        {
            var weightT = weight!.Reshape([_groups, outPerGroup, depth]).Transpose(1, 2);
            var columns = weightT.MatMul(perGroup).Reshape([_batch, _channels * _window.KernelArea, positions]);
            gradInput = Functional.Fold2d(columns, _channels, _window).Reshape(_inputShape);
        }
        if (NeedsInputGrad(1))
        {
            var image = input!.Reshape([_batch, _channels, _window.InputH, _window.InputW]);
            var columns = Functional.Unfold2d(image, _window).Reshape([_batch, _groups, depth, positions]);
            gradWeight = perGroup.MatMul(columns.Transpose(2, 3)).Sum(0).Reshape(_weightShape);
        }
        if (NeedsInputGrad(2)) gradBias = perGroup.Sum([0, 3]).Reshape([_outChannels]);
        return [gradInput, gradWeight, gradBias];
    }
}
