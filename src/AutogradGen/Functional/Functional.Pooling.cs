using System.Globalization;
using System.Numerics;
using AutogradGen.Kernels;

namespace AutogradGen;

// Pooling as PyTorch's F.max_pool2d / F.avg_pool2d / F.adaptive_avg_pool2d: ATen's Pool.h arithmetic
// (pooling_output_shape, pool2d_shape_check) and messages, and one node each whose rule is written with Tensor
// operations (scatter_add, fold, matmul), so that createGraph differentiates it again.
public static partial class Functional
{
    /// <summary>
    /// 2-D max pooling (<c>F.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)</c>,
    /// <c>MaxPool2DWithIndicesBackward0</c>) over [N, C, H, W] or [C, H, W]; empty <paramref name="stride"/> is the
    /// kernel size. A NaN in a window wins it, as in PyTorch; the gradient goes to the element that won.
    /// </summary>
    public static Tensor MaxPool2d(Tensor input, ReadOnlySpan<int> kernelSize, ReadOnlySpan<int> stride = default,
        ReadOnlySpan<int> padding = default, ReadOnlySpan<int> dilation = default, bool ceilMode = false) =>
        MaxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode).Output;

    /// <summary>
    /// <see cref="MaxPool2d"/> with the index of each maximum in its input plane (<c>return_indices=True</c>): an Int64
    /// tensor of the output's shape holding <c>row · W + column</c>, as PyTorch's.
    /// </summary>
    public static (Tensor Output, Tensor Indices) MaxPool2dWithIndices(Tensor input, ReadOnlySpan<int> kernelSize,
        ReadOnlySpan<int> stride = default, ReadOnlySpan<int> padding = default, ReadOnlySpan<int> dilation = default, bool ceilMode = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        var window = PoolWindow(input, "max_pool2d", kernelSize, stride, padding, dilation, ceilMode, out int planes, out int[] outputShape);
        var output = Tensor.Adopt(outputShape, input.DType);
        var indices = Tensor.Adopt(outputShape, DType.Int64);
        if (input.DType == DType.Float32) MaxPoolForward(input.Elements<float>(), output.Elements<float>(), indices.Elements<long>(), planes, window);
        else MaxPoolForward(input.Elements<double>(), output.Elements<double>(), indices.Elements<long>(), planes, window);
        if (Autograd.ShouldRecord(input)) new MaxPool2DWithIndicesBackward0(indices, input.SharedShape, planes, window).Attach(output, input);
        return (output, indices);
    }

    /// <summary>
    /// 2-D average pooling (<c>F.avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
    /// count_include_pad=True, divisor_override=None)</c>, <c>AvgPool2DBackward0</c>) over [N, C, H, W] or [C, H, W].
    /// Each window's sum is divided by <paramref name="divisorOverride"/> if given, else by the window's size counting
    /// the zero padding (<paramref name="countIncludePad"/>) or only the input elements it covers.
    /// </summary>
    public static Tensor AvgPool2d(Tensor input, ReadOnlySpan<int> kernelSize, ReadOnlySpan<int> stride = default,
        ReadOnlySpan<int> padding = default, bool ceilMode = false, bool countIncludePad = true, int? divisorOverride = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (divisorOverride == 0) throw new ArgumentException("divisor must be not zero", nameof(divisorOverride));
        var window = PoolWindow(input, "avg_pool2d", kernelSize, stride, padding, [1], ceilMode, out int planes, out int[] outputShape);
        var divisor = Tensor.FromValues(AveragingDivisors(window, countIncludePad, divisorOverride), [window.Positions], input.DType);
        Tensor output;
        using (Autograd.NoGrad())
        {
            var columns = UnfoldRaw(input.ViewRaw([planes, 1, window.InputH, window.InputW]), window);
            output = (columns.Sum(1) / divisor).ViewRaw(outputShape);
        }
        if (Autograd.ShouldRecord(input)) new AvgPool2DBackward0(divisor, input.SharedShape, planes, window).Attach(output, input);
        return output;
    }

    /// <summary>
    /// 2-D adaptive average pooling (<c>F.adaptive_avg_pool2d(input, output_size)</c>,
    /// <c>AdaptiveAvgPool2DBackward0</c>): output cell (i, j) is the mean of rows ⌊i·H/outH⌋ to ⌈(i+1)·H/outH⌉ and the
    /// columns likewise, as PyTorch's start_index/end_index.
    /// </summary>
    public static Tensor AdaptiveAvgPool2d(Tensor input, ReadOnlySpan<int> outputSize)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank is not (3 or 4) || input.ShapeSpan[^2..].Contains(0))
        {
            throw new TensorShapeException($"adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got {Shapes.Format(input.ShapeSpan)}");
        }
        RequireFloatingWindowInput(input, "adaptive_avg_pool2d");
        var size = WindowArgument(outputSize, 2, [], "adaptive_avg_pool2d: output_size must be 2");
        if (size.Length == 0) throw new ArgumentException("adaptive_avg_pool2d: output_size must be 2", nameof(outputSize));
        if (size[0] < 0 || size[1] < 0) throw new ArgumentException($"adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {Shapes.Format(size)}", nameof(outputSize));
        var rows = AdaptiveAveraging(input.Size(-2), size[0], input.DType);
        var columnsT = AdaptiveAveraging(input.Size(-1), size[1], input.DType).T();
        Tensor output;
        using (Autograd.NoGrad()) output = rows.MatMul(input).MatMul(columnsT).DetachedClone();
        if (Autograd.ShouldRecord(input)) new AdaptiveAvgPool2DBackward0(rows, columnsT).Attach(output, input);
        return output;
    }

    /// <summary>The [out, in] matrix whose row i averages input positions start_index(i) to end_index(i).</summary>
    private static Tensor AdaptiveAveraging(int inputSize, int outputSize, DType dtype)
    {
        var values = new double[outputSize * inputSize];
        for (int i = 0; i < outputSize; i++)
        {
            int start = (int)Math.Floor((double)i * inputSize / outputSize);
            int end = (int)Math.Ceiling((double)(i + 1) * inputSize / outputSize);
            for (int j = start; j < end; j++) values[(i * inputSize) + j] = 1.0 / (end - start);
        }
        return Tensor.FromValues(values, [outputSize, inputSize], dtype);
    }

    /// <summary>Checks a pooling call as ATen does and returns its window, the number of planes (N·C) and the output's shape.</summary>
    private static Window2d PoolWindow(Tensor input, string name, ReadOnlySpan<int> kernelSize, ReadOnlySpan<int> stride,
        ReadOnlySpan<int> padding, ReadOnlySpan<int> dilation, bool ceilMode, out int planes, out int[] outputShape)
    {
        var k = WindowArgument(kernelSize, 2, [], $"{name}: kernel_size must either be a single int, or a tuple of two ints");
        if (k.Length == 0) throw new ArgumentException($"{name}: kernel_size must either be a single int, or a tuple of two ints", nameof(kernelSize));
        var s = WindowArgument(stride, 2, k, $"{name}: stride must either be omitted, a single int, or a tuple of two ints");
        var p = WindowArgument(padding, 2, [0, 0], $"{name}: padding must either be a single int, or a tuple of two ints");
        var d = WindowArgument(dilation, 2, [1, 1], $"{name}: dilation must be either a single int, or a tuple of two ints");
        if (input.Rank is not (3 or 4) || input.Numel == 0 && input.ShapeSpan[^3..].Contains(0))
        {
            throw new TensorShapeException($"Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got: {Shapes.Format(input.ShapeSpan)}");
        }
        RequireFloatingWindowInput(input, name);
        if (k[0] <= 0 || k[1] <= 0) throw new ArgumentException($"kernel size should be greater than zero, but got kH: {k[0]} kW: {k[1]}", nameof(kernelSize));
        if (s[0] <= 0 || s[1] <= 0) throw new ArgumentException($"stride should be greater than zero, but got dH: {s[0]} dW: {s[1]}", nameof(stride));
        if (d[0] <= 0 || d[1] <= 0) throw new ArgumentException($"dilation should be greater than zero, but got dilationH: {d[0]} dilationW: {d[1]}", nameof(dilation));
        int channels = input.Size(-3), h = input.Size(-2), w = input.Size(-1);
        int outH = PoolingOutputShape(h, k[0], p[0], s[0], d[0], ceilMode);
        int outW = PoolingOutputShape(w, k[1], p[1], s[1], d[1], ceilMode);
        if (outH < 1 || outW < 1)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Given input size: ({channels}x{h}x{w}). Calculated output size: ({channels}x{outH}x{outW}). Output size is too small"));
        }
        planes = input.Rank == 4 ? input.Size(0) * channels : channels;
        outputShape = input.Rank == 4 ? [input.Size(0), channels, outH, outW] : [channels, outH, outW];
        return new Window2d(k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], h, w, outH, outW);
    }

    /// <summary>ATen's pooling_output_shape: floor (or ceil) division, and in ceil mode the last window must start inside the input or its left padding.</summary>
    private static int PoolingOutputShape(int inputSize, int kernelSize, int pad, int stride, int dilation, bool ceilMode)
    {
        if (pad < 0) throw new ArgumentException($"pad must be non-negative, but got pad: {pad}");
        if (pad > (((kernelSize - 1) * dilation) + 1) / 2)
        {
            throw new ArgumentException($"pad should be at most half of effective kernel size, but got pad={pad}, kernel_size={kernelSize} and dilation={dilation}");
        }
        int numerator = inputSize + (2 * pad) - (dilation * (kernelSize - 1)) - 1 + (ceilMode ? stride - 1 : 0);
        int output = (int)Math.Floor((double)numerator / stride) + 1;
        if (ceilMode && (output - 1) * stride >= inputSize + pad) output--;
        return output;
    }

    /// <summary>avg_pool2d's divide_factor per window position (ATen's CPU kernel).</summary>
    private static double[] AveragingDivisors(in Window2d w, bool countIncludePad, int? divisorOverride)
    {
        var divisors = new double[w.Positions];
        for (int oy = 0; oy < w.OutputH; oy++)
        {
            for (int ox = 0; ox < w.OutputW; ox++)
            {
                int hStart = (oy * w.StrideH) - w.PadH, wStart = (ox * w.StrideW) - w.PadW;
                int hEnd = Math.Min(hStart + w.KernelH, w.InputH + w.PadH), wEnd = Math.Min(wStart + w.KernelW, w.InputW + w.PadW);
                int poolSize = (hEnd - hStart) * (wEnd - wStart);
                hStart = Math.Max(hStart, 0);
                wStart = Math.Max(wStart, 0);
                hEnd = Math.Min(hEnd, w.InputH);
                wEnd = Math.Min(wEnd, w.InputW);
                divisors[(oy * w.OutputW) + ox] = divisorOverride ?? (countIncludePad ? poolSize : (hEnd - hStart) * (wEnd - wStart));
            }
        }
        return divisors;
    }

    /// <summary>The maximum of every window of every plane and its index in the plane (ATen's cpu_max_pool: NaN wins).</summary>
    private static void MaxPoolForward<T>(T[] input, T[] output, long[] indices, int planes, Window2d w)
        where T : unmanaged, INumber<T>
    {
        T negativeInfinity = T.CreateTruncating(double.NegativeInfinity);
        for (int plane = 0; plane < planes; plane++)
        {
            var x = input.AsSpan(plane * w.InputPlane, w.InputPlane);
            int outBase = plane * w.Positions;
            for (int oy = 0; oy < w.OutputH; oy++)
            {
                int hStart = (oy * w.StrideH) - w.PadH;
                int hEnd = Math.Min(hStart + ((w.KernelH - 1) * w.DilationH) + 1, w.InputH);
                while (hStart < 0) hStart += w.DilationH;
                for (int ox = 0; ox < w.OutputW; ox++)
                {
                    int wStart = (ox * w.StrideW) - w.PadW;
                    int wEnd = Math.Min(wStart + ((w.KernelW - 1) * w.DilationW) + 1, w.InputW);
                    while (wStart < 0) wStart += w.DilationW;
                    int maxIndex = (hStart * w.InputW) + wStart;
                    T maxValue = negativeInfinity;
                    for (int iy = hStart; iy < hEnd; iy += w.DilationH)
                    {
                        for (int ix = wStart; ix < wEnd; ix += w.DilationW)
                        {
                            int index = (iy * w.InputW) + ix;
                            T value = x[index];
                            if (value > maxValue || T.IsNaN(value))
                            {
                                maxValue = value;
                                maxIndex = index;
                            }
                        }
                    }
                    output[outBase + (oy * w.OutputW) + ox] = maxValue;
                    indices[outBase + (oy * w.OutputW) + ox] = maxIndex;
                }
            }
        }
    }
}

