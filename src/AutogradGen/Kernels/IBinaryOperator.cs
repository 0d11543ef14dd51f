namespace AutogradGen.Kernels;

/// <summary>
/// An element-wise binary operation, written once as static members so that generic kernels
/// (<see cref="Broadcasting.Binary{T, TResult, TOperator}"/>) inline it: no delegates, no virtual calls per element.
/// </summary>
/// <typeparam name="T">The element type of both operands.</typeparam>
/// <typeparam name="TResult">The element type of the result (<see cref="bool"/> for comparisons).</typeparam>
public interface IBinaryOperator<T, TResult>
{
    /// <summary>One element.</summary>
    static abstract TResult Invoke(T x, T y);

    /// <summary>Two spans of the same length.</summary>
    static abstract void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<TResult> destination);

    /// <summary>A span and a scalar on the right.</summary>
    static abstract void Invoke(ReadOnlySpan<T> x, T y, Span<TResult> destination);

    /// <summary>A scalar on the left and a span.</summary>
    static abstract void Invoke(T x, ReadOnlySpan<T> y, Span<TResult> destination);
}
