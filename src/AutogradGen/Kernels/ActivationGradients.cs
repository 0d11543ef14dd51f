using System.Numerics;
using System.Runtime.Intrinsics;

namespace AutogradGen.Kernels;

/// <summary>
/// The backward formulas of the common activations in one pass each, from the saved output y and the incoming
/// gradient g. Each computes exactly the operations of the unfused formula, in its order and with its roundings
/// (no fused multiply-add), so the result is bit for bit the composite's: the composite made two or three full
/// temporaries and read the inputs again for each.
/// </summary>
public static class ActivationGradients
{
    /// <summary><c>g · (1 - y·y)</c>, the gradient of tanh from its output.</summary>
    public static void Tanh<T>(ReadOnlySpan<T> grad, ReadOnlySpan<T> result, Span<T> destination)
        where T : unmanaged, INumber<T>
    {
        Check(grad, result, destination);
        if (Parallelism.IsLarge(destination.Length)) ParallelKernels.ActivationGradient(tanh: true, grad, result, destination);
        else TanhSerial(grad, result, destination);
    }

    /// <summary><see cref="Tanh{T}"/> on the calling thread (one chunk of the parallel form).</summary>
    internal static void TanhSerial<T>(ReadOnlySpan<T> grad, ReadOnlySpan<T> result, Span<T> destination)
        where T : unmanaged, INumber<T>
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            var one = Vector256<T>.One;
            for (; i + Vector256<T>.Count <= destination.Length; i += Vector256<T>.Count)
            {
                var y = Vector256.Create(result.Slice(i, Vector256<T>.Count));
                var g = Vector256.Create(grad.Slice(i, Vector256<T>.Count));
                (g * (one - (y * y))).CopyTo(destination.Slice(i, Vector256<T>.Count));
            }
        }
        for (; i < destination.Length; i++) destination[i] = grad[i] * (T.One - (result[i] * result[i]));
    }

    /// <summary><c>(g · y) · (1 - y)</c>, the gradient of sigmoid from its output.</summary>
    public static void Sigmoid<T>(ReadOnlySpan<T> grad, ReadOnlySpan<T> result, Span<T> destination)
        where T : unmanaged, INumber<T>
    {
        Check(grad, result, destination);
        if (Parallelism.IsLarge(destination.Length)) ParallelKernels.ActivationGradient(tanh: false, grad, result, destination);
        else SigmoidSerial(grad, result, destination);
    }

    /// <summary><see cref="Sigmoid{T}"/> on the calling thread (one chunk of the parallel form).</summary>
    internal static void SigmoidSerial<T>(ReadOnlySpan<T> grad, ReadOnlySpan<T> result, Span<T> destination)
        where T : unmanaged, INumber<T>
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            var one = Vector256<T>.One;
            for (; i + Vector256<T>.Count <= destination.Length; i += Vector256<T>.Count)
            {
                var y = Vector256.Create(result.Slice(i, Vector256<T>.Count));
                var g = Vector256.Create(grad.Slice(i, Vector256<T>.Count));
                (g * y * (one - y)).CopyTo(destination.Slice(i, Vector256<T>.Count));
            }
        }
        for (; i < destination.Length; i++) destination[i] = grad[i] * result[i] * (T.One - result[i]);
    }

    private static void Check<T>(ReadOnlySpan<T> grad, ReadOnlySpan<T> result, Span<T> destination)
    {
        if (grad.Length != destination.Length || result.Length != destination.Length)
        {
            throw new ArgumentException($"activation gradient: spans of {grad.Length}, {result.Length} and {destination.Length} elements, expected one length");
        }
    }
}
