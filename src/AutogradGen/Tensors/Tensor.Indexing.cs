using System.Globalization;
using System.Runtime.CompilerServices;
using AutogradGen.Kernels;

namespace AutogradGen;

// Element and slice reads. x[i], x[i, j], x[a..b], Select, Slice, Narrow and Diagonal are views, as PyTorch's: an
// in-place write through them, or an assignment x[i] = value, updates this tensor. Indexing with a tensor copies.
public sealed partial class Tensor
{
    /// <summary><c>x[i]</c>: entry <paramref name="index"/> along the first dimension (negative counts from the end).</summary>
    /// <remarks>A view; assigning (<c>x[i] = value</c>) copies <c>value</c> into it (<c>x[i].copy_(value)</c>, broadcast).</remarks>
    [IndexerName("At")]
    public Tensor this[int index]
    {
        get => SelectLeading([index]);
        set => Assign(SelectLeading([index]), value);
    }

    /// <summary><c>x[i, j]</c>.</summary>
    [IndexerName("At")]
    public Tensor this[int i, int j]
    {
        get => SelectLeading([i, j]);
        set => Assign(SelectLeading([i, j]), value);
    }

    /// <summary><c>x[i, j, k]</c>.</summary>
    [IndexerName("At")]
    public Tensor this[int i, int j, int k]
    {
        get => SelectLeading([i, j, k]);
        set => Assign(SelectLeading([i, j, k]), value);
    }

    // x[i, j, ...] as Python's indexing does it: every index is checked first, against the dimension it indexes and in
    // PyTorch's indexing words (not select()'s), then the leading dimensions are selected one by one.
    private Tensor SelectLeading(ReadOnlySpan<int> indices)
    {
        if (Rank == 0)
        {
            throw new IndexOutOfRangeException(
                "invalid index of a 0-dim tensor. Use `tensor.Item()` to convert a 0-dim tensor to a number");
        }
        if (indices.Length > Rank)
        {
            throw new IndexOutOfRangeException(string.Create(CultureInfo.InvariantCulture,
                $"too many indices for tensor of dimension {Rank}"));
        }
        for (int d = 0; d < indices.Length; d++)
        {
            int size = _shape[d];
            if (indices[d] < -size || indices[d] >= size)
            {
                throw new IndexOutOfRangeException(string.Create(CultureInfo.InvariantCulture,
                    $"index {indices[d]} is out of bounds for dimension {d} with size {size}"));
            }
        }
        var result = this;
        foreach (int index in indices) result = result.Select(0, index);
        return result;
    }

    /// <summary><c>x[start:end]</c> along the first dimension, with C# ranges: <c>x[1..^1]</c>.</summary>
    [IndexerName("At")]
    public Tensor this[Range range]
    {
        get => SliceRange(range);
        set => Assign(SliceRange(range), value);
    }

    // x[...] = value is x[...].copy_(value) after dropping value's leading size-1 dimensions, as PyTorch's __setitem__.
    private static void Assign(Tensor target, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        while (value.Rank > target.Rank && value._shape[0] == 1) value = value.Squeeze(0);
        target.Copy_(value);
    }

    private Tensor SliceRange(Range range)
    {
        if (Rank == 0) throw new InvalidOperationException("slice() cannot be applied to a 0-dim tensor.");
        var (offset, length) = range.GetOffsetAndLength(_shape[0]);
        return Slice(0, offset, offset + length);
    }

    /// <summary><c>x[indices]</c>: int64 indices pick entries along the first dimension; a Bool mask of this tensor's shape picks elements (<c>IndexBackward0</c>).</summary>
    [IndexerName("At")]
    public Tensor this[Tensor indices] => Index(indices);

    /// <summary>Entry <paramref name="index"/> along <paramref name="dim"/>, removing that dimension (<c>x.select(dim, index)</c>, <c>SelectBackward0</c>).</summary>
    public Tensor Select(int dim, int index)
    {
        if (Rank == 0) throw new InvalidOperationException("select() cannot be applied to a 0-dim tensor.");
        int d = Shapes.NormalizeDim(dim, Rank);
        int size = _shape[d];
        if (index < -size || index >= size)
        {
            throw new IndexOutOfRangeException(string.Create(CultureInfo.InvariantCulture,
                $"select(): index {index} out of range for tensor of size {Shapes.Format(_shape)} at dimension {d}"));
        }
        int position = index < 0 ? index + size : index;
        var shape = new List<int>(_shape);
        var strides = new List<int>(StridesSpan.ToArray());
        int offset = StorageOffset + (position * strides[d]);
        shape.RemoveAt(d);
        strides.RemoveAt(d);
        var result = ViewOf([.. shape], [.. strides], offset);
        if (Autograd.ShouldRecord(this)) new SelectBackward0(SharedShape, d, position).Attach(result, this);
        return result;
    }

