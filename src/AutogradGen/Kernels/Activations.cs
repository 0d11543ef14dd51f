using System.Numerics;
using System.Numerics.Tensors;

namespace AutogradGen.Kernels;

/// <summary>Element-wise functions that TensorPrimitives does not offer directly.</summary>
public static class Activations
{
    /// <summary><c>max(x, 0)</c>; NaN stays NaN.</summary>
    public static void Relu<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, INumber<T>
        => TensorPrimitives.Max(x, T.Zero, destination);

    /// <summary>
    /// PyTorch's softplus: <c>log(1 + exp(beta·x)) / beta</c>, and <c>x</c> itself where <c>beta·x</c> exceeds
    /// <paramref name="threshold"/> (where the two agree to working precision and exp would overflow).
    /// </summary>
    public static void Softplus<T>(ReadOnlySpan<T> x, T beta, T threshold, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < x.Length; i++)
        {
            T scaled = x[i] * beta;
            destination[i] = scaled > threshold ? x[i] : T.LogP1(T.Exp(scaled)) / beta;
        }
    }

    /// <summary>The sign of each element: -1, 0 or 1 (NaN stays NaN).</summary>
    public static void Sign<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < x.Length; i++)
        {
            T value = x[i];
            destination[i] = T.IsNaN(value) ? value : value > T.Zero ? T.One : value < T.Zero ? -T.One : T.Zero;
        }
    }

    /// <summary>Clamps each element into [min, max]; either bound may be absent (NaN stays NaN).</summary>
    public static void Clamp<T>(ReadOnlySpan<T> x, T? min, T? max, Span<T> destination) where T : unmanaged, INumber<T>
    {
        x.CopyTo(destination);
        if (min is T low) TensorPrimitives.Max(destination, low, destination);
        if (max is T high) TensorPrimitives.Min(destination, high, destination);
    }

    /// <summary><c>destination[i] = condition[i] ? x[i] : y[i]</c> for spans of one length (<c>torch.where</c>).</summary>
    public static void Where<T>(ReadOnlySpan<bool> condition, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = condition[i] ? x[i] : y[i];
    }
}
