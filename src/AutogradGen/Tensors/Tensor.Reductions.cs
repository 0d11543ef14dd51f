using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

// Sums, means, extremes and norms, over everything or over dimensions.
public sealed partial class Tensor
{
    /// <summary>The sum of all elements as a 0-d tensor (<c>x.sum()</c>, <c>SumBackward0</c>); integers sum as int64.</summary>
    public Tensor Sum()
    {
        var result = SumRaw(AllDims(), keepDim: false);
        if (Autograd.ShouldRecord(this)) new SumBackward0(SharedShape).Attach(result, this);
        return result;
    }

    /// <summary>The sum over <paramref name="dim"/> (<c>x.sum(dim, keepdim)</c>, <c>SumBackward1</c>).</summary>
    public Tensor Sum(int dim, bool keepDim = false) => Sum([dim], keepDim);

    /// <summary>The sum over <paramref name="dims"/>; with <paramref name="keepDim"/> they stay as size 1.</summary>
    public Tensor Sum(ReadOnlySpan<int> dims, bool keepDim = false)
    {
        var reduced = ReducedDims(dims);
        var result = SumRaw(reduced, keepDim);
        if (Autograd.ShouldRecord(this)) new SumBackward1(SharedShape, reduced, keepDim).Attach(result, this);
        return result;
    }

    /// <summary>The mean of all elements (<c>x.mean()</c>, <c>MeanBackward0</c>); floating point only, as PyTorch.</summary>
    public Tensor Mean()
    {
        RequireFloatingForMean();
        var result = SumRaw(AllDims(), keepDim: false);
        result = BinaryRaw(BinaryFunction.Divide, result, WrapNumber(Numel, result));
        if (Autograd.ShouldRecord(this)) new MeanBackward0(SharedShape, Numel).Attach(result, this);
        return result;
    }

    /// <summary>The mean over <paramref name="dim"/> (<c>x.mean(dim, keepdim)</c>, <c>MeanBackward1</c>).</summary>
    public Tensor Mean(int dim, bool keepDim = false) => Mean([dim], keepDim);

    /// <summary>The mean over <paramref name="dims"/>; with <paramref name="keepDim"/> they stay as size 1.</summary>
    public Tensor Mean(ReadOnlySpan<int> dims, bool keepDim = false)
    {
        RequireFloatingForMean();
        var reduced = ReducedDims(dims);
        int count = 1;
        for (int d = 0; d < Rank; d++)
        {
            if (reduced[d]) count *= _shape[d];
        }
        var result = SumRaw(reduced, keepDim);
        result = BinaryRaw(BinaryFunction.Divide, result, WrapNumber(count, result));
        if (Autograd.ShouldRecord(this)) new MeanBackward1(SharedShape, reduced, keepDim, count).Attach(result, this);
        return result;
    }

    /// <summary>The largest element (<c>x.max()</c>, <c>MaxBackward1</c>); tied maxima share the gradient evenly, as PyTorch.</summary>
    public Tensor Max() => Extreme(largest: true);

    /// <summary>The smallest element (<c>x.min()</c>, <c>MinBackward1</c>).</summary>
    public Tensor Min() => Extreme(largest: false);

    /// <summary>
    /// The largest elements along <paramref name="dim"/> and their indices (<c>x.max(dim, keepdim)</c>,
    /// <c>MaxBackward0</c>): the gradient goes to the element each index selects.
    /// </summary>
    public (Tensor Values, Tensor Indices) Max(int dim, bool keepDim = false) => Extreme(dim, keepDim, largest: true);

    /// <summary>The smallest elements along <paramref name="dim"/> and their indices (<c>x.min(dim, keepdim)</c>, <c>MinBackward0</c>).</summary>
    public (Tensor Values, Tensor Indices) Min(int dim, bool keepDim = false) => Extreme(dim, keepDim, largest: false);

    /// <summary>The index of the largest element of the flattened tensor (<c>x.argmax()</c>).</summary>
    public Tensor ArgMax() => Reshape([-1]).Max(0).Indices;

