using AutogradGen.Kernels;

namespace AutogradGen;

// Strides, storage offset and contiguity (PyTorch's stride(), storage_offset(), is_contiguous(), contiguous()), and the
// two places where the runtime walks strides: materialising a view for the kernels (Materialize, through Elements)
// and writing contiguous values into a view's storage (StoreElements, for in-place writes).
public sealed partial class Tensor
{
    /// <summary>The stride of each dimension in elements (<c>x.stride()</c>): how far apart in storage consecutive entries are.</summary>
    public int[] Stride() => _layout is null ? Shapes.ContiguousStrides(_shape) : (int[])_layout.Strides.Clone();

    /// <summary>The stride of dimension <paramref name="dim"/> (<c>x.stride(dim)</c>).</summary>
    public int Stride(int dim) => StridesSpan[Shapes.NormalizeDim(dim, Math.Max(Rank, 1))];

    /// <summary>Where this tensor's first element sits in its storage (<c>x.storage_offset()</c>).</summary>
    public int StorageOffset => _layout?.Offset ?? 0;

    /// <summary>Whether the elements are contiguous in row-major order in storage (<c>x.is_contiguous()</c>).</summary>
    public bool IsContiguous => _layout?.IsContiguous ?? true;

    /// <summary>
    /// This tensor if it is contiguous, else a contiguous copy (<c>x.contiguous()</c>, recorded as <c>CloneBackward0</c>).
    /// </summary>
    public Tensor Contiguous() => IsContiguous ? this : Clone();

    /// <summary>Whether the tensor is dense: contiguous from offset 0 over the whole storage (its storage is its elements).</summary>
    internal bool IsDense => _layout is null;

    internal ReadOnlySpan<int> StridesSpan => _layout is null ? Shapes.ContiguousStrides(_shape) : _layout.Strides;

    /// <summary>This tensor's place in its storage.</summary>
    internal ViewGeometry Geometry => new(_shape, _layout?.Strides ?? Shapes.ContiguousStrides(_shape), StorageOffset, Storage.Data.Length);

    /// <summary>
    /// A new tensor over the same storage and version counter with <paramref name="shape"/>, <paramref name="strides"/>
    /// and <paramref name="offset"/>. Not recorded, and not marked as a view: callers that make user-visible views add that.
    /// </summary>
    internal Tensor AsStridedRaw(int[] shape, int[] strides, int offset) =>
        new(Storage, shape, DType, VersionCounter, StridedLayout.For(shape, strides, offset, Storage.Data.Length));

    /// <summary>
    /// The elements in row-major order for a kernel that only reads them: the storage of a dense tensor, the slice of
    /// storage a contiguous view covers (no copy: a Narrow or Select of leading dimensions), else a contiguous copy
    /// into <paramref name="scratch"/>, an array from the pool that the caller gives back once the kernel has run.
    /// </summary>
    internal ReadOnlySpan<T> ReadElements<T>(ref T[]? scratch) where T : unmanaged => BroadcastOperand(out _, ref scratch, compact: false);

    /// <summary>
    /// This tensor as an operand of a broadcasting kernel: its elements and the shape they have. An expanded view
    /// (stride 0, as <see cref="Expand"/> and the gradient of a sum make) is read where it lives, with size 1 in each
    /// expanded dimension, so the kernel broadcasts it instead of reading a materialised copy; a contiguous view is
    /// its slice of storage; any other view (a stepped slice, a transpose) is gathered into <paramref name="scratch"/>,
    /// an array from the pool that the caller gives back once the kernel has run (<see cref="StoragePool.Return"/>):
    /// a view read many times then costs a copy each time but no allocation.
    /// </summary>
    internal ReadOnlySpan<T> BroadcastOperand<T>(out int[] shape, ref T[]? scratch, bool compact = true) where T : unmanaged
    {
        var layout = _layout;
        shape = _shape;
        if (layout is null) return Storage.As<T>();
        if (layout.IsContiguous) return Storage.As<T>().AsSpan(layout.Offset, layout.Numel);
        var strides = layout.Strides;
        int[]? compacted = null;
        for (int d = 0; compact && d < strides.Length; d++)
        {
            if (strides[d] != 0 || _shape[d] <= 1) continue;
            compacted ??= (int[])_shape.Clone();
            compacted[d] = 1;
        }
        if (compacted is not null)
        {
            int numel = Shapes.Numel(compacted);
            if (StridedLayout.IsRowMajor(compacted, strides, numel))
            {
                shape = compacted;
                return Storage.As<T>().AsSpan(layout.Offset, numel);
            }
        }
        var gathered = StoragePool.Rent<T>(layout.Numel, clear: false);
        Strided.Gather<T>(Storage.As<T>(), layout.Offset, _shape, strides, gathered);
        if (scratch is null) scratch = gathered;
        return gathered;
    }

