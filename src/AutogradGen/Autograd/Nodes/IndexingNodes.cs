namespace AutogradGen;

// Backward rules of element and slice reads: the gradient goes back to the positions that were read.

internal sealed class SelectBackward0(int[] shape, int dim, int index) : Node
{
    internal override Tensor?[] Backward(Tensor grad) =>
        [Tensor.SliceScatter(grad.Unsqueeze(dim), shape, dim, index, 1, 1, "SelectBackwardBackward0")];
}

internal sealed class SliceBackward0(int[] shape, int dim, int start, int length, int step) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.SliceScatter(grad, shape, dim, start, length, step, "SliceBackwardBackward0")];
}

/// <summary>The recorded gradient of a slice or select; its own gradient reads the same positions again.</summary>
internal sealed class SliceScatterBackward(string name, int[] gradShape, int dim, int start, int length, int step) : Node
{
    public override string Name => name;

    internal override Tensor?[] Backward(Tensor grad) => [grad.NarrowRecorded(dim, start, length, step).Reshape(gradShape)];
}

internal sealed class IndexSelectBackward0(int[] shape, int dim, Tensor indices) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.IndexAdd(grad, shape, dim, indices)];
}

internal sealed class IndexBackward0(int[] shape, Tensor flatIndices, bool flattened) : Node
{
    internal override Tensor?[] Backward(Tensor grad)
    {
        if (flattened) return [Tensor.IndexAdd(grad, [Kernels.Shapes.Numel(shape)], 0, flatIndices).Reshape(shape)];
        var rows = new int[shape.Length];
        rows[0] = flatIndices.Numel;
        for (int d = 1; d < shape.Length; d++) rows[d] = shape[d];
        return [Tensor.IndexAdd(grad.Reshape(rows), shape, 0, flatIndices)];
    }
}

internal sealed class IndexAddBackward0(int dim, Tensor indices) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.IndexSelect(dim, indices)];
}

internal sealed class DiagonalBackward0(int[] shape, int offset, int dim1, int dim2) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.DiagonalScatter(grad, shape, offset, dim1, dim2)];
}

/// <summary>The recorded gradient of a diagonal; its own gradient reads the same diagonal again.</summary>
internal sealed class DiagonalBackwardBackward0(int offset, int dim1, int dim2) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Diagonal(offset, dim1, dim2)];
}