    /// <summary>The <paramref name="p"/>-norm of all elements (<c>x.norm(p)</c>, <c>LinalgVectorNormBackward0</c>); p may be <see cref="double.PositiveInfinity"/>.</summary>
    public Tensor Norm(double p = 2)
    {
        var result = NormRaw(p, AllDims(), keepDim: false);
        if (Autograd.ShouldRecord(this)) new LinalgVectorNormBackward0(this, result, p, AllDims(), keepDim: false).Attach(result, this);
        return result;
    }

    /// <summary>The <paramref name="p"/>-norm over <paramref name="dim"/> (<c>x.norm(p, dim, keepdim)</c>).</summary>
    public Tensor Norm(double p, int dim, bool keepDim = false)
    {
        var reduced = ReducedDims([dim]);
        var result = NormRaw(p, reduced, keepDim);
        if (Autograd.ShouldRecord(this)) new LinalgVectorNormBackward0(this, result, p, reduced, keepDim).Attach(result, this);
        return result;
    }

    /// <summary>Sums a broadcast gradient back to <paramref name="shape"/>, which must broadcast to this shape (<c>sum_to_size</c>).</summary>
    internal Tensor SumToSize(ReadOnlySpan<int> shape)
    {
        var result = Empty(shape, DType);
        switch (DType)
        {
            case DType.Float32: Broadcasting.SumTo<float>(Elements<float>(), _shape, result.Elements<float>(), shape); break;
            case DType.Float64: Broadcasting.SumTo<double>(Elements<double>(), _shape, result.Elements<double>(), shape); break;
            default: return ConvertRaw(DType.Int64).SumToSize(shape);
        }
        if (Autograd.ShouldRecord(this)) new SumToSizeBackward(SharedShape).Attach(result, this);
        return result;
    }

    private bool[] AllDims()
    {
        var all = new bool[Rank];
        System.Array.Fill(all, true);
        return all;
    }

    private bool[] ReducedDims(ReadOnlySpan<int> dims)
    {
        var reduced = new bool[Rank];
        foreach (int dim in dims)
        {
            int d = Shapes.NormalizeDim(dim, Rank);
            if (Rank == 0) continue;
            if (reduced[d]) throw new ArgumentException($"dim {d} appears multiple times in the list of dims", nameof(dims));
            reduced[d] = true;
        }
        return reduced;
    }

    /// <summary>The shape with reduced dimensions kept as 1 (<paramref name="keepDim"/>) or removed.</summary>
    internal static int[] ReducedShape(ReadOnlySpan<int> shape, bool[] reduced, bool keepDim)
    {
        var result = new List<int>(shape.Length);
        for (int d = 0; d < shape.Length; d++)
        {
            if (!reduced[d]) result.Add(shape[d]);
            else if (keepDim) result.Add(1);
        }
        return [.. result];
    }

    private Tensor SumRaw(bool[] reduced, bool keepDim)
    {
        var source = DType.IsFloatingPoint() || DType == DType.Int64 ? this : ConvertRaw(DType.Int64);
        var kept = ReducedShape(_shape, reduced, keepDim: true);
        var result = Empty(kept, source.DType);
        switch (source.DType)
        {
            case DType.Float32: Broadcasting.SumTo<float>(source.Elements<float>(), _shape, result.Elements<float>(), kept); break;
            case DType.Float64: Broadcasting.SumTo<double>(source.Elements<double>(), _shape, result.Elements<double>(), kept); break;
            default: Broadcasting.SumTo<long>(source.Elements<long>(), _shape, result.Elements<long>(), kept); break;
        }
        return keepDim ? result : result.ViewRaw(ReducedShape(_shape, reduced, keepDim: false));
    }

    private void RequireFloatingForMean()
    {
        if (!DType.IsFloatingPoint())
        {
            throw new InvalidOperationException("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. "
                + $"Got: {DType.ScalarTypeName()}");
        }
    }

