using System.Numerics;
using System.Numerics.Tensors;

namespace AutogradGen.Kernels;

// The span overloads go to TensorPrimitives, which vectorises them; the scalar overload is for broadcast tails.

/// <summary><c>x + y</c>.</summary>
public readonly struct AddOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => x + y;
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Add(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Add(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Add(y, x, destination);
}

/// <summary><c>x - y</c>.</summary>
public readonly struct SubtractOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => x - y;
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Subtract(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Subtract(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Subtract(x, y, destination);
}

/// <summary><c>x * y</c>.</summary>
public readonly struct MultiplyOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => x * y;
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Multiply(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Multiply(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Multiply(y, x, destination);
}

/// <summary><c>x / y</c> (true division for floating point).</summary>
public readonly struct DivideOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => x / y;
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Divide(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Divide(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Divide(x, y, destination);
}

/// <summary><c>x ** y</c>.</summary>
public readonly struct PowOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => T.Pow(x, y);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Pow(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Pow(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Pow(x, y, destination);
}

/// <summary><c>x</c> to the power <c>y</c> for integers (exact, by squaring); <c>y</c> is never negative (refused before).</summary>
public readonly struct IntegerPowOperator : IBinaryOperator<long, long>
{
    /// <inheritdoc/>
    public static long Invoke(long x, long y)
    {
        long result = 1;
        while (y > 0)
        {
            if ((y & 1) != 0) result = unchecked(result * x);
            x = unchecked(x * x);
            y >>= 1;
        }
        return result;
    }
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<long> x, ReadOnlySpan<long> y, Span<long> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = Invoke(x[i], y[i]);
    }
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<long> x, long y, Span<long> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = Invoke(x[i], y);
    }
    /// <inheritdoc/>
    public static void Invoke(long x, ReadOnlySpan<long> y, Span<long> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = Invoke(x, y[i]);
    }
}

/// <summary>The larger of <c>x</c> and <c>y</c>; NaN if either is NaN (PyTorch's <c>maximum</c>).</summary>
public readonly struct MaximumOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => T.Max(x, y);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Max(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Max(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Max(y, x, destination);
}

/// <summary>The smaller of <c>x</c> and <c>y</c>; NaN if either is NaN (PyTorch's <c>minimum</c>).</summary>
public readonly struct MinimumOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static T Invoke(T x, T y) => T.Min(x, y);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Min(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Min(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Min(y, x, destination);
}
