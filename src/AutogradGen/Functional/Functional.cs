using System.Globalization;
using AutogradGen.Kernels;

namespace AutogradGen;

/// <summary>
/// Losses and activations that work on whole tensors, PyTorch's <c>torch.nn.functional</c>: binary cross entropy
/// (of logits and of probabilities), mean squared error, softmax, log-softmax, negative log likelihood and cross
/// entropy. Each is one recorded operation with PyTorch's <c>grad_fn</c> name; its backward rule sits beside its
/// forward pass in the file of the function.
/// </summary>
public static partial class Functional
{
    /// <summary>Reduces the raw (unrecorded) per-element losses as <paramref name="reduction"/> asks.</summary>
    private static Tensor ReduceRaw(Tensor losses, Reduction reduction) => reduction switch
    {
        Reduction.Mean => losses.Mean(),
        Reduction.Sum => losses.Sum(),
        Reduction.None => losses,
        _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction must be Mean, Sum or None"),
    };

    /// <summary>Scales an element-wise gradient for the reduction: mean divides by the number of elements.</summary>
    internal static Tensor ScaleForReduction(Tensor gradient, Reduction reduction, int count) =>
        reduction == Reduction.Mean ? gradient / count : gradient;

    private static void RequireFloatingPoint(Tensor input, string operation)
    {
        if (!input.DType.IsFloatingPoint())
        {
            throw new ArgumentException($"\"{operation}\" not implemented for '{input.DType.ScalarTypeName()}': pass a Float32 or Float64 tensor (convert with .Float() or .Double()).");
        }
    }

    /// <summary>
    /// An optional weight converted to <paramref name="dtype"/> and stretched to <paramref name="shape"/>, which its
    /// shape must broadcast to; null stays null. Not recorded: weights are constants of the loss.
    /// </summary>
    private static Tensor? ExpandWeight(Tensor? weight, ReadOnlySpan<int> shape, DType dtype, string name)
    {
        if (weight is null) return null;
        if (!Shapes.IsExpandableTo(weight.ShapeSpan, shape))
        {
            throw new TensorShapeException($"{name} of shape {Shapes.Format(weight.ShapeSpan)} cannot be broadcast to the input's shape {Shapes.Format(shape)}");
        }
        return weight.ConvertRaw(dtype).ExpandRaw(shape);
    }

    /// <summary>PyTorch's way of naming a size in Python-level messages: <c>torch.Size([2, 3])</c>.</summary>
    private static string TorchSize(Tensor tensor) => string.Create(CultureInfo.InvariantCulture, $"torch.Size({Shapes.Format(tensor.ShapeSpan)})");
}