    private Tensor Extreme(bool largest)
    {
        if (Numel == 0)
        {
            throw new InvalidOperationException("max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        }
        var (values, _) = Reshape([-1]).ExtremeRaw(0, keepDim: false, largest);
        if (Autograd.ShouldRecord(this))
        {
            Node node = largest ? new MaxBackward1(this, values) : new MinBackward1(this, values);
            node.Attach(values, this);
        }
        return values;
    }

    private (Tensor Values, Tensor Indices) Extreme(int dim, bool keepDim, bool largest)
    {
        int d = Shapes.NormalizeDim(dim, Rank);
        var (values, indices) = ExtremeRaw(d, keepDim, largest);
        if (Autograd.ShouldRecord(this))
        {
            // A private copy: the caller may write to the returned indices.
            var keptIndices = indices.DetachedClone().ViewRaw(ReducedShape(_shape, OneDim(d), keepDim: true));
            Node node = largest ? new MaxBackward0(SharedShape, d, keepDim, keptIndices) : new MinBackward0(SharedShape, d, keepDim, keptIndices);
            node.Attach(values, this);
        }
        return (values, indices);
    }

    private bool[] OneDim(int dim)
    {
        var reduced = new bool[Rank];
        if (Rank > 0) reduced[dim] = true;
        return reduced;
    }

    private (Tensor Values, Tensor Indices) ExtremeRaw(int dim, bool keepDim, bool largest)
    {
        var (outer, size, inner) = Reductions.SplitAt(_shape, dim);
        if (size == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"max(): Expected reduction dim {dim} to have non-zero size."));
        }
        var outShape = ReducedShape(_shape, OneDim(dim), keepDim);
        var values = Empty(outShape, DType);
        var indices = Empty(outShape, DType.Int64);
        var indexSpan = indices.Elements<long>();
        switch (DType)
        {
            case DType.Float32:
                if (largest) Reductions.MaxAlongDim<float>(Elements<float>(), outer, size, inner, values.Elements<float>(), indexSpan);
                else Reductions.MinAlongDim<float>(Elements<float>(), outer, size, inner, values.Elements<float>(), indexSpan);
                break;
            case DType.Float64:
                if (largest) Reductions.MaxAlongDim<double>(Elements<double>(), outer, size, inner, values.Elements<double>(), indexSpan);
                else Reductions.MinAlongDim<double>(Elements<double>(), outer, size, inner, values.Elements<double>(), indexSpan);
                break;
            case DType.Int64:
                if (largest) Reductions.MaxAlongDim<long>(Elements<long>(), outer, size, inner, values.Elements<long>(), indexSpan);
                else Reductions.MinAlongDim<long>(Elements<long>(), outer, size, inner, values.Elements<long>(), indexSpan);
                break;
            default:
                var (intValues, intIndices) = ConvertRaw(DType.Int64).ExtremeRaw(dim, keepDim, largest);
                return (intValues.ConvertRaw(DType.Bool), intIndices);
        }
        return (values, indices);
    }

