using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

// The int-or-tuple arguments of the windowed operations (convolution, unfold/fold, pooling) and the loops that run
// a window kernel over every image of a batch in the tensor's floating type.
public static partial class Functional
{
    /// <summary>
    /// PyTorch's int-or-tuple argument as <paramref name="count"/> values: empty means <paramref name="fallback"/>
    /// (PyTorch's default), one value is used for every dimension, <paramref name="count"/> values are taken as they are.
    /// </summary>
    internal static int[] WindowArgument(ReadOnlySpan<int> values, int count, int[] fallback, string message)
    {
        if (values.Length == 0) return fallback;
        if (values.Length == 1) return Enumerable.Repeat(values[0], count).ToArray();
        if (values.Length == count) return values.ToArray();
        throw new ArgumentException(message);
    }

    /// <summary><paramref name="values"/> as PyTorch prints a tuple of ints: <c>(3, 3)</c>, or <c>(3)</c> for one.</summary>
    internal static string Tuple(ReadOnlySpan<int> values) => "(" + string.Join(", ", values.ToArray().Select(static v => v.ToString(CultureInfo.InvariantCulture))) + ")";

    /// <summary>Float32 or Float64, else PyTorch's "not implemented for" error naming <paramref name="kernel"/>.</summary>
    internal static void RequireFloatingWindowInput(Tensor input, string kernel)
    {
        if (!input.DType.IsFloatingPoint())
        {
            throw new ArgumentException($"\"{kernel}\" not implemented for '{input.DType.ScalarTypeName()}': pass a Float32 or Float64 tensor (convert with .Float() or .Double()).");
        }
    }

    /// <summary>im2col of every image of a [N, C, H, W] tensor: a fresh [N, C·kH·kW, outH·outW] tensor. Not recorded.</summary>
    internal static Tensor UnfoldRaw(Tensor input, in Window2d w)
    {
        int batch = input.Size(0), channels = input.Size(1);
        var result = Tensor.Adopt([batch, channels * w.KernelArea, w.Positions], input.DType);
        if (input.DType == DType.Float32) UnfoldBatch(input.Elements<float>(), result.Elements<float>(), batch, channels, w);
        else UnfoldBatch(input.Elements<double>(), result.Elements<double>(), batch, channels, w);
        return result;
    }

    /// <summary>col2im of every [C·kH·kW, L] matrix of a [N, C·kH·kW, L] tensor into a fresh [N, C, H, W] tensor. Not recorded.</summary>
    internal static Tensor FoldRaw(Tensor columns, int channels, in Window2d w)
    {
        int batch = columns.Size(0);
        var result = Tensor.Empty([batch, channels, w.InputH, w.InputW], columns.DType);
        if (columns.DType == DType.Float32) FoldBatch(columns.Elements<float>(), result.Elements<float>(), batch, channels, w);
        else FoldBatch(columns.Elements<double>(), result.Elements<double>(), batch, channels, w);
        return result;
    }

    private static void UnfoldBatch<T>(T[] input, T[] output, int batch, int channels, Window2d w)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        int image = channels * w.InputPlane, columns = channels * w.KernelArea * w.Positions;
        for (int b = 0; b < batch; b++) Im2Col.Unfold<T>(input.AsSpan(b * image, image), channels, w, output.AsSpan(b * columns, columns));
    }

    private static void FoldBatch<T>(T[] columns, T[] output, int batch, int channels, Window2d w)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        int image = channels * w.InputPlane, length = channels * w.KernelArea * w.Positions;
        for (int b = 0; b < batch; b++) Im2Col.FoldAdd<T>(columns.AsSpan(b * length, length), channels, w, output.AsSpan(b * image, image));
    }
}
