namespace AutogradGen;

// Backward rules of the element-wise functions, each next to the derivative it implements.

internal sealed class ExpBackward0 : Node
{
    private readonly SavedTensor _result;
    public ExpBackward0(Tensor result) => _result = SaveOutput(result);
    // d/dx e^x = e^x
    internal override Tensor?[] Backward(Tensor grad) => [grad * _result.Value];
}

internal sealed class LogBackward0 : Node
{
    private readonly SavedTensor _self;
    public LogBackward0(Tensor self) => _self = Save(self);
    // d/dx log x = 1 / x
    internal override Tensor?[] Backward(Tensor grad) => [grad / _self.Value];
}

internal sealed class SqrtBackward0 : Node
{
    private readonly SavedTensor _result;
    public SqrtBackward0(Tensor result) => _result = SaveOutput(result);
    // d/dx sqrt x = 1 / (2 sqrt x): infinite at 0
    internal override Tensor?[] Backward(Tensor grad) => [grad / (_result.Value * 2)];
}

internal sealed class AbsBackward0 : Node
{
    private readonly SavedTensor _self;
    public AbsBackward0(Tensor self) => _self = Save(self);
    // d/dx |x| = sign x, which is 0 at 0
    internal override Tensor?[] Backward(Tensor grad) => [grad * _self.Value.Sign()];
}

internal sealed class SignBackward0 : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.ZerosLike(grad)];
}

internal sealed class SinBackward0 : Node
{
    private readonly SavedTensor _self;
    public SinBackward0(Tensor self) => _self = Save(self);
    internal override Tensor?[] Backward(Tensor grad) => [grad * _self.Value.Cos()];
}

internal sealed class CosBackward0 : Node
{
    private readonly SavedTensor _self;
    public CosBackward0(Tensor self) => _self = Save(self);
    internal override Tensor?[] Backward(Tensor grad) => [grad * -_self.Value.Sin()];
}

internal sealed class TanhBackward0 : Node
{
    private readonly SavedTensor _result;
    public TanhBackward0(Tensor result) => _result = SaveOutput(result);
    // d/dx tanh x = 1 - tanh² x
    internal override Tensor?[] Backward(Tensor grad)
    {
        var result = _result.Value;
        return [grad * (1 - result * result)];
    }
}

internal sealed class SigmoidBackward0 : Node
{
    private readonly SavedTensor _result;
    public SigmoidBackward0(Tensor result) => _result = SaveOutput(result);
    // d/dx σ(x) = σ(x) (1 - σ(x))
    internal override Tensor?[] Backward(Tensor grad)
    {
        var result = _result.Value;
        return [grad * result * (1 - result)];
    }
}

internal sealed class ReluBackward0 : Node
{
    private readonly SavedTensor _result;
    public ReluBackward0(Tensor result) => _result = SaveOutput(result);
    // The gradient where the output is positive, +0 elsewhere (so 0 at the kink): PyTorch's threshold_backward, which
    // reads the result, so under createGraph the gradient requires grad (ThresholdBackwardBackward0).
    internal override Tensor?[] Backward(Tensor grad)
    {
        var result = _result.Value;
        var positive = result.Gt(0);
        return [LinearBackwardOfBackward.Run(grad, result, g => Tensor.Where(positive, g, Tensor.Scalar(0, false, g.DType)),
            () => new ThresholdBackwardBackward0(g => Tensor.Where(positive, g, Tensor.Scalar(0, false, g.DType)), result))];
    }
}

internal sealed class SoftplusBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly double _beta;
    private readonly double _threshold;

    public SoftplusBackward0(Tensor self, double beta, double threshold)
    {
        _self = Save(self);
        _beta = beta;
        _threshold = threshold;
    }

    // σ(beta x) below the threshold, 1 above it (where the forward pass returned x itself)
    internal override Tensor?[] Backward(Tensor grad)
    {
        var scaled = _self.Value * _beta;
        var slope = Tensor.Where(scaled.Gt(_threshold), Tensor.Scalar(1, false, scaled.DType), scaled.Sigmoid());
        return [grad * slope];
    }
}

internal sealed class ClampBackward1 : Node
{
    private readonly SavedTensor _self;
    private readonly double? _min;
    private readonly double? _max;

    public ClampBackward1(Tensor self, double? min, double? max)
    {
        _self = Save(self);
        _min = min;
        _max = max;
    }

    // The gradient passes where min <= x <= max (PyTorch's clamp_backward).
    internal override Tensor?[] Backward(Tensor grad)
    {
        // A selection, so the clamped elements get +0 (a product with a 0/1 mask would give -0 for a negative gradient).
        var self = _self.Value;
        var zero = Tensor.Scalar(0, false, grad.DType);
        var passed = grad;
        if (_min is double min) passed = Tensor.Where(self.Ge(min), passed, zero);
        if (_max is double max) passed = Tensor.Where(self.Le(max), passed, zero);
        return [ReferenceEquals(passed, grad) ? grad.Clone() : passed];
    }
}

internal sealed class ToCopyBackward0 : Node
{
    // The engine casts the gradient back to the input's dtype.
    internal override Tensor?[] Backward(Tensor grad) => [grad];
}

internal sealed class CloneBackward0 : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad];
}
