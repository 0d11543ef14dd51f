using System.Numerics;

namespace AutogradGen.Kernels;

/// <summary>Scalar loops shared by the operators that TensorPrimitives does not vectorise (comparisons).</summary>
public static class ElementLoops
{
    /// <summary>Applies <typeparamref name="TOperator"/> to pairs of elements of two spans of the same length.</summary>
    public static void Zip<T, TResult, TOperator>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<TResult> destination)
        where TOperator : IBinaryOperator<T, TResult>
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = TOperator.Invoke(x[i], y[i]);
    }

    /// <summary>Applies <typeparamref name="TOperator"/> to each element of a span and a scalar on the right.</summary>
    public static void ZipScalarRight<T, TResult, TOperator>(ReadOnlySpan<T> x, T y, Span<TResult> destination)
        where TOperator : IBinaryOperator<T, TResult>
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = TOperator.Invoke(x[i], y);
    }

    /// <summary>Applies <typeparamref name="TOperator"/> to a scalar on the left and each element of a span.</summary>
    public static void ZipScalarLeft<T, TResult, TOperator>(T x, ReadOnlySpan<T> y, Span<TResult> destination)
        where TOperator : IBinaryOperator<T, TResult>
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = TOperator.Invoke(x, y[i]);
    }
}

/// <summary><c>x == y</c>.</summary>
public readonly struct EqualOperator<T> : IBinaryOperator<T, bool> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static bool Invoke(T x, T y) => x == y;
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.Zip<T, bool, EqualOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<bool> destination) => ElementLoops.ZipScalarRight<T, bool, EqualOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.ZipScalarLeft<T, bool, EqualOperator<T>>(x, y, destination);
}

/// <summary><c>x != y</c>.</summary>
public readonly struct NotEqualOperator<T> : IBinaryOperator<T, bool> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static bool Invoke(T x, T y) => x != y;
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.Zip<T, bool, NotEqualOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<bool> destination) => ElementLoops.ZipScalarRight<T, bool, NotEqualOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.ZipScalarLeft<T, bool, NotEqualOperator<T>>(x, y, destination);
}

/// <summary><c>x &lt; y</c>.</summary>
public readonly struct LessThanOperator<T> : IBinaryOperator<T, bool> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static bool Invoke(T x, T y) => x < y;
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.Zip<T, bool, LessThanOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<bool> destination) => ElementLoops.ZipScalarRight<T, bool, LessThanOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.ZipScalarLeft<T, bool, LessThanOperator<T>>(x, y, destination);
}

/// <summary><c>x &lt;= y</c>.</summary>
public readonly struct LessThanOrEqualOperator<T> : IBinaryOperator<T, bool> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static bool Invoke(T x, T y) => x <= y;
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.Zip<T, bool, LessThanOrEqualOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<bool> destination) => ElementLoops.ZipScalarRight<T, bool, LessThanOrEqualOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.ZipScalarLeft<T, bool, LessThanOrEqualOperator<T>>(x, y, destination);
}

/// <summary><c>x &gt; y</c>.</summary>
public readonly struct GreaterThanOperator<T> : IBinaryOperator<T, bool> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static bool Invoke(T x, T y) => x > y;
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.Zip<T, bool, GreaterThanOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<bool> destination) => ElementLoops.ZipScalarRight<T, bool, GreaterThanOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.ZipScalarLeft<T, bool, GreaterThanOperator<T>>(x, y, destination);
}

/// <summary><c>x &gt;= y</c>.</summary>
public readonly struct GreaterThanOrEqualOperator<T> : IBinaryOperator<T, bool> where T : unmanaged, INumber<T>
{
    /// <inheritdoc/>
    public static bool Invoke(T x, T y) => x >= y;
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.Zip<T, bool, GreaterThanOrEqualOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(ReadOnlySpan<T> x, T y, Span<bool> destination) => ElementLoops.ZipScalarRight<T, bool, GreaterThanOrEqualOperator<T>>(x, y, destination);
    /// <inheritdoc/>
    public static void Invoke(T x, ReadOnlySpan<T> y, Span<bool> destination) => ElementLoops.ZipScalarLeft<T, bool, GreaterThanOrEqualOperator<T>>(x, y, destination);
}
