using System.Globalization;
using System.Runtime.CompilerServices;
using AutogradGen.Kernels;

namespace AutogradGen;

// Element and slice reads. Each returns a tensor with storage of its own (PyTorch returns views; writes through an
// index are not supported here: use the in-place operations on the whole tensor).
public sealed partial class Tensor
{
    /// <summary><c>x[i]</c>: entry <paramref name="index"/> along the first dimension (negative counts from the end).</summary>
    [IndexerName("At")]
    public Tensor this[int index] => SelectLeading([index]);

    /// <summary><c>x[i, j]</c>.</summary>
    [IndexerName("At")]
    public Tensor this[int i, int j] => SelectLeading([i, j]);

    /// <summary><c>x[i, j, k]</c>.</summary>
    [IndexerName("At")]
    public Tensor this[int i, int j, int k] => SelectLeading([i, j, k]);

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
        get
        {
            if (Rank == 0) throw new InvalidOperationException("slice() cannot be applied to a 0-dim tensor.");
            var (offset, length) = range.GetOffsetAndLength(_shape[0]);
            return Slice(0, offset, offset + length);
        }
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
        var slice = NarrowRaw(d, position, 1, 1);
        var shape = new List<int>(_shape);
        shape.RemoveAt(d);
        var result = slice.ViewRaw([.. shape]);
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
        var result = NarrowRaw(d, first, length, step);
        if (Autograd.ShouldRecord(this)) new SliceBackward0(SharedShape, d, first, length, step).Attach(result, this);
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

    /// <summary>The entries <paramref name="indices"/> (int64, 1-D) along <paramref name="dim"/> (<c>torch.index_select</c>, <c>IndexSelectBackward0</c>).</summary>
    public Tensor IndexSelect(int dim, Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.DType != DType.Int64 || indices.Rank > 1) throw new ArgumentException("index_select(): Index is supposed to be a vector of int64", nameof(indices));
        int d = Shapes.NormalizeDim(dim, Rank);
        var (outer, size, inner) = Reductions.SplitAt(_shape, d);
        var normalized = NormalizeIndices(indices.Elements<long>(), d);
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
