using AutogradGen.Kernels;

namespace AutogradGen;

/// <summary>
/// Where a view's elements sit in its storage: the stride of each dimension (in elements; 0 for an expanded one)
/// and the offset of the first. A tensor without one is dense: contiguous, at offset 0, over the whole storage,
/// which is what every operation returns; only views have a layout.
/// </summary>
internal sealed class StridedLayout
{
    private StridedLayout(int[] strides, int offset, int numel, bool contiguous)
    {
        Strides = strides;
        Offset = offset;
        Numel = numel;
        IsContiguous = contiguous;
    }

    public int[] Strides { get; }

    public int Offset { get; }

    public int Numel { get; }

    /// <summary>PyTorch's is_contiguous: the strides are the row-major ones (size-1 dimensions aside), wherever it starts.</summary>
    public bool IsContiguous { get; }

    /// <summary>The layout of a view, or null when the view is dense over a storage of <paramref name="storageLength"/> elements.</summary>
    public static StridedLayout? For(ReadOnlySpan<int> shape, int[] strides, int offset, int storageLength)
    {
        int numel = Shapes.Numel(shape);
        bool contiguous = IsRowMajor(shape, strides, numel);
        if (contiguous && offset == 0 && numel == storageLength) return null;
        return new StridedLayout(strides, offset, numel, contiguous);
    }

    /// <summary>PyTorch's contiguity rule: empty tensors are contiguous; size-1 dimensions may have any stride.</summary>
    public static bool IsRowMajor(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, int numel)
    {
        if (numel == 0) return true;
        int expected = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            if (shape[d] == 1) continue;
            if (strides[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    /// <summary>Whether two positions of the view are the same element of storage (an expanded dimension): writing through it is refused.</summary>
    public static bool HasInternalOverlap(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides)
    {
        for (int d = 0; d < shape.Length; d++)
        {
            if (shape[d] > 1 && strides[d] == 0) return true;
        }
        return false;
    }
}

/// <summary>A view's place in a storage, as PyTorch's TensorGeometry (sizes, strides, offset); what as_strided reads.</summary>
internal sealed record ViewGeometry(int[] Shape, int[] Strides, int Offset, int StorageLength);
