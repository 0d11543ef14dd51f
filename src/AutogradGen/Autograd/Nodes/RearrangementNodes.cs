namespace AutogradGen;

// Backward rules of flip, roll, repeat, chunk/split, tril/triu and diag: each moves the gradient back.

internal sealed class FlipBackward0(int[] dims) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Flip(dims)];
}

internal sealed class RollBackward0(int[] negatedShifts, int[] dims) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [dims.Length == 0 ? grad.Roll(negatedShifts[0]) : grad.Roll(negatedShifts, dims)];
}

internal sealed class RepeatBackward0(int[] shape, int[] padded, int[] repeats) : Node
{
    // View the gradient as [r0, s0, r1, s1, ...] and sum the copies over the r axes.
    internal override Tensor?[] Backward(Tensor grad)
    {
        var interleaved = new int[2 * repeats.Length];
        var copies = new int[repeats.Length];
        for (int d = 0; d < repeats.Length; d++)
        {
            interleaved[2 * d] = repeats[d];
            interleaved[2 * d + 1] = padded[d];
            copies[d] = 2 * d;
        }
        return [grad.Reshape(interleaved).Sum(copies).Reshape(shape)];
    }
}

/// <summary>One piece of chunk/split: its gradient goes back to its place in zeros of the input's shape.</summary>
internal sealed class SplitPieceBackward(string name, int[] shape, int dim, int start, int length) : Node
{
    public override string Name => name;
    internal override Tensor?[] Backward(Tensor grad) => [Tensor.SliceScatter(grad, shape, dim, start, length, 1, "SliceBackward0")];
}

internal sealed class TrilBackward0(int diagonal) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Tril(diagonal)];
}

internal sealed class TriuBackward0(int diagonal) : Node
{
    internal override Tensor?[] Backward(Tensor grad) => [grad.Triu(diagonal)];
}

internal sealed class DiagBackward0(int[] shape, int diagonal) : Node
{
    // A vector's diagonal matrix gives back its diagonal; a matrix's diagonal goes back onto the diagonal of zeros
    // of the matrix's shape (the square diag(grad) cropped or padded to it; only zeros are cut or added).
    internal override Tensor?[] Backward(Tensor grad)
    {
        if (shape.Length == 1) return [grad.Diag(diagonal)];
        var square = grad.Diag(diagonal);
        int n = square.Size(0);
        return [Functional.Pad(square, [0, shape[1] - n, 0, shape[0] - n])];
    }
}
