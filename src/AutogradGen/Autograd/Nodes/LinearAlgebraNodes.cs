namespace AutogradGen;

// Backward rules of the matrix products: for C = A·B, dA = dC·Bᵀ and dB = Aᵀ·dC, read in place by the kernels
// (Tensor.TransposedProducts.cs), not through transposed copies.

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
        NeedsInputGrad(0) ? grad.MmTransposed(_other!.Value, transposeSelf: false, transposeOther: true) : null,
        NeedsInputGrad(1) ? _self!.Value.MmTransposed(grad, transposeSelf: true, transposeOther: false) : null,
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
        NeedsInputGrad(1) ? _self!.Value.MvTransposed(grad) : null,
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
        NeedsInputGrad(0) ? grad.BmmTransposed(_other!.Value, transposeSelf: false, transposeOther: true) : null,
        NeedsInputGrad(1) ? _self!.Value.BmmTransposed(grad, transposeSelf: true, transposeOther: false) : null,
    ];
}
