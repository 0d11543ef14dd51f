namespace AutogradGen;

// Backward rules of Tensor.NumberTypeMath.cs, each next to the derivative it implements (PyTorch's derivatives.yaml).

internal sealed class AsinhBackward0 : Node
{
    private readonly SavedTensor _self;
    public AsinhBackward0(Tensor self) => _self = Save(self);
    // derivatives.yaml: grad * (self.pow(2) + 1).rsqrt()
    internal override Tensor?[] Backward(Tensor grad) => [grad * (_self.Value * _self.Value + 1).Rsqrt()];
}

internal sealed class AcoshBackward0 : Node
{
    private readonly SavedTensor _self;
    public AcoshBackward0(Tensor self) => _self = Save(self);
    // derivatives.yaml: grad * (self.pow(2) - 1).rsqrt(), written (self - 1)(self + 1), exact near 1
    internal override Tensor?[] Backward(Tensor grad)
    {
        var self = _self.Value;
        return [grad * ((self - 1) * (self + 1)).Rsqrt()];
    }
}

internal sealed class AtanhBackward0 : Node
{
    private readonly SavedTensor _self;
    public AtanhBackward0(Tensor self) => _self = Save(self);
    // derivatives.yaml: grad * 1 / (1 - self.pow(2))
    internal override Tensor?[] Backward(Tensor grad) => [grad / (1 - _self.Value * _self.Value)];
}

internal sealed class Exp2Backward0 : Node
{
    private readonly SavedTensor _result;
    public Exp2Backward0(Tensor result) => _result = SaveOutput(result);
    // derivatives.yaml: grad * result * M_LN2
    internal override Tensor?[] Backward(Tensor grad) => [grad * _result.Value * Math.Log(2)];
}

internal sealed class Deg2RadBackward0 : Node
{
    // derivatives.yaml: grad * (M_PI / 180)
    internal override Tensor?[] Backward(Tensor grad) => [grad * (Math.PI / 180)];
}

internal sealed class Rad2DegBackward0 : Node
{
    // derivatives.yaml: grad * (180 / M_PI)
    internal override Tensor?[] Backward(Tensor grad) => [grad * (180 / Math.PI)];
}

/// <summary>FmaxBackward0 and FminBackward0: one rule, the comparison turned round for fmin.</summary>
internal sealed class FmaxBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _other;
    private readonly bool _greater;

    public FmaxBackward0(Tensor self, Tensor other, bool greater)
    {
        _self = Save(self);
        _other = Save(other);
        _greater = greater;
    }

    public override string Name => _greater ? "FmaxBackward0" : "FminBackward0";

    // derivatives.yaml: self gets grad where (self >= other) or other is NaN (fmin: self <= other), other the rest.
    internal override Tensor?[] Backward(Tensor grad)
    {
        Tensor self = _self.Value, other = _other.Value;
        var zeros = Tensor.ZerosLike(grad);
        var toSelf = Tensor.Where(_greater ? self.Ge(other) : self.Le(other), grad, Tensor.Where(other.IsNan(), grad, zeros));
        return [NeedsInputGrad(0) ? toSelf : null, NeedsInputGrad(1) ? grad - toSelf : null];
    }
}

internal sealed class LerpBackward1 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _end;
    private readonly SavedTensor _weight;

    public LerpBackward1(Tensor self, Tensor end, Tensor weight)
    {
        _self = Save(self);
        _end = Save(end);
        _weight = Save(weight);
    }

    // derivatives.yaml: self: grad * (1 - weight), end: grad * weight, weight: grad * (end - self)
    internal override Tensor?[] Backward(Tensor grad)
    {
        var weight = _weight.Value;
        return
        [
            NeedsInputGrad(0) ? grad * (1 - weight) : null,
            NeedsInputGrad(1) ? grad * weight : null,
            NeedsInputGrad(2) ? grad * (_end.Value - _self.Value) : null,
        ];
    }
}
