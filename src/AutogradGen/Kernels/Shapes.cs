using System.Globalization;
using System.Text;

namespace AutogradGen.Kernels;

/// <summary>Shape arithmetic for contiguous row-major tensors: element counts, strides, broadcasting, printing.</summary>
public static class Shapes
{
    /// <summary>The number of elements of a tensor of this shape (1 for the empty shape of a scalar).</summary>
    public static int Numel(ReadOnlySpan<int> shape)
    {
        int count = 1;
        foreach (int size in shape) count = checked(count * size);
        return count;
    }

    /// <summary>Row-major strides (in elements) of a contiguous tensor of this shape.</summary>
    public static int[] ContiguousStrides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        int stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }

    /// <summary>
    /// The shape two operands broadcast to, as in NumPy and PyTorch (dimensions aligned from the right; a size of 1
    /// stretches). Throws with PyTorch's message when a pair of sizes cannot be reconciled.
    /// </summary>
    public static int[] Broadcast(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var shape = new int[rank];
        for (int i = rank - 1; i >= 0; i--)
        {
            int offset = rank - 1 - i;
            int dimA = a.Length - 1 - offset, dimB = b.Length - 1 - offset;
            int sizeA = dimA >= 0 ? a[dimA] : 1, sizeB = dimB >= 0 ? b[dimB] : 1;
            if (sizeA != sizeB && sizeA != 1 && sizeB != 1)
            {
                throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                    $"The size of tensor a ({sizeA}) must match the size of tensor b ({sizeB}) at non-singleton dimension {i}"));
            }
            shape[i] = sizeA == 1 ? sizeB : sizeA;
        }
        return shape;
    }

    /// <summary>Whether a tensor of shape <paramref name="from"/> broadcasts to exactly <paramref name="to"/>.</summary>
    public static bool IsExpandableTo(ReadOnlySpan<int> from, ReadOnlySpan<int> to)
    {
        if (from.Length > to.Length) return false;
        for (int i = 1; i <= from.Length; i++)
        {
            int size = from[^i];
            if (size != 1 && size != to[^i]) return false;
        }
        return true;
    }

    /// <summary>
    /// Strides for reading a tensor of shape <paramref name="source"/> as if it had the broadcast shape
    /// <paramref name="target"/>: the contiguous stride where the sizes agree, 0 where the source stretches.
    /// </summary>
    public static void BroadcastStrides(ReadOnlySpan<int> source, ReadOnlySpan<int> target, Span<int> strides)
    {
        int lead = target.Length - source.Length;
        int stride = 1;
        for (int d = target.Length - 1; d >= 0; d--)
        {
            int sd = d - lead;
            if (sd < 0) { strides[d] = 0; continue; }
            strides[d] = source[sd] == 1 ? 0 : stride;
            stride *= source[sd];
        }
    }

    /// <summary>Whether two shapes are equal.</summary>
    public static bool Equal(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);

    /// <summary>PyTorch's way of printing a size in messages: <c>[2, 3]</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(shape[i].ToString(CultureInfo.InvariantCulture));
        }
        return text.Append(']').ToString();
    }

    /// <summary>Wraps a possibly negative dimension index into [0, rank), or throws PyTorch's message.</summary>
    public static int NormalizeDim(int dim, int rank)
    {
        int effectiveRank = Math.Max(rank, 1);
        if (dim < -effectiveRank || dim >= effectiveRank)
        {
            throw new ArgumentOutOfRangeException(null, string.Create(CultureInfo.InvariantCulture,
                $"Dimension out of range (expected to be in range of [{-effectiveRank}, {effectiveRank - 1}], but got {dim})"));
        }
        return dim < 0 ? dim + effectiveRank : dim;
    }
}
