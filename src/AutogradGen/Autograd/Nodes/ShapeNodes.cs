namespace AutogradGen;

// Backward rules of the shape operations: each undoes its operation on the gradient.

internal sealed class ViewBackward0(int[] shape) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Reshape(shape)];
}

internal sealed class UnsafeViewBackward0(int[] shape) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Reshape(shape)];
}

internal sealed class UnsqueezeBackward0(int dim) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Squeeze(dim)];
}

internal sealed class SqueezeBackward0(int[] shape) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Reshape(shape)];
}

internal sealed class SqueezeBackward1(int[] shape) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Reshape(shape)];
}

/// <summary>An in-place <c>squeeze_(dim)</c> (libtorch's squeeze_.dim), as matmul of a vector and a matrix ends.</summary>
internal sealed class SqueezeBackward4(int[] shape) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Reshape(shape)];
}

internal sealed class TransposeBackward0(int dim0, int dim1) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Transpose(dim0, dim1)];
}

internal sealed class TBackward0 : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.T()];
}

internal sealed class PermuteBackward0(int[] permutation) : Node
{
    internal override Tensor?[] Backward(Tensor grad)
    {
        var inverse = new int[permutation.Length];
        for (int i = 0; i < permutation.Length; i++) inverse[permutation[i]] = i;
        return [grad.Permute(inverse)];
    }
}

internal sealed class ExpandBackward0(int[] shape) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.SumToSize(shape)];
}

internal sealed class CatBackward0(int dim, int[] sizes) : Node
{
    internal override Tensor?[] Backward(Tensor grad)
    {
        var grads = new Tensor?[sizes.Length];
        int offset = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            if (NeedsInputGrad(i)) grads[i] = grad.Narrow(dim, offset, sizes[i]);
            offset += sizes[i];
        }
        return grads;
    }
}

internal sealed class StackBackward0(int dim, int count) : Node
{
    internal override Tensor?[] Backward(Tensor grad)
    {
        var grads = new Tensor?[count];
        for (int i = 0; i < count; i++)
        {
            if (NeedsInputGrad(i)) grads[i] = grad.Select(dim, i);
        }
        return grads;
    }
}

/// <summary>A full-range slice: libtorch 2.x returns an alias of the input.</summary>
internal sealed class AliasBackward0 : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad];
}