    private Tensor NormRaw(double p, bool[] reduced, bool keepDim)
    {
        if (!DType.IsFloatingPoint())
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"norm(): input dtype should be either floating point or complex. Got {DType.ScalarTypeName()} instead."));
        }
        if (!(p > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "norm supports p > 0, including double.PositiveInfinity (p = 2 by default).");
        }
        var source = DType.IsFloatingPoint() ? this : ConvertRaw(DType.Float32);
        if (double.IsPositiveInfinity(p))
        {
            // The largest magnitude: reduce one dimension at a time, keeping them, then drop them if asked.
            var largest = source.MapRaw(UnaryFunction.Abs);
            for (int d = 0; d < Rank; d++)
            {
                if (reduced[d]) largest = largest.ExtremeRaw(d, keepDim: true, largest: true).Values;
            }
            return keepDim ? largest : largest.ViewRaw(ReducedShape(_shape, reduced, keepDim: false));
        }
        if (p == 2) return BinaryRaw(BinaryFunction.Multiply, source, source).SumRaw(reduced, keepDim).MapRaw(UnaryFunction.Sqrt);
        var magnitudes = source.MapRaw(UnaryFunction.Abs);
        if (p == 1) return magnitudes.SumRaw(reduced, keepDim);
        var powered = BinaryRaw(BinaryFunction.Pow, magnitudes, WrapNumber(p, magnitudes)).SumRaw(reduced, keepDim);
        return BinaryRaw(BinaryFunction.Pow, powered, WrapNumber(1 / p, powered));
    }

    /// <summary>
    /// Adds <paramref name="values"/> into zeros of <paramref name="shape"/> at the positions <paramref name="indices"/>
    /// give along <paramref name="dim"/> (<c>zeros.scatter_add(dim, indices, values)</c>, recorded as <c>ScatterAddBackward0</c>):
    /// the gradient of <see cref="Gather"/> and of max/min over a dimension.
    /// </summary>
    internal static Tensor ScatterAddAlongDim(Tensor values, Tensor indices, int dim, int[] shape)
    {
        var result = Empty(shape, values.DType);
        var (outer, size, inner) = Reductions.SplitAt(shape, dim);
        int count = shape.Length == 0 ? 1 : indices.ShapeSpan[dim];
        if (values.DType == DType.Float32) Reductions.ScatterAddAlongDim<float>(values.Elements<float>(), indices.Elements<long>(), outer, size, count, inner, result.Elements<float>());
        else Reductions.ScatterAddAlongDim<double>(values.Elements<double>(), indices.Elements<long>(), outer, size, count, inner, result.Elements<double>());
        if (Autograd.ShouldRecord(values)) new ScatterAddBackward0(indices, dim).Attach(result, values);
        return result;
    }

    /// <summary>
    /// Reads, along <paramref name="dim"/>, the entries <paramref name="index"/> selects (<c>torch.gather</c>,
    /// <c>GatherBackward0</c>): <c>out[i][j] = this[i][index[i][j]]</c> for <c>dim = 1</c>. The index is int64, of this
    /// tensor's rank, and no larger than this tensor in every dimension but <paramref name="dim"/> (a smaller index
    /// reads the leading entries, as PyTorch's); the result has the index's shape.
    /// </summary>
    public Tensor Gather(int dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        int d = Shapes.NormalizeDim(dim, Rank);
        if (index.DType != DType.Int64) throw new ArgumentException("gather(): Expected dtype int64 for index", nameof(index));
        if (index.Rank != Math.Max(Rank, 1) && !(Rank == 0 && index.Rank == 0))
        {
            throw new TensorShapeException("Index tensor must have the same number of dimensions as input tensor");
        }
        bool smaller = false;
        for (int k = 0; k < Rank; k++)
        {
            if (k == d) continue;
            if (index._shape[k] > _shape[k])
            {
                throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                    $"Size does not match at dimension {k} expected index {Shapes.Format(index._shape)} to be smaller than self {Shapes.Format(_shape)} apart from dimension {d}"));
            }
            smaller |= index._shape[k] < _shape[k];
        }
        if (smaller)
        {
            // The entries a smaller index reaches are the leading ones of each other dimension: gather from that view.
            var reached = this;
            for (int k = 0; k < Rank; k++)
            {
                if (k != d && index._shape[k] < _shape[k]) reached = reached.Slice(k, 0, index._shape[k]);
            }
            return reached.Gather(d, index);
        }
        int size = Rank == 0 ? 1 : _shape[d];
        foreach (long position in index.Elements<long>())
        {
            if (position < 0 || position >= size)
            {
                throw new IndexOutOfRangeException(string.Create(CultureInfo.InvariantCulture, $"index {position} is out of bounds for dimension {d} with size {size}"));
            }
        }
        var result = Empty(index._shape, DType);
        var (outer, _, inner) = Reductions.SplitAt(_shape, d);
        int count = Rank == 0 ? 1 : index._shape[d];
        var positions = index.Elements<long>();
        switch (DType)
        {
            case DType.Float32: Reductions.GatherAlongDim<float>(Elements<float>(), positions, outer, size, count, inner, result.Elements<float>()); break;
            case DType.Float64: Reductions.GatherAlongDim<double>(Elements<double>(), positions, outer, size, count, inner, result.Elements<double>()); break;
            case DType.Int64: Reductions.GatherAlongDim<long>(Elements<long>(), positions, outer, size, count, inner, result.Elements<long>()); break;
            default: Reductions.GatherAlongDim<bool>(Elements<bool>(), positions, outer, size, count, inner, result.Elements<bool>()); break;
        }
        if (Autograd.ShouldRecord(this)) new GatherBackward0(index.DetachedClone(), d, _shape).Attach(result, this);
        return result;
    }
}
