namespace AutogradGen;

// Backward rules of sums, means, extremes and norms: the output gradient is put back into the input's shape.

internal sealed class SumBackward0(int[] shape) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Expand(shape)];
}

internal sealed class SumBackward1(int[] shape, bool[] reduced, bool keepDim) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [ReductionGrads.Unreduce(grad, shape, reduced, keepDim)];
}

/// <summary>The recorded <c>sum_to_size</c> of a broadcast gradient (PyTorch records it as <c>SumBackward1</c>).</summary>
internal sealed class SumToSizeBackward(int[] shape) : Node
{
    public override string Name => "SumBackward1";
    internal override Tensor?[] Backward(Tensor grad) => [grad.Expand(shape)];
}

internal sealed class MeanBackward0(int[] shape, int count) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Expand(shape) / count];
}

internal sealed class MeanBackward1(int[] shape, bool[] reduced, bool keepDim, int count) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [ReductionGrads.Unreduce(grad, shape, reduced, keepDim) / count];
}

internal sealed class MaxBackward1 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _result;

    public MaxBackward1(Tensor self, Tensor result)
    {
        _self = Save(self);
        _result = SaveOutput(result);
    }

    internal override Tensor?[] Backward(Tensor grad) => [ReductionGrads.EvenlyDistribute(grad, _self.Value, _result.Value)];
}

internal sealed class MinBackward1 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _result;

    public MinBackward1(Tensor self, Tensor result)
    {
        _self = Save(self);
        _result = SaveOutput(result);
    }

    internal override Tensor?[] Backward(Tensor grad) => [ReductionGrads.EvenlyDistribute(grad, _self.Value, _result.Value)];
}

internal sealed class MaxBackward0(int[] shape, int dim, bool keepDim, Tensor keptIndices) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [ReductionGrads.ToSelected(grad, shape, dim, keepDim, keptIndices)];
}

internal sealed class MinBackward0(int[] shape, int dim, bool keepDim, Tensor keptIndices) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [ReductionGrads.ToSelected(grad, shape, dim, keepDim, keptIndices)];
}

internal sealed class ScatterAddBackward0(Tensor indices, int dim) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Gather(dim, indices)];
}

internal sealed class GatherBackward0(Tensor indices, int dim, int[] shape) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.ScatterAddAlongDim(grad, indices, dim, shape)];
}

internal sealed class LinalgVectorNormBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _result;
    private readonly double _p;
    private readonly bool[] _reduced;
    private readonly bool _keepDim;

    public LinalgVectorNormBackward0(Tensor self, Tensor result, double p, bool[] reduced, bool keepDim)
    {
        _self = Save(self);
        _result = SaveOutput(result);
        _p = p;
        _reduced = reduced;
        _keepDim = keepDim;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var self = _self.Value;
        var shape = self.SharedShape;
        var g = ReductionGrads.Unreduce(grad, shape, _reduced, _keepDim);
        if (_p == 1) return [g * self.Sign()];
        var norm = ReductionGrads.Unreduce(_result.Value, shape, _reduced, _keepDim);
        if (double.IsPositiveInfinity(_p))
        {
            // The elements of largest magnitude share the gradient evenly, with their sign (PyTorch's inf-norm backward).
            var mask = self.Abs().Eq(norm).ConvertRaw(grad.DType);
            var ties = ReductionGrads.Unreduce(mask.Sum([.. ReducedDimensions()], keepDim: true), shape, _reduced, keepDim: true);
            return [g * self.Sign() * (mask / ties)];
        }
        // d/dx ||x||_p = x |x|^(p-2) / ||x||^(p-1); a zero norm has zero gradient, as PyTorch's norm_backward.
        var scale = _p == 2 ? self / norm : self * self.Abs().Pow(_p - 2) / norm.Pow(_p - 1);
        var zero = Tensor.Scalar(0, false, scale.DType);
        return [Tensor.Where(norm.Eq(0), zero, g * scale)];
    }

    private List<int> ReducedDimensions()
    {
        var dims = new List<int>();
        for (int d = 0; d < _reduced.Length; d++)
        {
            if (_reduced[d]) dims.Add(d);
        }
        return dims;
    }
}

internal static class ReductionGrads
{
    /// <summary>Puts reduced dimensions back (as size 1 unless kept) and expands to the input's shape.</summary>
    public static Tensor Unreduce(Tensor grad, int[] shape, bool[] reduced, bool keepDim)
    {
        var kept = keepDim ? grad : grad.Reshape(Tensor.ReducedShape(shape, reduced, keepDim: true));
        return kept.Expand(shape);
    }

    /// <summary>The gradient of a full max or min: shared evenly by every element equal to the result.</summary>
    public static Tensor EvenlyDistribute(Tensor grad, Tensor self, Tensor result)
    {
        // PyTorch's evenly_distribute_backward (CPU): zeros with grad / count at the selected elements, so the others
        // are +0; a NaN result selects the NaN elements.
        var mask = double.IsNaN(result.Item()) ? self.Ne(self) : self.Eq(result);
        double count = mask.ConvertRaw(DType.Float64).Sum().Item();
        return Tensor.Where(mask, grad / count, Tensor.Scalar(0, false, grad.DType));
    }

    /// <summary>The gradient of max/min over a dimension: each value's gradient goes to the element its index selected.</summary>
    public static Tensor ToSelected(Tensor grad, int[] shape, int dim, bool keepDim, Tensor keptIndices)
    {
        var kept = keepDim || shape.Length == 0 ? grad : grad.Unsqueeze(dim);
        return Tensor.ScatterAddAlongDim(kept, keptIndices, dim, shape);
    }
}
