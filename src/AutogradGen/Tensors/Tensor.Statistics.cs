using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

// logsumexp, variance and standard deviation, products, cumulative sums, amax/amin and argmax/argmin over dimensions.
// The forward passes compose existing operations under no-grad (so they follow whatever layout the raw layer uses);
// each records the one node PyTorch records.
public sealed partial class Tensor
{
    /// <summary><c>log Σ e^x</c> over <paramref name="dim"/>, computed stably (<c>x.logsumexp(dim, keepdim)</c>, <c>LogsumexpBackward0</c>).</summary>
    public Tensor LogSumExp(int dim, bool keepDim = false) => LogSumExp([dim], keepDim);

    /// <summary><c>log Σ e^x</c> over <paramref name="dims"/>; the largest element is taken out first, so no overflow.</summary>
    public Tensor LogSumExp(ReadOnlySpan<int> dims, bool keepDim = false)
    {
        var reduced = ReducedDims(dims);
        var source = DType.IsFloatingPoint() ? this : ConvertRaw(DType.Float32);
        Tensor result;
        using (Autograd.NoGrad())
        {
            var largest = source.AMaxKept(reduced);
            // An infinite maximum (all -inf, or a +inf) must not make inf - inf: shift by 0 there, as PyTorch does.
            largest = Where(largest.IsInf(), Scalar(0, dtype: largest.DType), largest);
            result = (source - largest).Exp().Sum(DimList(reduced), keepDim: true).Log() + largest;
            result = Squeezed(result, reduced, keepDim);
        }
        if (Autograd.ShouldRecord(this)) new LogsumexpBackward0(this, result, reduced, keepDim).Attach(result, this);
        return result;
    }

    /// <summary>The variance of all elements (<c>x.var(correction=1)</c>, <c>VarBackward0</c>): the sum of squared deviations over <c>N - correction</c>.</summary>
    public Tensor Var(double correction = 1) => Var(AllDimList(), correction, keepDim: false);

    /// <summary>The variance over <paramref name="dim"/> (<c>x.var(dim, correction=1, keepdim=False)</c>).</summary>
    public Tensor Var(int dim, double correction = 1, bool keepDim = false) => Var([dim], correction, keepDim);

    /// <summary>The variance over <paramref name="dims"/>; <paramref name="correction"/> 1 is Bessel's (unbiased), 0 the population variance.</summary>
    public Tensor Var(ReadOnlySpan<int> dims, double correction = 1, bool keepDim = false)
    {
        RequireFloatingFor("var");
        var reduced = ReducedDims(dims);
        var result = VarianceRaw(reduced, correction, keepDim);
        if (Autograd.ShouldRecord(this)) new VarBackward0(this, reduced, keepDim, correction, ReducedCount(reduced)).Attach(result, this);
        return result;
    }

    /// <summary>The standard deviation of all elements (<c>x.std(correction=1)</c>, <c>StdBackward0</c>).</summary>
    public Tensor Std(double correction = 1) => Std(AllDimList(), correction, keepDim: false);

    /// <summary>The standard deviation over <paramref name="dim"/> (<c>x.std(dim, correction=1, keepdim=False)</c>).</summary>
    public Tensor Std(int dim, double correction = 1, bool keepDim = false) => Std([dim], correction, keepDim);

    /// <summary>The standard deviation over <paramref name="dims"/>: the square root of <see cref="Var(ReadOnlySpan{int}, double, bool)"/>.</summary>
    public Tensor Std(ReadOnlySpan<int> dims, double correction = 1, bool keepDim = false)
    {
        RequireFloatingFor("std");
        var reduced = ReducedDims(dims);
        var result = VarianceRaw(reduced, correction, keepDim).MapRaw(UnaryFunction.Sqrt);
        if (Autograd.ShouldRecord(this)) new StdBackward0(this, result, reduced, keepDim, correction, ReducedCount(reduced)).Attach(result, this);
        return result;
    }

    /// <summary>The product of all elements (<c>x.prod()</c>, <c>ProdBackward0</c>); integers multiply as int64.</summary>
    public Tensor Prod()
    {
        var result = Reshape([-1]).ProdRaw(0, keepDim: false);
        if (Autograd.ShouldRecord(this)) new ProdBackward0(this, result).Attach(result, this);
        return result;
    }

    /// <summary>The product over <paramref name="dim"/> (<c>x.prod(dim, keepdim)</c>, <c>ProdBackward1</c>). Zeros are handled exactly in the gradient.</summary>
    public Tensor Prod(int dim, bool keepDim = false)
    {
        int d = Shapes.NormalizeDim(dim, Rank);
        var result = ProdRaw(d, keepDim);
        if (Autograd.ShouldRecord(this)) new ProdBackward1(this, result, d, keepDim).Attach(result, this);
        return result;
    }

    /// <summary>Running sums along <paramref name="dim"/> (<c>x.cumsum(dim)</c>, <c>CumsumBackward0</c>); integers sum as int64.</summary>
    public Tensor CumSum(int dim)
    {
        int d = Shapes.NormalizeDim(dim, Rank);
        var source = DType.IsFloatingPoint() ? this : ConvertRaw(DType.Int64);
        var values = source.ToArray();
        var (outer, size, inner) = Reductions.SplitAt(_shape, d);
        for (int o = 0; o < outer; o++)
        {
            for (int k = 1; k < size; k++)
            {
                int row = (o * size + k) * inner, previous = row - inner;
                for (int i = 0; i < inner; i++) values[row + i] += values[previous + i];
            }
        }
        var result = FromValues(values, SharedShape, source.DType);
        if (Autograd.ShouldRecord(this)) new CumsumBackward0(d).Attach(result, this);
        return result;
    }

