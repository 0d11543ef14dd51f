using System.Globalization;

namespace AutogradGen;

public static partial class Functional
{
    /// <summary>
    /// Pads with <paramref name="value"/> (<c>F.pad(input, pad, mode='constant', value)</c>, <c>ConstantPadNdBackward0</c>):
    /// <paramref name="pad"/> holds (before, after) pairs starting from the last dimension, as PyTorch's; a negative
    /// amount crops. <see cref="Pad(Tensor, ReadOnlySpan{int}, PaddingMode, double)"/> has the other modes.
    /// </summary>
    public static Tensor Pad(Tensor input, ReadOnlySpan<int> pad, double value = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (pad.Length % 2 != 0) throw new ArgumentException("Padding length must be divisible by 2", nameof(pad));
        if (pad.Length / 2 > input.Rank) throw new ArgumentException("Padding length should be less than or equal to two times the input dimension but got padding length " + pad.Length.ToString(CultureInfo.InvariantCulture) + " and input of dimension " + input.Rank.ToString(CultureInfo.InvariantCulture), nameof(pad));
        var amounts = pad.ToArray();
        Tensor result = input;
        using (Autograd.NoGrad())
        {
            for (int pair = 0; pair < amounts.Length / 2; pair++)
            {
                int dim = input.Rank - 1 - pair;
                int before = amounts[2 * pair], after = amounts[2 * pair + 1];
                int size = result.Size(dim);
                if (size + before + after < 0)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"The input size {size}, plus negative padding {before} and {after} resulted in a negative output size, which is invalid. Check dimension {dim} of your input."), nameof(pad));
                }
                if (before < 0) { result = result.Narrow(dim, -before, size + before); size += before; before = 0; }
                if (after < 0) { result = result.Narrow(dim, 0, size + after); after = 0; }
                if (before > 0 || after > 0)
                {
                    var beforeShape = result.ShapeArray; beforeShape[dim] = before;
                    var afterShape = result.ShapeArray; afterShape[dim] = after;
                    result = Tensor.Cat([Tensor.Full(beforeShape, value, dtype: result.DType), result, Tensor.Full(afterShape, value, dtype: result.DType)], dim);
                }
            }
            if (ReferenceEquals(result, input)) result = input.DetachedClone();
        }
        if (Autograd.ShouldRecord(input)) new ConstantPadNdBackward0(amounts).Attach(result, input);
        return result;
    }
}

/// <summary>The padding modes of <c>F.pad</c>'s <c>mode</c> argument.</summary>
public enum PaddingMode
{
    /// <summary><c>'constant'</c>: the value given.</summary>
    Constant,

    /// <summary><c>'reflect'</c>: the input mirrored about its edge element (which is not repeated).</summary>
    Reflect,

    /// <summary><c>'replicate'</c>: the edge element repeated.</summary>
    Replicate,

    /// <summary><c>'circular'</c>: the input wrapped around (the other end continues it).</summary>
    Circular,
}

internal sealed class ConstantPadNdBackward0(int[] pad) : Node
{
    // Cropping undoes padding (and padding with zeros undoes cropping).
    internal override Tensor?[] Backward(Tensor grad) => [Functional.Pad(grad, [.. pad.Select(static p => -p)])];
}
