using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

// Writing into a copy at chosen positions: masked_fill, scatter/scatter_add, index_add, index_put, and the advanced
// indexing by several index tensors that is index_put's inverse. All are out of place (PyTorch's non-underscore forms).
public sealed partial class Tensor
{
    /// <summary><paramref name="value"/> where <paramref name="mask"/> (Bool, broadcastable to this shape) is true (<c>x.masked_fill(mask, value)</c>, <c>MaskedFillBackward0</c>).</summary>
    public Tensor MaskedFill(Tensor mask, double value)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.DType != DType.Bool) throw new ArgumentException($"masked_fill_ only supports boolean masks, but got mask with dtype {mask.DType.ScalarTypeName()}", nameof(mask));
        if (!Shapes.IsExpandableTo(mask.ShapeSpan, _shape))
        {
            throw new TensorShapeException($"The size of the mask {Shapes.Format(mask.ShapeSpan)} must match the size of the tensor {Shapes.Format(_shape)} it fills");
        }
        Tensor result;
        using (Autograd.NoGrad()) result = Where(mask, Scalar(value, dtype: DType), this);
        if (result.DType != DType) result = result.ConvertRaw(DType);
        if (Autograd.ShouldRecord(this)) new MaskedFillBackward0(mask.DetachedClone()).Attach(result, this);
        return result;
    }

    /// <summary>
    /// A copy with <paramref name="source"/>'s entries written at the positions <paramref name="index"/> gives along
    /// <paramref name="dim"/>: <c>out[i][index[i][j]] = source[i][j]</c> for dim 1 (<c>x.scatter(dim, index, src)</c>,
    /// <c>ScatterBackward0</c>). Here the index has the source's shape and this tensor's sizes in the other dimensions.
    /// </summary>
    public Tensor Scatter(int dim, Tensor index, Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        int d = CheckScatterIndex(dim, index, source, "scatter");
        var result = ScatterRaw(d, index, source.ToArray(), accumulate: false);
        if (Autograd.ShouldRecord(this, source)) new ScatterBackward0(index.DetachedClone(), d).Attach(result, this, source);
        return result;
    }

    /// <summary>A copy with <paramref name="value"/> written at the positions <paramref name="index"/> gives along <paramref name="dim"/> (<c>x.scatter(dim, index, value)</c>, <c>ScatterBackward1</c>).</summary>
    public Tensor Scatter(int dim, Tensor index, double value)
    {
        int d = CheckScatterIndex(dim, index, null, "scatter");
        var values = new double[index.Numel];
        System.Array.Fill(values, value);
        var result = ScatterRaw(d, index, values, accumulate: false);
        if (Autograd.ShouldRecord(this)) new ScatterBackward1(index.DetachedClone(), d).Attach(result, this);
        return result;
    }

    /// <summary>A copy with <paramref name="source"/>'s entries added at the positions <paramref name="index"/> gives along <paramref name="dim"/> (<c>x.scatter_add(dim, index, src)</c>, <c>ScatterAddBackward0</c>).</summary>
    public Tensor ScatterAdd(int dim, Tensor index, Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        int d = CheckScatterIndex(dim, index, source, "scatter_add");
        var result = ScatterRaw(d, index, source.ToArray(), accumulate: true);
        if (Autograd.ShouldRecord(this, source)) new ScatterAddIntoBackward(index.DetachedClone(), d).Attach(result, this, source);
        return result;
    }

    /// <summary>
    /// A copy with <c>alpha · source</c>'s slices added at the entries <paramref name="index"/> (1-D, int64) names along
    /// <paramref name="dim"/> (<c>x.index_add(dim, index, source, alpha=1)</c>, <c>IndexAddBackward0</c>).
    /// </summary>
    public Tensor IndexAdd(int dim, Tensor index, Tensor source, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(source);
        int d = Shapes.NormalizeDim(dim, Rank);
        if (index.DType != DType.Int64 || index.Rank > 1) throw new ArgumentException("index_add_(): Index is supposed to be a vector", nameof(index));
        var expected = ShapeArray;
        if (Rank > 0) expected[d] = index.Numel;
        if (!source.ShapeSpan.SequenceEqual(expected))
        {
            throw new TensorShapeException($"index_add_(): source of shape {Shapes.Format(source.ShapeSpan)} must be {Shapes.Format(expected)}: this tensor's shape with {index.Numel} entries along dim {d}");
        }
        var positions = NormalizeIndices(index.Elements<long>(), d);
        var dtype = DTypes.Promote(this, source) == DType ? DType : DType;
        var values = ToArray();
        var added = source.ToArray();
        var (outer, size, inner) = Reductions.SplitAt(_shape, d);
        int count = positions.Length;
        for (int o = 0; o < outer; o++)
        {
            for (int k = 0; k < count; k++)
            {
                for (int i = 0; i < inner; i++) values[(o * size + positions[k]) * inner + i] += alpha * added[(o * count + k) * inner + i];
            }
        }
        var result = FromValues(values, SharedShape, dtype);
        if (Autograd.ShouldRecord(this, source)) new IndexAddIntoBackward(From(positions), d, alpha).Attach(result, this, source);
        return result;
    }

    /// <summary>
    /// Advanced indexing by one int64 tensor per leading dimension, broadcast together (<c>x[i0, i1]</c>,
    /// <c>IndexBackward0</c>): the result's shape is the indices' broadcast shape followed by the dimensions not indexed.
    /// </summary>
    public Tensor Index(params Tensor[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Length == 1) return Index(indices[0]);
        var (bases, indexShape, trailing) = AdvancedPositions(indices);
        var values = ToArray();
        var picked = new double[bases.Length * trailing];
        for (int b = 0; b < bases.Length; b++)
        {
            for (int t = 0; t < trailing; t++) picked[b * trailing + t] = values[bases[b] + t];
        }
        var result = FromValues(picked, [.. indexShape, .. _shape.AsSpan(indices.Length).ToArray()], DType);
        if (Autograd.ShouldRecord(this)) new AdvancedIndexBackward(SharedShape, [.. indices.Select(static i => i.DetachedClone())]).Attach(result, this);
        return result;
    }

    /// <summary>
    /// A copy with <paramref name="values"/> (broadcast to the shape <see cref="Index(Tensor[])"/> gives) written at
    /// the positions the indices name, or added there with <paramref name="accumulate"/> (<c>x.index_put(indices, values, accumulate)</c>,
    /// <c>IndexPutBackward0</c>). Without accumulate, repeated positions keep the last value written.
    /// </summary>
    public Tensor IndexPut(Tensor[] indices, Tensor values, bool accumulate = false)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(values);
        var (bases, indexShape, trailing) = AdvancedPositions(indices);
        int[] targetShape = [.. indexShape, .. _shape.AsSpan(indices.Length).ToArray()];
        if (!Shapes.IsExpandableTo(values.ShapeSpan, targetShape))
        {
            throw new TensorShapeException($"shape mismatch: value tensor of shape {Shapes.Format(values.ShapeSpan)} cannot be broadcast to indexing result of shape {Shapes.Format(targetShape)}");
        }
        var written = values.ExpandRaw(targetShape).ToArray();
        var result = ToArray();
        for (int b = 0; b < bases.Length; b++)
        {
            for (int t = 0; t < trailing; t++)
            {
                double value = written[b * trailing + t];
                result[bases[b] + t] = accumulate ? result[bases[b] + t] + value : value;
            }
        }
        var output = FromValues(result, SharedShape, DType);
        if (Autograd.ShouldRecord(this, values))
        {
            new IndexPutBackward0([.. indices.Select(static i => i.DetachedClone())], accumulate).Attach(output, this, values);
        }
        return output;
    }

    /// <summary>For each position of the broadcast indices, the row-major offset of the indexed slice, and the slice's length.</summary>
    private (int[] Bases, int[] IndexShape, int Trailing) AdvancedPositions(Tensor[] indices)
    {
        if (indices.Length == 0 || indices.Length > Rank)
        {
            throw new IndexOutOfRangeException(string.Create(CultureInfo.InvariantCulture, $"too many indices for tensor of dimension {Rank} (got {indices.Length})"));
        }
        int[] indexShape = [];
        foreach (var index in indices)
        {
            ArgumentNullException.ThrowIfNull(index, nameof(indices));
            if (index.DType != DType.Int64) throw new ArgumentException("tensors used as indices must be long, int, byte or bool tensors", nameof(indices));
            indexShape = Shapes.Broadcast(indexShape, index.SharedShape);
        }
        int trailing = 1;
        for (int d = indices.Length; d < Rank; d++) trailing *= _shape[d];
        var bases = new int[Shapes.Numel(indexShape)];
        int stride = trailing;
        for (int k = indices.Length - 1; k >= 0; k--)
        {
            var positions = indices[k].ExpandRaw(indexShape).ToArray();
            var normalized = NormalizeIndices([.. positions.Select(static p => (long)p)], k);
            for (int b = 0; b < bases.Length; b++) bases[b] += (int)normalized[b] * stride;
            stride *= _shape[k];
        }
        return (bases, indexShape, trailing);
    }

    private int CheckScatterIndex(int dim, Tensor index, Tensor? source, string operation)
    {
        ArgumentNullException.ThrowIfNull(index);
        int d = Shapes.NormalizeDim(dim, Rank);
        if (index.DType != DType.Int64) throw new ArgumentException($"{operation}(): Expected dtype int64 for index", nameof(index));
        bool fits = index.Rank == Rank;
        for (int k = 0; fits && k < Rank; k++) fits = k == d || index._shape[k] == _shape[k];
        if (!fits || (source is not null && !source.ShapeSpan.SequenceEqual(index.ShapeSpan)))
        {
            throw new TensorShapeException($"{operation}(): index of shape {Shapes.Format(index._shape)} must have the source's shape"
                + $"{(source is null ? "" : " " + Shapes.Format(source.ShapeSpan))} and self's sizes {Shapes.Format(_shape)} in every dimension but {d}");
        }
        int size = Rank == 0 ? 1 : _shape[d];
        foreach (long position in index.ToArray())
        {
            if (position < 0 || position >= size)
            {
                throw new IndexOutOfRangeException(string.Create(CultureInfo.InvariantCulture, $"index {position} is out of bounds for dimension {d} with size {size}"));
            }
        }
        return d;
    }

    private Tensor ScatterRaw(int dim, Tensor index, double[] sourceValues, bool accumulate)
    {
        var values = ToArray();
        var positions = index.ToArray();
        var (outer, size, inner) = Reductions.SplitAt(_shape, dim);
        int count = Rank == 0 ? 1 : index._shape[dim];
        for (int o = 0; o < outer; o++)
        {
            for (int k = 0; k < count; k++)
            {
                for (int i = 0; i < inner; i++)
                {
                    int from = (o * count + k) * inner + i;
                    int to = (o * size + (int)positions[from]) * inner + i;
                    values[to] = accumulate ? values[to] + sourceValues[from] : sourceValues[from];
                }
            }
        }
        return FromValues(values, SharedShape, DType);
    }
}