    /// <summary>
    /// Elements <paramref name="start"/>, <paramref name="start"/> + <paramref name="step"/>, ... before
    /// <paramref name="end"/> along <paramref name="dim"/> (<c>x[:, start:end:step]</c>, <c>SliceBackward0</c>).
    /// Out-of-range bounds are clamped, negative ones count from the end, as Python's slices.
    /// </summary>
    public Tensor Slice(int dim, int? start = null, int? end = null, int step = 1)
    {
        if (Rank == 0) throw new InvalidOperationException("slice() cannot be applied to a 0-dim tensor.");
        if (step <= 0) throw new ArgumentOutOfRangeException(nameof(step), step, "slice step must be positive");
        int d = Shapes.NormalizeDim(dim, Rank);
        int size = _shape[d];
        int first = Math.Clamp(start is int s ? (s < 0 ? s + size : s) : 0, 0, size);
        int last = Math.Clamp(end is int e ? (e < 0 ? e + size : e) : size, 0, size);
        int length = last > first ? (last - first + step - 1) / step : 0;
        var shape = ShapeArray;
        var strides = StridesSpan.ToArray();
        int offset = StorageOffset + (length == 0 ? 0 : first * strides[d]);
        shape[d] = length;
        strides[d] *= step;
        var result = ViewOf(shape, strides, offset);
        // aten::slice has no shortcut for the whole dimension (nor has Python's x[:], which dispatches the slice with
        // the optimisation disabled): SliceBackward0 always. Only a multi-dimensional no-op index (x[:, :], x[...]) is
        // an alias; that is Alias().
        if (Autograd.ShouldRecord(this)) new SliceBackward0(SharedShape, d, first, length, step).Attach(result, this);
        return result;
    }

    /// <summary>
    /// A new view of all of this tensor (<c>torch.alias(x)</c>; what <c>x[...]</c> and <c>x[:, :]</c> return,
    /// <c>AliasBackward0</c>): same storage, shape and strides, a tensor object of its own.
    /// </summary>
    public Tensor Alias()
    {
        var result = ViewOf(ShapeArray, StridesSpan.ToArray(), StorageOffset);
        if (Autograd.ShouldRecord(this)) new AliasBackward0().Attach(result, this);
        return result;
    }