    /// <summary>A contiguous copy of a strided view's elements, row-major (every element is written, so not cleared).</summary>
    private T[] Materialize<T>()
    {
        var layout = _layout!;
        var result = GC.AllocateUninitializedArray<T>(layout.Numel);
        var storage = Storage.As<T>();
        if (layout.IsContiguous) System.Array.Copy(storage, layout.Offset, result, 0, result.Length);
        else Strided.Gather<T>(storage, layout.Offset, _shape, layout.Strides, result);
        return result;
    }

    /// <summary>The elements in row-major order as an array of the dtype: the storage itself when dense, else a copy.</summary>
    internal Array ElementArray() => _layout is null ? Storage.Data : DType switch
    {
        DType.Float32 => Materialize<float>(),
        DType.Float64 => Materialize<double>(),
        DType.Int64 => Materialize<long>(),
        _ => Materialize<bool>(),
    };

    /// <summary>
    /// Writes row-major <paramref name="values"/> (this tensor's dtype and element count) into this tensor's place in
    /// its storage: a copy for a dense tensor (nothing when it is its own storage), a strided write for a view.
    /// </summary>
    internal void StoreElements(Array values)
    {
        if (_layout is null)
        {
            if (!ReferenceEquals(values, Storage.Data)) System.Array.Copy(values, Storage.Data, Numel);
            return;
        }
        if (StridedLayout.HasInternalOverlap(_shape, _layout.Strides)) throw new InvalidOperationException(Messages.InternalOverlap);
        switch (DType)
        {
            case DType.Float32: Strided.Scatter<float>((float[])values, Storage.As<float>(), _layout.Offset, _shape, _layout.Strides); break;
            case DType.Float64: Strided.Scatter<double>((double[])values, Storage.As<double>(), _layout.Offset, _shape, _layout.Strides); break;
            case DType.Int64: Strided.Scatter<long>((long[])values, Storage.As<long>(), _layout.Offset, _shape, _layout.Strides); break;
            default: Strided.Scatter<bool>((bool[])values, Storage.As<bool>(), _layout.Offset, _shape, _layout.Strides); break;
        }
    }

    /// <summary>
    /// PyTorch's computeStride: the strides that let a tensor of this layout be seen with <paramref name="shape"/>
    /// without a copy, or null when a dimension would span two contiguous subspaces (view fails, reshape copies).
    /// </summary>
    private int[]? ViewStrides(ReadOnlySpan<int> shape)
    {
        if (_layout is null || _layout.IsContiguous) return Shapes.ContiguousStrides(shape);
        var oldShape = _shape;
        var oldStrides = _layout.Strides;
        var newStrides = new int[shape.Length];
        if (Numel == 0) return Shapes.ContiguousStrides(shape);
        if (oldShape.Length == 0)
        {
            System.Array.Fill(newStrides, 1);
            return newStrides;
        }
        int viewD = shape.Length - 1;
        int chunkBaseStride = oldStrides.Length > 0 ? oldStrides[^1] : 1;
        int tensorNumel = 1, viewNumel = 1;
        for (int tensorD = oldShape.Length - 1; tensorD >= 0; tensorD--)
        {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1 && oldStrides[tensorD - 1] != tensorNumel * chunkBaseStride))
            {
                while (viewD >= 0 && (viewNumel < tensorNumel || shape[viewD] == 1))
                {
                    newStrides[viewD] = viewNumel * chunkBaseStride;
                    viewNumel *= shape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (tensorD > 0)
                {
                    chunkBaseStride = oldStrides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStrides : null;
    }
}
