namespace AutogradGen;

// Backward rules of + - * / and powers. Broadcast gradients are reduced to each input's shape by the engine.

internal sealed class AddBackward0(double alpha) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad, !NeedsInputGrad(1) ? null : alpha == 1 ? grad : grad * alpha];
}

internal sealed class SubBackward0(double alpha) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad, !NeedsInputGrad(1) ? null : alpha == 1 ? -grad : grad * -alpha];
}

internal sealed class RsubBackward1 : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [-grad];
}

internal sealed class NegBackward0 : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [-grad];
}

internal sealed class MulBackward0 : Node
{
    private readonly SavedTensor? _self;
    private readonly SavedTensor? _other;

    public MulBackward0(Tensor self, Tensor other)
        : this(self, other, self.RequiresGrad, other.RequiresGrad)
    {
    }

    // Each input's gradient needs the other input: keep only what a gradient that will be computed needs.
    // In-place Mul_ passes a copy of the old self, so whether self needs a gradient is passed separately.
    public MulBackward0(Tensor self, Tensor other, bool selfNeedsGrad, bool otherNeedsGrad)
    {
        if (otherNeedsGrad) _self = Save(self);
        if (selfNeedsGrad) _other = Save(other);
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        // The last product may be written over the incoming gradient, which is dead after it (when the pass owns it).
        if (!NeedsInputGrad(1)) return [NeedsInputGrad(0) ? Tensor.MultiplyIntoGradient(grad, _other!.Value) : null, null];
        var selfGrad = NeedsInputGrad(0) ? grad * _other!.Value : null;
        return [selfGrad, Tensor.MultiplyIntoGradient(grad, _self!.Value)];
    }
}

/// <summary>
/// <c>tensor * number</c>: PyTorch's MulBackward0 with a wrapped number as the other input, which never needs a
/// gradient; the number is kept as it is instead of as a saved 0-d tensor (nothing can change it in place).
/// </summary>
internal sealed class MulByNumberBackward0(double factor) : Node
{
    public override string Name => nameof(MulBackward0);

    internal override Tensor?[] Backward(Tensor grad) => [grad * factor, null];
}

internal sealed class DivBackward0 : Node
{
    private readonly SavedTensor? _self;
    private readonly SavedTensor _other;

    public DivBackward0(Tensor self, Tensor other)
    {
        if (other.RequiresGrad) _self = Save(self);
        _other = Save(other);
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var other = _other.Value;
        return
        [
            NeedsInputGrad(0) ? grad / other : null,
            NeedsInputGrad(1) ? -grad * _self!.Value / (other * other) : null,
        ];
    }
}

internal sealed class ReciprocalBackward0 : Node
{
    private readonly SavedTensor _result;

    public ReciprocalBackward0(Tensor result) => _result = SaveOutput(result);

    internal override Tensor?[] Backward(Tensor grad)
    {
        var result = _result.Value;
        return [-grad * result * result];
    }
}

internal sealed class PowBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly double _exponent;

    public PowBackward0(Tensor self, double exponent)
    {
        _self = Save(self);
        _exponent = exponent;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var self = _self.Value;
        if (_exponent == 0) return [Tensor.ZerosLike(grad)];
        return [grad * (self.Pow(_exponent - 1) * _exponent)];
    }
}

internal sealed class PowBackward1 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _exponent;
    private readonly SavedTensor _result;

    public PowBackward1(Tensor self, Tensor exponent, Tensor result)
    {
        _self = Save(self);
        _exponent = Save(exponent);
        _result = SaveOutput(result);
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var self = _self.Value;
        var exponent = _exponent.Value;
        Tensor? selfGrad = null, exponentGrad = null;
        if (NeedsInputGrad(0))
        {
            // d/dx x^y = y x^(y-1), taken as 0 where y == 0 (PyTorch's pow_backward_self).
            var rule = grad * exponent * self.Pow(exponent - 1);
            selfGrad = Tensor.Where(exponent.Eq(0), Tensor.Scalar(0, false, rule.DType), rule);
        }
        if (NeedsInputGrad(1))
        {
            // d/dy x^y = x^y log x, taken as 0 where x == 0 and y >= 0 (PyTorch's pow_backward_exponent).
            var rule = grad * _result.Value * self.Log();
            var atZero = self.Eq(0).ConvertRaw(DType.Int64) * exponent.Ge(0).ConvertRaw(DType.Int64);
            exponentGrad = Tensor.Where(atZero.Eq(1), Tensor.Scalar(0, false, rule.DType), rule);
        }
        return [selfGrad, exponentGrad];
    }
}

internal sealed class PowBackward2 : Node
{
    private readonly double _base;
    private readonly SavedTensor _result;

    public PowBackward2(double @base, Tensor result)
    {
        _base = @base;
        _result = SaveOutput(result);
    }

    // d/dy b^y = b^y log b; for b == 0 it is taken as 0 where y >= 0, i.e. where b^y is 0 or 1 (PyTorch's
    // pow_backward_exponent with a number base).
    internal override Tensor?[] Backward(Tensor grad)
    {
        var result = _result.Value;
        var rule = grad * result * Math.Log(_base);
        return [_base == 0 ? Tensor.Where(result.Le(1), Tensor.Scalar(0, false, rule.DType), rule) : rule];
    }
}

internal sealed class MaximumBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _other;

    public MaximumBackward0(Tensor self, Tensor other)
    {
        _self = Save(self);
        _other = Save(other);
    }

    internal override Tensor?[] Backward(Tensor grad) => ExtremumGrads.Split(grad, _self.Value, _other.Value, Comparison.Greater);
}

internal sealed class MinimumBackward0 : Node
{
    private readonly SavedTensor _self;
    private readonly SavedTensor _other;

    public MinimumBackward0(Tensor self, Tensor other)
    {
        _self = Save(self);
        _other = Save(other);
    }

    internal override Tensor?[] Backward(Tensor grad) => ExtremumGrads.Split(grad, _self.Value, _other.Value, Comparison.Less);
}

/// <summary>maximum/minimum: the gradient goes to the winning input; on a tie each gets half, as PyTorch.</summary>
internal static class ExtremumGrads
{
    public static Tensor?[] Split(Tensor grad, Tensor self, Tensor other, Comparison wins)
    {
        // PyTorch's where(self == other, grad / 2, grad).masked_fill_(other wins, 0): the loser gets +0, and where
        // neither wins nor ties (a NaN) both get the whole gradient.
        var selfWins = Tensor.CompareRaw(wins, self, other);
        var otherWins = Tensor.CompareRaw(wins, other, self);
        var tie = Tensor.CompareRaw(Comparison.Equal, self, other);
        var zero = Tensor.Scalar(0, false, grad.DType);
        var shared = Tensor.Where(tie, grad / 2, grad);
        return [Tensor.Where(otherWins, zero, shared), Tensor.Where(selfWins, zero, shared)];
    }
}

internal sealed class WhereBackward0 : Node
{
    private readonly SavedTensor _condition;

    // The condition is constant for autograd but saved like any tensor, so a later in-place change is caught.
    public WhereBackward0(Tensor condition) => _condition = Save(condition);

    internal override Tensor?[] Backward(Tensor grad)
    {
        var condition = _condition.Value;
        var zero = Tensor.Scalar(0, false, grad.DType);
        return
        [
            null,
            NeedsInputGrad(1) ? Tensor.Where(condition, grad, zero) : null,
            NeedsInputGrad(2) ? Tensor.Where(condition, zero, grad) : null,
        ];
    }
}
