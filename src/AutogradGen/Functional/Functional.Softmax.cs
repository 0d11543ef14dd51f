using AutogradGen.Kernels;

namespace AutogradGen;

public static partial class Functional
{
    /// <summary>
    /// <c>exp(x) / sum(exp(x))</c> along <paramref name="dim"/> (<c>F.softmax(x, dim)</c>, <c>SoftmaxBackward0</c>):
    /// every slice along the dimension becomes a probability distribution.
    /// </summary>
    /// <param name="input">A floating-point tensor.</param>
    /// <param name="dim">The dimension to normalise over; negative counts from the end.</param>
    public static Tensor Softmax(Tensor input, int dim)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireFloatingPoint(input, "softmax");
        int d = Shapes.NormalizeDim(dim, input.Rank);
        var (outer, size, inner) = Reductions.SplitAt(input.ShapeSpan, d);
        var result = Tensor.Empty(input.ShapeSpan, input.DType);
        if (input.DType == DType.Float32) SoftmaxKernels.Softmax<float>(input.Elements<float>(), outer, size, inner, result.Elements<float>());
        else SoftmaxKernels.Softmax<double>(input.Elements<double>(), outer, size, inner, result.Elements<double>());
        if (Autograd.ShouldRecord(input)) new SoftmaxBackward0(result, d).Attach(result, input);
        return result;
    }

    /// <summary>
    /// <c>log(softmax(x))</c> along <paramref name="dim"/>, computed as <c>x - max - log(sum(exp(x - max)))</c> so that it
    /// neither overflows nor takes the log of 0 (<c>F.log_softmax(x, dim)</c>, <c>LogSoftmaxBackward0</c>).
    /// </summary>
    /// <param name="input">A floating-point tensor.</param>
    /// <param name="dim">The dimension to normalise over; negative counts from the end.</param>
    public static Tensor LogSoftmax(Tensor input, int dim)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireFloatingPoint(input, "log_softmax");
        int d = Shapes.NormalizeDim(dim, input.Rank);
        var (outer, size, inner) = Reductions.SplitAt(input.ShapeSpan, d);
        var result = Tensor.Empty(input.ShapeSpan, input.DType);
        if (input.DType == DType.Float32) SoftmaxKernels.LogSoftmax<float>(input.Elements<float>(), outer, size, inner, result.Elements<float>());
        else SoftmaxKernels.LogSoftmax<double>(input.Elements<double>(), outer, size, inner, result.Elements<double>());
        if (Autograd.ShouldRecord(input)) new LogSoftmaxBackward0(result, d).Attach(result, input);
        return result;
    }
}

/// <summary>
/// The backward rule of <see cref="Functional.Softmax"/>, from its output y: <c>dx = y (g - sum(g y))</c>, the sum
/// along the softmax dimension (the Jacobian <c>diag(y) - y yᵀ</c> applied without forming it).
/// </summary>
internal sealed class SoftmaxBackward0 : Node
{
    private readonly SavedTensor _result;
    private readonly int _dim;

    public SoftmaxBackward0(Tensor result, int dim)
    {
        _result = SaveOutput(result);
        _dim = dim;
    }

    internal override Tensor?[] Backward(Tensor grad)
    {
        var y = _result.Value;
        return [y * (grad - (grad * y).Sum(_dim, keepDim: true))];
    }
}

/// <summary>
/// The backward rule of <see cref="Functional.LogSoftmax"/>, from its output y: <c>dx = g - exp(y) sum(g)</c>, the sum
/// along the dimension (exp(y) is the softmax).
/// </summary>
internal sealed class LogSoftmaxBackward0 : Node
{
    private readonly SavedTensor _result;
    private readonly int _dim;

    public LogSoftmaxBackward0(Tensor result, int dim)
    {
        _result = SaveOutput(result);
        _dim = dim;
    }

    internal override Tensor?[] Backward(Tensor grad) => [grad - (_result.Value.Exp() * grad.Sum(_dim, keepDim: true))];
}
