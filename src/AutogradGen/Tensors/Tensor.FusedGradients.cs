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
        // The incoming gradient is dead once this rule returns; when the pass proves nobody else holds it, the
        // gradient of the input is written over it instead of into a new buffer.
        var output = IsOwnedGradient(grad) ? grad : Adopt(result._shape, grad.DType);
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

    /// <summary>
    /// Whether <paramref name="grad"/>, the gradient a backward rule received, is the engine's alone (made in this
    /// unrecorded pass and held by nothing but the rule's caller; see <see cref="PassAllocations"/>), so that the
    /// rule may write its result over it. A rule that does must not read <paramref name="grad"/> afterwards and must
    /// not return it for two inputs.
    /// </summary>
    internal static bool IsOwnedGradient(Tensor grad) => PassAllocations.Current is { } pass && pass.IsSoleHolder(grad);

    /// <summary>
    /// <c>grad * factor</c> for a backward rule, written over <paramref name="grad"/> when the rule may
    /// (<see cref="IsOwnedGradient"/>, nothing recorded, and the product has the gradient's dtype and shape); the
    /// rule must use <paramref name="grad"/> no further. Otherwise the ordinary product.
    /// </summary>
    internal static Tensor MultiplyIntoGradient(Tensor grad, Tensor factor)
    {
        if (!IsOwnedGradient(grad) || Autograd.ShouldRecord(grad, factor) || grad.DType is not (DType.Float32 or DType.Float64)
            || DTypes.Promote(grad, factor) != grad.DType || !Shapes.IsExpandableTo(factor.ShapeSpan, grad.ShapeSpan))
        {
            return grad * factor;
        }
        var x = factor.ConvertRaw(grad.DType);
        if (grad.DType == DType.Float32)
        {
            var g = grad.Elements<float>();
            float[]? scratch = null;
            var f = x.BroadcastOperand<float>(out var fShape, ref scratch);
            Broadcasting.Binary<float, float, MultiplyOperator<float>>(g, grad._shape, f, fShape, g, grad._shape);
            ReturnScratch(scratch);
        }
        else
        {
            var g = grad.Elements<double>();
            double[]? scratch = null;
            var f = x.BroadcastOperand<double>(out var fShape, ref scratch);
            Broadcasting.Binary<double, double, MultiplyOperator<double>>(g, grad._shape, f, fShape, g, grad._shape);
            ReturnScratch(scratch);
        }
        return grad;
    }
}
