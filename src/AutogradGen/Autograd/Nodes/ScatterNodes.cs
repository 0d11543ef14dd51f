namespace AutogradGen;

// Backward rules of masked_fill, scatter, scatter_add, index_add, index_put and advanced indexing.

internal sealed class MaskedFillBackward0(Tensor mask) : Node
{
    // Filled positions are constants: the gradient passes only where the mask is false.
    internal override Tensor?[] Backward(Tensor grad) => [grad.MaskedFill(mask, 0)];
}

internal sealed class ScatterBackward0(Tensor index, int dim) : Node
{
    // Overwritten positions get nothing from self; the source gets the gradient at the positions it was written to.
    internal override Tensor?[] Backward(Tensor grad) =>
        [NeedsInputGrad(0) ? grad.Scatter(dim, index, 0) : null, NeedsInputGrad(1) ? grad.Gather(dim, index) : null];
}

internal sealed class ScatterBackward1(Tensor index, int dim) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Scatter(dim, index, 0)];
}

/// <summary>scatter_add of a source into self (PyTorch's <c>ScatterAddBackward0</c>; the library's other node of that name is the gradient of gather, with one input).</summary>
internal sealed class ScatterAddIntoBackward(Tensor index, int dim) : Node
{
    public override string Name => "ScatterAddBackward0";

    internal override Tensor?[] Backward(Tensor grad) => [grad, NeedsInputGrad(1) ? grad.Gather(dim, index) : null];
}

/// <summary>index_add of a source into self (PyTorch's <c>IndexAddBackward0</c>).</summary>
internal sealed class IndexAddIntoBackward(Tensor index, int dim, double alpha) : Node
{
    public override string Name => "IndexAddBackward0";

    internal override Tensor?[] Backward(Tensor grad) => [grad, NeedsInputGrad(1) ? grad.IndexSelect(dim, index) * alpha : null];
}

/// <summary>Indexing by several index tensors (PyTorch's <c>IndexBackward0</c>): the gradient is added back at the positions read.</summary>
internal sealed class AdvancedIndexBackward(int[] shape, Tensor[] indices) : Node
{
    public override string Name => "IndexBackward0";

    internal override Tensor?[] Backward(Tensor grad) => [Tensor.Zeros(shape, dtype: grad.DType).IndexPut(indices, grad, accumulate: true)];
}

internal sealed class IndexPutBackward0(Tensor[] indices, bool accumulate) : Node
{
    // Written positions lose self's gradient unless the values were added; the values get the gradient read back there.
    internal override Tensor?[] Backward(Tensor grad)
    {
        Tensor? self = null;
        if (NeedsInputGrad(0)) self = accumulate ? grad : grad.IndexPut(indices, Tensor.Scalar(0, dtype: grad.DType));
        return [self, NeedsInputGrad(1) ? grad.Index(indices) : null];
    }
}
