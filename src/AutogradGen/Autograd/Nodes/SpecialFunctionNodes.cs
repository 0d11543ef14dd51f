namespace AutogradGen;

// Backward rules of log1p, expm1, rsqrt, erf, the roundings and nan_to_num, each next to the derivative it implements.

internal sealed class Log1PBackward0 : Node
{
    private readonly SavedTensor _self;
    public Log1PBackward0(Tensor self) => _self = Save(self);
    // d/dx log(1 + x) = 1 / (1 + x)
    internal override Tensor?[] Backward(Tensor grad) => [grad / (_self.Value + 1)];
}

internal sealed class Expm1Backward0 : Node
{
    private readonly SavedTensor _result;
    public Expm1Backward0(Tensor result) => _result = SaveOutput(result);
    // d/dx (e^x - 1) = e^x = result + 1
    internal override Tensor?[] Backward(Tensor grad) => [grad * (_result.Value + 1)];
}

internal sealed class RsqrtBackward0 : Node
{
    private readonly SavedTensor _result;
    public RsqrtBackward0(Tensor result) => _result = SaveOutput(result);
    // d/dx x^(-1/2) = -1/2 x^(-3/2) = -1/2 result³
    internal override Tensor?[] Backward(Tensor grad) => [grad * _result.Value.Pow(3) * -0.5];
}

internal sealed class ErfBackward0 : Node
{
    private readonly SavedTensor _self;
    public ErfBackward0(Tensor self) => _self = Save(self);
    // d/dx erf x = 2/√π e^(-x²)
    internal override Tensor?[] Backward(Tensor grad)
    {
        var self = _self.Value;
        return [grad * (-(self * self)).Exp() * (2 / Math.Sqrt(Math.PI))];
    }
}

/// <summary>Rounding is piecewise constant: its gradient is zero everywhere (PyTorch's choice at the jumps too).</summary>
internal abstract class ZeroGradientNode : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.ZerosLike(grad)];
}

internal sealed class FloorBackward0 : ZeroGradientNode;

internal sealed class CeilBackward0 : ZeroGradientNode;

internal sealed class RoundBackward0 : ZeroGradientNode;

internal sealed class RoundBackward1 : ZeroGradientNode;

internal sealed class NanToNumBackward0(Tensor finite) : Node
{
    // The gradient passes where the input was finite; replaced elements are constants.
    internal override Tensor?[] Backward(Tensor grad) => [grad * finite.ConvertRaw(grad.DType)];
}
