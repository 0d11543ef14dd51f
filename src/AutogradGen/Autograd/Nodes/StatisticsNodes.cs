namespace AutogradGen;

// Backward rules of logsumexp, var/std, prod, cumsum and amax/amin. Reduced gradients are put back into the input's
// shape with ReductionGrads.Unreduce; every rule is written with recorded operations, so createGraph works.

internal sealed class LogsumexpBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _result;
    private readonly bool[] _reduced;
    private readonly bool _keepDim;

    public LogsumexpBackward0(Tensor self, Tensor result, bool[] reduced, bool keepDim)
    {
        _self = Save(self);
        _result = SaveOutput(result);
        _reduced = reduced;
        _keepDim = keepDim;
    }

    // d/dx_i log Σ e^x = e^(x_i - logsumexp): the softmax over the reduced dimensions
    internal override Tensor?[] Backward(Tensor grad)
    {
        var self = _self.Value;
        var shape = self.SharedShape;
        var result = ReductionGrads.Unreduce(_result.Value, shape, _reduced, _keepDim);
        return [ReductionGrads.Unreduce(grad, shape, _reduced, _keepDim) * (self - result).Exp()];
    }
}

internal sealed class VarBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly bool[] _reduced;
    private readonly bool _keepDim;
    private readonly double _divisor;

    public VarBackward0(Tensor self, bool[] reduced, bool keepDim, double correction, int count)
    {
        _self = Save(self);
        _reduced = reduced;
        _keepDim = keepDim;
        _divisor = Math.Max(0, count - correction);
    }

    // d/dx_i Σ(x - mean)² / (N - c) = 2 (x_i - mean) / (N - c): the mean's own dependence sums to zero
    internal override Tensor?[] Backward(Tensor grad)
    {
        var self = _self.Value;
        var deviation = self - self.Mean(Tensor.DimList(_reduced), keepDim: true);
        return [ReductionGrads.Unreduce(grad, self.SharedShape, _reduced, _keepDim) * deviation * (2 / _divisor)];
    }
}

internal sealed class StdBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _result;
    private readonly bool[] _reduced;
    private readonly bool _keepDim;
    private readonly double _divisor;

    public StdBackward0(Tensor self, Tensor result, bool[] reduced, bool keepDim, double correction, int count)
    {
        _self = Save(self);
        _result = SaveOutput(result);
        _reduced = reduced;
        _keepDim = keepDim;
        _divisor = Math.Max(0, count - correction);
    }

    // d std = d var / (2 std) = (x_i - mean) / ((N - c) std); a zero std gives NaN, as PyTorch's
    internal override Tensor?[] Backward(Tensor grad)
    {
        var self = _self.Value;
        var shape = self.SharedShape;
        var deviation = self - self.Mean(Tensor.DimList(_reduced), keepDim: true);
        var std = ReductionGrads.Unreduce(_result.Value, shape, _reduced, _keepDim);
        return [ReductionGrads.Unreduce(grad, shape, _reduced, _keepDim) * deviation / (std * _divisor)];
    }
}

internal sealed class ProdBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _result;

    public ProdBackward0(Tensor self, Tensor result)
    {
        _self = Save(self);
        _result = SaveOutput(result);
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var self = _self.Value.Reshape([-1]);
        var g = ProdGrads.AlongDim(grad.Reshape([1]), self, _result.Value.Reshape([1]), 0);
        return [g.Reshape(_self.Value.SharedShape)];
    }
}

internal sealed class ProdBackward1 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _result;
    private readonly int _dim;
    private readonly bool _keepDim;

    public ProdBackward1(Tensor self, Tensor result, int dim, bool keepDim)
    {
        _self = Save(self);
        _result = SaveOutput(result);
        _dim = dim;
        _keepDim = keepDim;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var self = _self.Value;
        var keptGrad = _keepDim || self.Rank == 0 ? grad : grad.Unsqueeze(_dim);
        var keptResult = _keepDim || self.Rank == 0 ? _result.Value : _result.Value.Unsqueeze(_dim);
        return [ProdGrads.AlongDim(keptGrad, self, keptResult, _dim)];
    }
}

internal static class ProdGrads
{
    /// <summary>
    /// d/dx_i Π x = the product of the others: result / x_i where x_i ≠ 0; at a zero, the product of the nonzero
    /// others when it is the only zero of its slice, else 0 (PyTorch's prod_backward, without dividing by zero).
    /// </summary>
    public static Tensor AlongDim(Tensor keptGrad, Tensor self, Tensor keptResult, int dim)
    {
        var shape = self.SharedShape;
        var zeros = self.Eq(0);
        var one = Tensor.Scalar(1, dtype: self.DType);
        var zero = Tensor.Scalar(0, dtype: self.DType);
        var withoutZeros = Tensor.Where(zeros, one, self);
        var othersWhereNonzero = keptResult.Expand(shape) / withoutZeros;
        var productOfNonzero = withoutZeros.Prod(dim, keepDim: true).Expand(shape);
        var loneZero = zeros.ConvertRaw(DType.Int64).Sum(dim, keepDim: true).Eq(1).Expand(shape);
        var atZeros = Tensor.Where(loneZero, productOfNonzero, zero);
        return keptGrad.Expand(shape) * Tensor.Where(zeros, atZeros, othersWhereNonzero);
    }
}

internal sealed class CumsumBackward0(int dim) : Node
{
    // Each input reaches every later running sum: the gradient is the reversed running sum of the gradient.
    internal override Tensor?[] Backward(Tensor grad) => [grad.Flip([dim]).CumSum(dim).Flip([dim])];
}

internal sealed class AmaxBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _result;
    private readonly bool[] _reduced;
    private readonly bool _keepDim;

    public AmaxBackward0(Tensor self, Tensor result, bool[] reduced, bool keepDim)
    {
        _self = Save(self);
        _result = SaveOutput(result);
        _reduced = reduced;
        _keepDim = keepDim;
    }

    internal override Tensor?[] Backward(Tensor grad) => [ExtremeGrads.Shared(grad, _self.Value, _result.Value, _reduced, _keepDim)];
}

internal sealed class AminBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _result;
    private readonly bool[] _reduced;
    private readonly bool _keepDim;

    public AminBackward0(Tensor self, Tensor result, bool[] reduced, bool keepDim)
    {
        _self = Save(self);
        _result = SaveOutput(result);
        _reduced = reduced;
        _keepDim = keepDim;
    }

    internal override Tensor?[] Backward(Tensor grad) => [ExtremeGrads.Shared(grad, _self.Value, _result.Value, _reduced, _keepDim)];
}

internal static class ExtremeGrads
{
    /// <summary>amax/amin's gradient: shared evenly by the elements equal to the extreme of their slice (PyTorch's scale_grad_by_count).</summary>
    public static Tensor Shared(Tensor grad, Tensor self, Tensor result, bool[] reduced, bool keepDim)
    {
        var shape = self.SharedShape;
        var mask = self.Eq(ReductionGrads.Unreduce(result, shape, reduced, keepDim)).ConvertRaw(grad.DType);
        var counts = mask.Sum(Tensor.DimList(reduced), keepDim: true).Expand(shape);
        return ReductionGrads.Unreduce(grad, shape, reduced, keepDim) * mask / counts;
    }
}
