using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

public static partial class Functional
{
    /// <summary>
    /// The sliding blocks of a batch of images as columns (<c>F.unfold(input, kernel_size, dilation=1, padding=0,
    /// stride=1)</c>, im2col, <c>Im2ColBackward0</c>): [N, C, H, W] (or [C, H, W]) becomes [N, C·kH·kW, L], L the number
    /// of window positions; each size is one value for both dimensions or two (empty: PyTorch's default).
    /// </summary>
    public static Tensor Unfold(Tensor input, ReadOnlySpan<int> kernelSize, ReadOnlySpan<int> dilation = default,
        ReadOnlySpan<int> padding = default, ReadOnlySpan<int> stride = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank is not (3 or 4) || input.Numel == 0)
        {
            throw new TensorShapeException($"Expected 3D or 4D (batch mode) tensor for input with possible 0 batch size and non-zero dimensions for input, but got: {Shapes.Format(input.ShapeSpan)}");
        }
        RequireFloatingWindowInput(input, "im2col");
        var (k, d, p, s) = BlockArguments(kernelSize, dilation, padding, stride, "im2col");
        int h = input.Size(-2), wIn = input.Size(-1);
        int outH = ((h + (2 * p[0]) - (d[0] * (k[0] - 1)) - 1) / s[0]) + 1;
        int outW = ((wIn + (2 * p[1]) - (d[1] * (k[1] - 1)) - 1) / s[1]) + 1;
        if (h + (2 * p[0]) - (d[0] * (k[0] - 1)) - 1 < 0 || wIn + (2 * p[1]) - (d[1] * (k[1] - 1)) - 1 < 0 || outH < 1 || outW < 1)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Given input with spatial size ({h}, {wIn}), kernel_size={Tuple(k)}, dilation={Tuple(d)}, padding={Tuple(p)}, calculated shape of the array of sliding blocks as ({outH}, {outW}), but its components must be at least one."));
        }
        var window = new Window2d(k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], h, wIn, outH, outW);
        bool batched = input.Rank == 4;
        Tensor image;
        using (Autograd.NoGrad()) image = batched ? input : input.Unsqueeze(0);
        var result = UnfoldRaw(image, window);
        if (!batched) result = result.ViewRaw([result.Size(1), result.Size(2)]);
        if (Autograd.ShouldRecord(input)) new Im2ColBackward0(window, input.SharedShape).Attach(result, input);
        return result;
    }

    /// <summary>
    /// Sums columns of sliding blocks back into images (<c>F.fold(input, output_size, kernel_size, dilation=1,
    /// padding=0, stride=1)</c>, col2im, <c>Col2ImBackward0</c>), the adjoint of <see cref="Unfold"/>: [N, C·kH·kW, L]
    /// (or [C·kH·kW, L]) becomes [N, C, outputSize[0], outputSize[1]]; overlapping entries are added.
    /// </summary>
    public static Tensor Fold(Tensor input, ReadOnlySpan<int> outputSize, ReadOnlySpan<int> kernelSize,
        ReadOnlySpan<int> dilation = default, ReadOnlySpan<int> padding = default, ReadOnlySpan<int> stride = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank is not (2 or 3) || input.Numel == 0)
        {
            throw new TensorShapeException($"Expected 2D or 3D (batch mode) tensor for input with possible 0 batch size and non-zero dimensions for input, but got: {Shapes.Format(input.ShapeSpan)}");
        }
        RequireFloatingWindowInput(input, "col2im");
        var o = WindowArgument(outputSize, 2, [], "col2im: output_size must either be a single int, or a tuple of two ints");
        if (o.Length == 0) throw new ArgumentException("col2im: output_size must either be a single int, or a tuple of two ints", nameof(outputSize));
        var (k, d, p, s) = BlockArguments(kernelSize, dilation, padding, stride, "col2im");
        int rows = input.Size(-2), length = input.Size(-1);
        int area = k[0] * k[1];
        if (rows % area != 0)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)={rows} and kernel_size={Tuple(k)}"));
        }
        int blocksH = ((o[0] + (2 * p[0]) - (d[0] * (k[0] - 1)) - 1) / s[0]) + 1;
        int blocksW = ((o[1] + (2 * p[1]) - (d[1] * (k[1] - 1)) - 1) / s[1]) + 1;
        if (blocksH < 1 || blocksW < 1 || o[0] + (2 * p[0]) - (d[0] * (k[0] - 1)) - 1 < 0 || o[1] + (2 * p[1]) - (d[1] * (k[1] - 1)) - 1 < 0)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Given output_size={Tuple(o)}, kernel_size={Tuple(k)}, dilation={Tuple(d)}, padding={Tuple(p)}, stride={Tuple(s)}, calculated shape of the array of sliding blocks as ({blocksH}, {blocksW}), which is too small (non-positive)"));
        }
        if (blocksH * blocksW != length)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Given output_size={Tuple(o)}, kernel_size={Tuple(k)}, dilation={Tuple(d)}, padding={Tuple(p)}, stride={Tuple(s)}, expected size of input's dimension 2 to match the calculated number of sliding blocks {blocksH} * {blocksW} = {blocksH * blocksW}, but got input.size(2)={length}."));
        }
        var window = new Window2d(k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], o[0], o[1], blocksH, blocksW);
        bool batched = input.Rank == 3;
        Tensor columns;
        using (Autograd.NoGrad()) columns = batched ? input : input.Unsqueeze(0);
        var result = FoldRaw(columns, rows / area, window);
        if (!batched) result = result.ViewRaw([result.Size(1), result.Size(2), result.Size(3)]);
        if (Autograd.ShouldRecord(input)) new Col2ImBackward0(window, input.SharedShape).Attach(result, input);
        return result;
    }

    /// <summary>im2col of a [N, C, H, W] tensor with <paramref name="window"/>, recorded as <c>Im2ColBackward0</c> (the convolution's and pooling's backward rules use it, so they differentiate again).</summary>
    internal static Tensor Unfold2d(Tensor input, in Window2d window)
    {
        var result = UnfoldRaw(input, window);
        if (Autograd.ShouldRecord(input)) new Im2ColBackward0(window, input.SharedShape).Attach(result, input);
        return result;
    }

    /// <summary>col2im of a [N, C·kH·kW, L] tensor into [N, C, H, W], recorded as <c>Col2ImBackward0</c>.</summary>
    internal static Tensor Fold2d(Tensor columns, int channels, in Window2d window)
    {
        var result = FoldRaw(columns, channels, window);
        if (Autograd.ShouldRecord(columns)) new Col2ImBackward0(window, columns.SharedShape).Attach(result, columns);
        return result;
    }

    private static (int[] Kernel, int[] Dilation, int[] Padding, int[] Stride) BlockArguments(ReadOnlySpan<int> kernelSize,
        ReadOnlySpan<int> dilation, ReadOnlySpan<int> padding, ReadOnlySpan<int> stride, string name)
    {
        var k = WindowArgument(kernelSize, 2, [], $"{name}: kernel_size must either be a single int, or a tuple of two ints");
        if (k.Length == 0) throw new ArgumentException($"{name}: kernel_size must either be a single int, or a tuple of two ints", nameof(kernelSize));
        var d = WindowArgument(dilation, 2, [1, 1], $"{name}: dilation must either be a single int, or a tuple of two ints");
        var p = WindowArgument(padding, 2, [0, 0], $"{name}: padding must either be a single int, or a tuple of two ints");
        var s = WindowArgument(stride, 2, [1, 1], $"{name}: stride must either be a single int, or a tuple of two ints");
        if (k[0] <= 0 || k[1] <= 0) throw new ArgumentException($"kernel size should be greater than zero, but got kernel_height: {k[0]} kernel_width: {k[1]}");
        if (d[0] <= 0 || d[1] <= 0) throw new ArgumentException($"dilation should be greater than zero, but got dilation_height: {d[0]} dilation_width: {d[1]}");
        if (p[0] < 0 || p[1] < 0) throw new ArgumentException($"padding should be non-negative, but got pad_height: {p[0]} pad_width: {p[1]}");
        if (s[0] <= 0 || s[1] <= 0) throw new ArgumentException($"stride should be greater than zero, but got stride_height: {s[0]} stride_width: {s[1]}");
        return (k, d, p, s);
    }
}

/// <summary>The backward of im2col: every column entry goes back to the input element it was read from (col2im).</summary>
internal sealed class Im2ColBackward0(Window2d window, int[] inputShape) : Node
{
    internal override Tensor?[] Backward(Tensor grad)
    {
        bool batched = inputShape.Length == 4;
        int channels = inputShape[batched ? 1 : 0];
        var columns = batched ? grad : grad.Unsqueeze(0);
        var image = Functional.Fold2d(columns, channels, window);
        return [batched ? image : image.Squeeze(0)];
    }
}

/// <summary>The backward of col2im: each column entry received the image element it was added into (im2col).</summary>
internal sealed class Col2ImBackward0(Window2d window, int[] inputShape) : Node
{
    internal override Tensor?[] Backward(Tensor grad)
    {
        bool batched = inputShape.Length == 3;
        var image = batched ? grad : grad.Unsqueeze(0);
        var columns = Functional.Unfold2d(image, window);
        return [batched ? columns : columns.Squeeze(0)];
    }
}
