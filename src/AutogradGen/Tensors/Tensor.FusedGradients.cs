using AutogradGen.Kernels;

namespace AutogradGen;

/// <summary>Which one-pass activation gradient <see cref="Tensor.TryActivationGradient"/> computes.</summary>
internal enum ActivationGradient { Tanh, Sigmoid }

// One-pass backward formulas for the activations, used by their backward nodes when nothing is being recorded
// (an ordinary backward pass). Under createGraph, or for dtypes and shapes the kernels do not take, the node falls
// back to its composite formula, so the recorded graph is PyTorch's.
public sealed partial class Tensor
{
    /// <summary>The gradient of an activation from its saved output, in one pass, or false (and null) when the
    /// composite formula must run instead.</summary>
    internal static bool TryActivationGradient(ActivationGradient kind, Tensor grad, Tensor result, out Tensor? gradient)
    {
        gradient = null;
        if (Autograd.ShouldRecord(grad, result) || grad.DType != result.DType
            || grad.DType is not (DType.Float32 or DType.Float64) || !grad.ShapeSpan.SequenceEqual(result.ShapeSpan))
        {
            return false;
        }
        var output = Adopt(result._shape, grad.DType);
        if (grad.DType == DType.Float32) Run<float>(kind, grad, result, output);
        else Run<double>(kind, grad, result, output);
        gradient = output;
        return true;

        static void Run<T>(ActivationGradient kind, Tensor grad, Tensor result, Tensor output)
            where T : unmanaged, System.Numerics.INumber<T>
        {
            var (g, y, o) = (grad.Elements<T>(), result.Elements<T>(), output.Elements<T>());
            if (kind == ActivationGradient.Tanh) ActivationGradients.Tanh<T>(g, y, o);
            else ActivationGradients.Sigmoid<T>(g, y, o);
        }
    }
}