    /// <summary>The largest element over every dimension (<c>x.amax()</c>, <c>AmaxBackward0</c>); ties share the gradient evenly.</summary>
    public Tensor AMax() => AMax(AllDimList());

    /// <summary>The largest elements over <paramref name="dims"/> (<c>x.amax(dims, keepdim)</c>): values only, the gradient shared evenly by ties, unlike <see cref="Max(int, bool)"/>.</summary>
    public Tensor AMax(ReadOnlySpan<int> dims, bool keepDim = false) => AExtreme(dims, keepDim, largest: true);

    /// <summary>The smallest element over every dimension (<c>x.amin()</c>, <c>AminBackward0</c>).</summary>
    public Tensor AMin() => AMin(AllDimList());

    /// <summary>The smallest elements over <paramref name="dims"/> (<c>x.amin(dims, keepdim)</c>).</summary>
    public Tensor AMin(ReadOnlySpan<int> dims, bool keepDim = false) => AExtreme(dims, keepDim, largest: false);

    /// <summary>The index of the largest element along <paramref name="dim"/>, int64 (<c>x.argmax(dim, keepdim)</c>); the first one among ties.</summary>
    public Tensor ArgMax(int dim, bool keepDim = false)
    {
        using (Autograd.NoGrad()) return Max(dim, keepDim).Indices;
    }

    /// <summary>The index of the smallest element of the flattened tensor (<c>x.argmin()</c>).</summary>
    public Tensor ArgMin() => Reshape([-1]).ArgMin(0);

    /// <summary>The index of the smallest element along <paramref name="dim"/>, int64 (<c>x.argmin(dim, keepdim)</c>).</summary>
    public Tensor ArgMin(int dim, bool keepDim = false)
    {
        using (Autograd.NoGrad()) return Min(dim, keepDim).Indices;
    }

    private Tensor AExtreme(ReadOnlySpan<int> dims, bool keepDim, bool largest)
    {
        var reduced = ReducedDims(dims);
        if (Numel == 0)
        {
            throw new InvalidOperationException((largest ? "amax" : "amin") + "(): Expected reduction dim to be specified for input.numel() == 0.");
        }
        Tensor result;
        using (Autograd.NoGrad()) result = Squeezed(ExtremeKept(reduced, largest), reduced, keepDim);
        if (Autograd.ShouldRecord(this))
        {
            Node node = largest ? new AmaxBackward0(this, result, reduced, keepDim) : new AminBackward0(this, result, reduced, keepDim);
            node.Attach(result, this);
        }
        return result;
    }

    /// <summary>The largest elements over the reduced dimensions, kept as size 1. Not recorded.</summary>
    internal Tensor AMaxKept(bool[] reduced) => ExtremeKept(reduced, largest: true);

    private Tensor ExtremeKept(bool[] reduced, bool largest)
    {
        var result = this;
        for (int d = 0; d < Rank; d++)
        {
            if (reduced[d]) result = result.ExtremeRaw(d, keepDim: true, largest).Values;
        }
        return ReferenceEquals(result, this) ? DetachedClone() : result;
    }

    private Tensor VarianceRaw(bool[] reduced, double correction, bool keepDim)
    {
        int count = ReducedCount(reduced);
        using (Autograd.NoGrad())
        {
            var dims = DimList(reduced);
            var deviation = this - Mean(dims, keepDim: true);
            var squares = (deviation * deviation).Sum(dims, keepDim);
            return squares / Math.Max(0, count - correction);
        }
    }

    private Tensor ProdRaw(int dim, bool keepDim)
    {
        var source = DType.IsFloatingPoint() ? this : ConvertRaw(DType.Int64);
        var values = source.ToArray();
        var (outer, size, inner) = Reductions.SplitAt(_shape, dim);
        var products = new double[outer * inner];
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                double product = 1;
                for (int k = 0; k < size; k++) product *= values[(o * size + k) * inner + i];
                products[o * inner + i] = product;
            }
        }
        return FromValues(products, ReducedShape(_shape, OneDim(dim), keepDim), source.DType);
    }

    /// <summary>How many elements each output of a reduction over <paramref name="reduced"/> combines.</summary>
    internal int ReducedCount(bool[] reduced)
    {
        int count = 1;
        for (int d = 0; d < Rank; d++)
        {
            if (reduced[d]) count *= _shape[d];
        }
        return count;
    }

    /// <summary>Reduced dimensions (kept as size 1) removed unless <paramref name="keepDim"/>.</summary>
    private static Tensor Squeezed(Tensor kept, bool[] reduced, bool keepDim) =>
        keepDim ? kept : kept.ViewRaw(ReducedShape(kept.SharedShape, reduced, keepDim: false));

    internal static int[] DimList(bool[] reduced)
    {
        var dims = new List<int>();
        for (int d = 0; d < reduced.Length; d++)
        {
            if (reduced[d]) dims.Add(d);
        }
        return [.. dims];
    }

    private int[] AllDimList()
    {
        var dims = new int[Rank];
        for (int d = 0; d < Rank; d++) dims[d] = d;
        return dims;
    }

    private void RequireFloatingFor(string operation)
    {
        if (!DType.IsFloatingPoint())
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{operation}(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {DType.ScalarTypeName()}"));
        }
    }
}
