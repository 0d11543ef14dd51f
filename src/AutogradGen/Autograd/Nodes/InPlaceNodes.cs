namespace AutogradGen;

// Backward rules of the in-place writes that replace a tensor's values outright.

internal sealed class ZeroBackward0 : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.ZerosLike(grad)];
}

internal sealed class FillBackward0 : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.ZerosLike(grad)];
}

/// <summary>x.copy_(src): the old value of x no longer matters; src receives the gradient (summed back to its shape).</summary>
internal sealed class CopyBackwards : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.ZerosLike(grad), grad];
}
