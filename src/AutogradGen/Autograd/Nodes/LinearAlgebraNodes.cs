namespace AutogradGen;

// Backward rules of the matrix products: for C = A·B, dA = dC·Bᵀ and dB = Aᵀ·dC.

internal sealed class MmBackward0 : Node
{
    private readonly SavedTensor? _self;
    private readonly SavedTensor? _other;

    public MmBackward0(Tensor self, Tensor other)
    {
        if (other.RequiresGrad) _self = Save(self);
        if (self.RequiresGrad) _other = Save(other);
    }

    internal override Tensor?[] Backward(Tensor grad) =>
    [
        NeedsInputGrad(0) ? grad.Mm(_other!.Value.T()) : null,
        NeedsInputGrad(1) ? _self!.Value.T().Mm(grad) : null,
    ];
}

internal sealed class MvBackward0 : Node
{
    private readonly SavedTensor? _self;
    private readonly SavedTensor? _vector;

    public MvBackward0(Tensor self, Tensor vector)
    {
        if (vector.RequiresGrad) _self = Save(self);
        if (self.RequiresGrad) _vector = Save(vector);
    }

    // d(A·v)/dA is the outer product of the gradient and v; d/dv is Aᵀ·grad.
    internal override Tensor?[] Backward(Tensor grad) =>
    [
        NeedsInputGrad(0) ? grad.Unsqueeze(1).Mm(_vector!.Value.Unsqueeze(0)) : null,
        NeedsInputGrad(1) ? _self!.Value.T().Mv(grad) : null,
    ];
}

internal sealed class DotBackward0 : Node
{
    private readonly SavedTensor? _self;
    private readonly SavedTensor? _other;

    public DotBackward0(Tensor self, Tensor other)
    {
        if (other.RequiresGrad) _self = Save(self);
        if (self.RequiresGrad) _other = Save(other);
    }

    internal override Tensor?[] Backward(Tensor grad) =>
    [
        NeedsInputGrad(0) ? grad * _other!.Value : null,
        NeedsInputGrad(1) ? grad * _self!.Value : null,
    ];
}

internal sealed class BmmBackward0 : Node
{
    private readonly SavedTensor? _self;
    private readonly SavedTensor? _other;

    public BmmBackward0(Tensor self, Tensor other)
    {
        if (other.RequiresGrad) _self = Save(self);
        if (self.RequiresGrad) _other = Save(other);
    }

    internal override Tensor?[] Backward(Tensor grad) =>
    [
        NeedsInputGrad(0) ? grad.Bmm(_other!.Value.Transpose(1, 2)) : null,
        NeedsInputGrad(1) ? _self!.Value.Transpose(1, 2).Bmm(grad) : null,
    ];
}