/// <summary>The backward of max pooling: each output's gradient is added to the input element that won its window (scatter_add over the planes).</summary>
internal sealed class MaxPool2DWithIndicesBackward0(Tensor indices, int[] inputShape, int planes, Window2d window) : Node
{
    internal override Tensor?[] Backward(Tensor grad)
    {
        if (!Autograd.ShouldRecord(grad) && grad.DType.IsFloatingPoint())
        {
            // An ordinary pass: one loop adding each gradient at its winner. createGraph records scatter_add instead.
            var result = Tensor.Empty(inputShape, grad.DType);
            if (grad.DType == DType.Float32) AddAtWinners(grad.Elements<float>(), indices.Elements<long>(), result.Elements<float>());
            else AddAtWinners(grad.Elements<double>(), indices.Elements<long>(), result.Elements<double>());
            return [result];
        }
        var index = indices.ViewRaw([planes, window.Positions]);
        return [Tensor.Zeros([planes, window.InputPlane], dtype: grad.DType).ScatterAdd(1, index, grad.Reshape([planes, window.Positions])).Reshape(inputShape)];
    }

    private void AddAtWinners<T>(T[] grad, long[] winners, T[] result) where T : unmanaged, INumber<T>
    {
        for (int plane = 0; plane < planes; plane++)
        {
            int from = plane * window.Positions, to = plane * window.InputPlane;
            for (int o = 0; o < window.Positions; o++) result[to + (int)winners[from + o]] += grad[from + o];
        }
    }
}

/// <summary>The backward of average pooling: each output's gradient, divided by its divisor, goes to every element of its window (col2im).</summary>
internal sealed class AvgPool2DBackward0(Tensor divisor, int[] inputShape, int planes, Window2d window) : Node
{
    internal override Tensor?[] Backward(Tensor grad)
    {
        var shared = (grad.Reshape([planes, 1, window.Positions]) / divisor).Expand([planes, window.KernelArea, window.Positions]);
        return [Functional.Fold2d(shared, 1, window).Reshape(inputShape)];
    }
}

/// <summary>The backward of adaptive average pooling, the transposed averaging products: d x = Rᵀ · g · C (R, C the row and column averaging matrices).</summary>
internal sealed class AdaptiveAvgPool2DBackward0(Tensor rows, Tensor columnsT) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [rows.T().MatMul(grad).MatMul(columnsT.T())];
}