    /// <summary>
    /// The diagonal of the matrices in dimensions <paramref name="dim1"/> and <paramref name="dim2"/>, a view
    /// (<c>x.diagonal(offset, dim1, dim2)</c>, <c>DiagonalBackward0</c>): those dimensions are removed and the diagonal
    /// is appended as the last one. A positive <paramref name="offset"/> is above the main diagonal, a negative one below.
    /// </summary>
    public Tensor Diagonal(int offset = 0, int dim1 = 0, int dim2 = 1)
    {
        if (Rank < 2)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"diagonal dimensions requested (dim1={dim1}, dim2={dim2}) but the tensor has {Rank} dimensions"));
        }
        int a = Shapes.NormalizeDim(dim1, Rank), b = Shapes.NormalizeDim(dim2, Rank);
        if (a == b) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"diagonal dimensions cannot be identical {dim1}, {dim2}"));
        var (shape, strides, storageOffset) = DiagonalGeometry(_shape, StridesSpan, StorageOffset, offset, a, b);
        var result = ViewOf(shape, strides, storageOffset);
        if (Autograd.ShouldRecord(this)) new DiagonalBackward0(SharedShape, offset, a, b).Attach(result, this);
        return result;
    }

    /// <summary>Where the diagonal of dimensions <paramref name="a"/> and <paramref name="b"/> sits (PyTorch's diagonal view arithmetic).</summary>
    internal static (int[] Shape, int[] Strides, int Offset) DiagonalGeometry(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, int storageOffset, int offset, int a, int b)
    {
        int length = offset >= 0 ? Math.Max(Math.Min(shape[a], shape[b] - offset), 0) : Math.Max(Math.Min(shape[a] + offset, shape[b]), 0);
        int start = storageOffset;
        if (length > 0) start += offset >= 0 ? offset * strides[b] : -offset * strides[a];
        var sizes = new List<int>();
        var steps = new List<int>();
        for (int d = 0; d < shape.Length; d++)
        {
            if (d == a || d == b) continue;
            sizes.Add(shape[d]);
            steps.Add(strides[d]);
        }
        sizes.Add(length);
        steps.Add(strides[a] + strides[b]);
        return ([.. sizes], [.. steps], start);
    }

    /// <summary>
    /// The gradient of a diagonal: <paramref name="grad"/> written on the diagonal of zeros of <paramref name="shape"/>.
    /// Recorded (<c>DiagonalBackwardBackward0</c>, whose gradient reads the diagonal again) for createGraph.
    /// </summary>
    internal static Tensor DiagonalScatter(Tensor grad, int[] shape, int offset, int a, int b)
    {
        var result = Empty(shape, grad.DType);
        var (diagonalShape, strides, start) = DiagonalGeometry(shape, Shapes.ContiguousStrides(shape), 0, offset, a, b);
        result.AsStridedRaw(diagonalShape, strides, start).StoreElements(grad.ElementArray());
        if (Autograd.ShouldRecord(grad)) new DiagonalBackwardBackward0(offset, a, b).Attach(result, grad);
        return result;
    }

    /// <summary><paramref name="length"/> entries from <paramref name="start"/> along <paramref name="dim"/> (<c>x.narrow(dim, start, length)</c>).</summary>
    public Tensor Narrow(int dim, int start, int length)
    {
        int d = Shapes.NormalizeDim(dim, Rank);
        int first = start < 0 ? start + _shape[d] : start;
        if (first < 0 || length < 0 || first + length > _shape[d])
        {
            throw new ArgumentOutOfRangeException(nameof(length), string.Create(CultureInfo.InvariantCulture,
                $"start ({start}) + length ({length}) exceeds dimension size ({_shape[d]})."));
        }
        return Slice(d, first, first + length);
    }

    /// <summary>
    /// Advanced indexing (<c>x[indices]</c>, <c>IndexBackward0</c>): an int64 tensor picks entries along the first
    /// dimension (repeats allowed; the result's shape is the indices' shape followed by the remaining sizes); a Bool
    /// mask of this tensor's shape picks the elements where it is true, as a 1-D tensor.
    /// </summary>
    public Tensor Index(Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.DType == DType.Bool)
        {
            if (!indices.ShapeSpan.SequenceEqual(_shape))
            {
                throw new TensorShapeException($"The shape of the mask {Shapes.Format(indices.ShapeSpan)} does not match the shape of the indexed tensor {Shapes.Format(_shape)}");
            }
            var positions = new List<long>();
            var flags = indices.Elements<bool>();
            for (int i = 0; i < flags.Length; i++)
            {
                if (flags[i]) positions.Add(i);
            }
            var flat = From(positions.ToArray());
            Tensor picked;
            using (Autograd.NoGrad()) picked = ViewRaw([Numel]).IndexSelect(0, flat);
            if (Autograd.ShouldRecord(this)) new IndexBackward0(SharedShape, flat, flattened: true).Attach(picked, this);
            return picked;
        }
        if (indices.DType != DType.Int64) throw new ArgumentException("tensors used as indices must be long, int, byte or bool tensors", nameof(indices));
        if (Rank == 0) throw new InvalidOperationException("invalid index of a 0-dim tensor.");
        // Negative indices count from the end; the normalised copy is also private to the backward rule, which
        // must not see later writes to the caller's index tensor.
        var flatIndices = From(NormalizeIndices(indices.Elements<long>(), 0));
        Tensor gathered;
        using (Autograd.NoGrad()) gathered = IndexSelect(0, flatIndices);
        var shape = new List<int>(indices._shape);
        for (int d = 1; d < Rank; d++) shape.Add(_shape[d]);
        var result = gathered.ViewRaw([.. shape]);
        if (Autograd.ShouldRecord(this)) new IndexBackward0(SharedShape, flatIndices, flattened: false).Attach(result, this);
        return result;
    }

    /// <summary>The entries <paramref name="indices"/> (int64, 1-D, each in [0, size)) along <paramref name="dim"/> (<c>torch.index_select</c>, <c>IndexSelectBackward0</c>).</summary>
    public Tensor IndexSelect(int dim, Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.DType != DType.Int64 || indices.Rank > 1) throw new ArgumentException("index_select(): Index is supposed to be a vector of int64", nameof(indices));
        int d = Shapes.NormalizeDim(dim, Rank);
        var (outer, size, inner) = Reductions.SplitAt(_shape, d);
        // index_select takes no negative indices (unlike x[idx]): libtorch's CPU kernel checks 0 <= i < size.
        var normalized = indices.Elements<long>().ToArray();
        int dimSize = Rank == 0 ? 1 : _shape[d];
        foreach (long index in normalized)
        {
            if (index < 0 || index >= dimSize)
            {
                throw new IndexOutOfRangeException(string.Create(CultureInfo.InvariantCulture,
                    $"index out of range in self (index {index}, dimension {d} of size {dimSize})"));
            }
        }
        var shape = ShapeArray;
        if (Rank > 0) shape[d] = normalized.Length;
        var result = Empty(shape, DType);
        switch (DType)
        {
            case DType.Float32: Layout.Gather<float>(Elements<float>(), outer, size, inner, normalized, result.Elements<float>()); break;
            case DType.Float64: Layout.Gather<double>(Elements<double>(), outer, size, inner, normalized, result.Elements<double>()); break;
            case DType.Int64: Layout.Gather<long>(Elements<long>(), outer, size, inner, normalized, result.Elements<long>()); break;
            default: Layout.Gather<bool>(Elements<bool>(), outer, size, inner, normalized, result.Elements<bool>()); break;
        }
        if (Autograd.ShouldRecord(this)) new IndexSelectBackward0(SharedShape, d, From(normalized)).Attach(result, this);
        return result;
    }

    /// <summary>Indices along <paramref name="dim"/> with negative ones counted from the end; out-of-range ones fail.</summary>
    private long[] NormalizeIndices(ReadOnlySpan<long> indices, int dim)
    {
        int size = Rank == 0 ? 1 : _shape[dim];
        var normalized = new long[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            long index = indices[i];
            if (index < -size || index >= size)
            {
                throw new IndexOutOfRangeException(string.Create(CultureInfo.InvariantCulture,
                    $"index {index} is out of bounds for dimension {dim} with size {size}"));
            }
            normalized[i] = index < 0 ? index + size : index;
        }
        return normalized;
    }

    /// <summary>The recorded read of <paramref name="length"/> entries from <paramref name="start"/> in steps of <paramref name="step"/>.</summary>
    internal Tensor NarrowRecorded(int dim, int start, int length, int step) =>
        Slice(dim, start, length == 0 ? start : start + ((length - 1) * step) + 1, step);

    /// <summary>Copies <paramref name="length"/> entries from <paramref name="start"/> in steps of <paramref name="step"/> along <paramref name="dim"/>. Not recorded.</summary>
    internal Tensor NarrowRaw(int dim, int start, int length, int step)
    {
        var (outer, size, inner) = Reductions.SplitAt(_shape, dim);
        var shape = ShapeArray;
        shape[dim] = length;
        var result = Empty(shape, DType);
        switch (DType)
        {
            case DType.Float32: Layout.Narrow<float>(Elements<float>(), outer, size, inner, start, length, step, result.Elements<float>()); break;
            case DType.Float64: Layout.Narrow<double>(Elements<double>(), outer, size, inner, start, length, step, result.Elements<double>()); break;
            case DType.Int64: Layout.Narrow<long>(Elements<long>(), outer, size, inner, start, length, step, result.Elements<long>()); break;
            default: Layout.Narrow<bool>(Elements<bool>(), outer, size, inner, start, length, step, result.Elements<bool>()); break;
        }
        return result;
    }

    /// <summary>
    /// The gradient of a slice: <paramref name="grad"/> placed at its positions in zeros of <paramref name="shape"/>.
    /// Recorded (as <paramref name="nodeName"/>) so that slicing can be differentiated twice.
    /// </summary>
    internal static Tensor SliceScatter(Tensor grad, int[] shape, int dim, int start, int length, int step, string nodeName)
    {
        var (outer, size, inner) = Reductions.SplitAt(shape, dim);
        var result = Empty(shape, grad.DType);
        if (grad.DType == DType.Float32) Layout.NarrowBackward<float>(grad.Elements<float>(), outer, size, inner, start, length, step, result.Elements<float>());
        else Layout.NarrowBackward<double>(grad.Elements<double>(), outer, size, inner, start, length, step, result.Elements<double>());
        if (Autograd.ShouldRecord(grad)) new SliceScatterBackward(nodeName, grad.SharedShape, dim, start, length, step).Attach(result, grad);
        return result;
    }

    /// <summary>The gradient of an index_select: rows of <paramref name="grad"/> added at <paramref name="indices"/> into zeros of <paramref name="shape"/>. Recorded.</summary>
    internal static Tensor IndexAdd(Tensor grad, int[] shape, int dim, Tensor indices)
    {
        var (outer, size, inner) = Reductions.SplitAt(shape, dim);
        var result = Empty(shape, grad.DType);
        if (grad.DType == DType.Float32) Layout.ScatterAdd<float>(grad.Elements<float>(), outer, size, inner, indices.Elements<long>(), result.Elements<float>());
        else Layout.ScatterAdd<double>(grad.Elements<double>(), outer, size, inner, indices.Elements<long>(), result.Elements<double>());
        if (Autograd.ShouldRecord(grad)) new IndexAddBackward0(dim, indices).Attach(result, grad);
        return result;
    }
}
