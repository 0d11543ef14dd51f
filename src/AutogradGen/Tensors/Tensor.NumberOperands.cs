using AutogradGen.Kernels;

namespace AutogradGen;

// A number on one side of + - * with a floating tensor: PyTorch wraps it in a 0-d tensor of the tensor's dtype. The
// result is the same when the number is handed to the kernel directly as a one-element span, so these paths skip the
// wrapper tensor (an object, an array and the promotion and broadcast bookkeeping per operation), which is most of the
// cost of `y * 0.5` on a 0-d tensor. Integer and Bool tensors take the general path, where the number's own dtype
// can change the result's.
public sealed partial class Tensor
{
    /// <summary>Whether a number operand can skip wrapping: the tensor is floating point, so the result keeps its dtype.</summary>
    private bool TakesNumberDirectly => DType.IsFloatingPoint();

    /// <summary>
    /// <c>this op number</c> for a floating tensor, with the number converted to the tensor's dtype exactly as
    /// <see cref="WrapNumber"/> would convert it. The result has this tensor's shape and dtype. Not recorded.
    /// </summary>
    internal Tensor WithNumberRaw(BinaryFunction function, double number)
    {
        var result = Adopt(_shape, DType);
        if (DType == DType.Float64) WithNumber<double>(function, Elements<double>(), number, result.Elements<double>(), _shape);
        else WithNumber<float>(function, Elements<float>(), (float)number, result.Elements<float>(), _shape);
        return result;
    }

    private static void WithNumber<T>(BinaryFunction function, ReadOnlySpan<T> x, T number, Span<T> destination, ReadOnlySpan<int> shape)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        // The number as a one-element, 0-d operand: the same kernels and the same rounding as the wrapped tensor.
        ReadOnlySpan<T> y = new(in number);
        switch (function)
        {
            case BinaryFunction.Add: Broadcasting.Binary<T, T, AddOperator<T>>(x, shape, y, [], destination, shape); break;
            case BinaryFunction.Subtract: Broadcasting.Binary<T, T, SubtractOperator<T>>(x, shape, y, [], destination, shape); break;
            default: Broadcasting.Binary<T, T, MultiplyOperator<T>>(x, shape, y, [], destination, shape); break;
        }
    }
}
