namespace AutogradGen;

// Backward rules of Tensor.MoreMath.cs, each next to the derivative it implements (PyTorch's derivatives.yaml).

internal sealed class TanBackward0 : Node
{
    private readonly SavedTensor _result;
    public TanBackward0(Tensor result) => _result = SaveOutput(result);
    // d/dx tan x = 1 + tan² x
    internal override Tensor?[] Backward(Tensor grad) => [grad * (_result.Value * _result.Value + 1)];
}

internal sealed class AsinBackward0 : Node
{
    private readonly SavedTensor _self;
    public AsinBackward0(Tensor self) => _self = Save(self);
    // d/dx asin x = 1 / sqrt(1 - x²)
    internal override Tensor?[] Backward(Tensor grad) => [grad / (1 - _self.Value * _self.Value).Sqrt()];
}

internal sealed class AcosBackward0 : Node
{
    private readonly SavedTensor _self;
    public AcosBackward0(Tensor self) => _self = Save(self);
    // d/dx acos x = -1 / sqrt(1 - x²)
    internal override Tensor?[] Backward(Tensor grad) => [-grad / (1 - _self.Value * _self.Value).Sqrt()];
}

internal sealed class AtanBackward0 : Node
{
    private readonly SavedTensor _self;
    public AtanBackward0(Tensor self) => _self = Save(self);
    // d/dx atan x = 1 / (1 + x²)
    internal override Tensor?[] Backward(Tensor grad) => [grad / (_self.Value * _self.Value + 1)];
}

internal sealed class SinhBackward0 : Node
{
    private readonly SavedTensor _self;
    public SinhBackward0(Tensor self) => _self = Save(self);
    // d/dx sinh x = cosh x
    internal override Tensor?[] Backward(Tensor grad) => [grad * _self.Value.Cosh()];
}

internal sealed class CoshBackward0 : Node
{
    private readonly SavedTensor _self;
    public CoshBackward0(Tensor self) => _self = Save(self);
    // d/dx cosh x = sinh x
    internal override Tensor?[] Backward(Tensor grad) => [grad * _self.Value.Sinh()];
}

internal sealed class Log2Backward0 : Node
{
    private readonly SavedTensor _self;
    public Log2Backward0(Tensor self) => _self = Save(self);
    // d/dx log2 x = 1 / (x ln 2)
    internal override Tensor?[] Backward(Tensor grad) => [grad / (_self.Value * Math.Log(2))];
}

internal sealed class Log10Backward0 : Node
{
    private readonly SavedTensor _self;
    public Log10Backward0(Tensor self) => _self = Save(self);
    // d/dx log10 x = 1 / (x ln 10)
    internal override Tensor?[] Backward(Tensor grad) => [grad / (_self.Value * Math.Log(10))];
}

internal sealed class CbrtBackward0 : Node
{
    private readonly SavedTensor _result;
    public CbrtBackward0(Tensor result) => _result = SaveOutput(result);
    // d/dx cbrt x = 1 / (3 cbrt² x): infinite at 0
    internal override Tensor?[] Backward(Tensor grad) => [grad / (_result.Value * _result.Value * 3)];
}

internal sealed class Atan2Backward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _other;

    public Atan2Backward0(Tensor self, Tensor other)
    {
        _self = Save(self);
        _other = Save(other);
    }

    // d/dy atan2(y, x) = x / (x² + y²), d/dx atan2(y, x) = -y / (x² + y²)
    internal override Tensor?[] Backward(Tensor grad)
    {
        var self = _self.Value;
        var other = _other.Value;
        var denominator = self * self + other * other;
        return [NeedsInputGrad(0) ? grad * other / denominator : null, NeedsInputGrad(1) ? grad * -self / denominator : null];
    }
}

internal sealed class HypotBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _other;
    private readonly SavedTensor _result;

    public HypotBackward0(Tensor self, Tensor other, Tensor result)
    {
        _self = Save(self);
        _other = Save(other);
        _result = SaveOutput(result);
    }

    // derivatives.yaml: self: grad * self / result, other: grad * other / result (NaN at (0, 0), as PyTorch's).
    internal override Tensor?[] Backward(Tensor grad)
    {
        var result = _result.Value;
        return [NeedsInputGrad(0) ? grad * _self.Value / result : null, NeedsInputGrad(1) ? grad * _other.Value / result : null];
    }
}

internal sealed class CopysignBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _result;

    public CopysignBackward0(Tensor self, Tensor result)
    {
        _self = Save(self);
        _result = SaveOutput(result);
    }

    // derivatives.yaml: copysign_tensor_self_backward, grad * result / self with 0 where self is 0; other: zeros.
    internal override Tensor?[] Backward(Tensor grad)
    {
        Tensor? selfGrad = null;
        if (NeedsInputGrad(0))
        {
            var self = _self.Value;
            selfGrad = grad * Tensor.Where(self.Eq(0.0), Tensor.ZerosLike(self), _result.Value / self);
        }

        return [selfGrad, NeedsInputGrad(1) ? Tensor.ZerosLike(grad) : null];
    }
}
