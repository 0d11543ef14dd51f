using System.Numerics;
using System.Numerics.Tensors;

namespace AutogradGen.Kernels;

/// <summary>
/// NumPy-style broadcasting over contiguous row-major buffers. Each kernel walks the output one innermost row at a
/// time and hands whole rows to the vectorised span operations, so the per-element cost is that of
/// TensorPrimitives; only the row bookkeeping is scalar.
/// </summary>
public static class Broadcasting
{
    /// <summary>
    /// <c>destination = x op y</c> where <paramref name="x"/> and <paramref name="y"/> broadcast to
    /// <paramref name="shape"/> (compute it with <see cref="Shapes.Broadcast"/>).
    /// </summary>
    public static void Binary<T, TResult, TOperator>(
        ReadOnlySpan<T> x, ReadOnlySpan<int> xShape,
        ReadOnlySpan<T> y, ReadOnlySpan<int> yShape,
        Span<TResult> destination, ReadOnlySpan<int> shape)
        where TOperator : IBinaryOperator<T, TResult>
    {
        // Fast paths: a single element (the span kernels' setup and overlap checks cost more than the operation),
        // equal sizes, or one side a single element.
        if (destination.Length == 1 && x.Length == 1 && y.Length == 1) { destination[0] = TOperator.Invoke(x[0], y[0]); return; }
        if (Parallelism.IsLarge(destination.Length)) { if (TryParallel<T, TResult, TOperator>(x, y, destination)) return; }
        else if (x.Length == destination.Length && y.Length == destination.Length) { TOperator.Invoke(x, y, destination); return; }
        else if (y.Length == 1 && x.Length == destination.Length) { TOperator.Invoke(x, y[0], destination); return; }
        else if (x.Length == 1 && y.Length == destination.Length) { TOperator.Invoke(x[0], y, destination); return; }
        if (destination.Length == 0) return;
        BinaryByRows<T, TResult, TOperator>(x, xShape, y, yShape, destination, shape);
    }

    // The same plain passes as the fast paths, split across threads (Parallelism); false for a real broadcast.
    private static bool TryParallel<T, TResult, TOperator>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<TResult> destination)
        where TOperator : IBinaryOperator<T, TResult>
    {
        if (x.Length == destination.Length && y.Length == destination.Length) ParallelKernels.Binary<T, TResult, TOperator>(x, y, destination);
        else if (y.Length == 1 && x.Length == destination.Length) ParallelKernels.Binary<T, TResult, TOperator>(x, y[0], destination);
        else if (x.Length == 1 && y.Length == destination.Length) ParallelKernels.Binary<T, TResult, TOperator>(x[0], y, destination);
        else return false;
        return true;
    }

    // The general walk, apart so that the fast paths above pay nothing for its stack buffers.
    private static void BinaryByRows<T, TResult, TOperator>(
        ReadOnlySpan<T> x, ReadOnlySpan<int> xShape,
        ReadOnlySpan<T> y, ReadOnlySpan<int> yShape,
        Span<TResult> destination, ReadOnlySpan<int> shape)
        where TOperator : IBinaryOperator<T, TResult>
    {
        int rank = shape.Length;
        Span<int> xStrides = stackalloc int[rank];
        Span<int> yStrides = stackalloc int[rank];
        Span<int> index = stackalloc int[rank];
        Shapes.BroadcastStrides(xShape, shape, xStrides);
        Shapes.BroadcastStrides(yShape, shape, yStrides);

        int inner = shape[rank - 1];
        int xStep = xStrides[rank - 1], yStep = yStrides[rank - 1];
        int xOffset = 0, yOffset = 0;
        for (int row = 0; row < destination.Length; row += inner)
        {
            var output = destination.Slice(row, inner);
            if (xStep != 0 && yStep != 0) TOperator.Invoke(x.Slice(xOffset, inner), y.Slice(yOffset, inner), output);
            else if (xStep != 0) TOperator.Invoke(x.Slice(xOffset, inner), y[yOffset], output);
            else if (yStep != 0) TOperator.Invoke(x[xOffset], y.Slice(yOffset, inner), output);
            else output.Fill(TOperator.Invoke(x[xOffset], y[yOffset]));

            // Advance the multi-index over every dimension but the innermost.
            for (int d = rank - 2; d >= 0; d--)
            {
                index[d]++;
                xOffset += xStrides[d];
                yOffset += yStrides[d];
                if (index[d] < shape[d]) break;
                xOffset -= xStrides[d] * shape[d];
                yOffset -= yStrides[d] * shape[d];
                index[d] = 0;
            }
        }
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>, stretching it to <paramref name="shape"/>.</summary>
    public static void Expand<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> sourceShape, Span<T> destination, ReadOnlySpan<int> shape)
    {
        if (source.Length == destination.Length) { source.CopyTo(destination); return; }
        if (source.Length == 1) { destination.Fill(source[0]); return; }
        if (destination.Length == 0) return;

        int rank = shape.Length;
        Span<int> strides = stackalloc int[rank];
        Span<int> index = stackalloc int[rank];
        Shapes.BroadcastStrides(sourceShape, shape, strides);
        int inner = shape[rank - 1];
        bool innerContiguous = strides[rank - 1] != 0;
        int offset = 0;
        for (int row = 0; row < destination.Length; row += inner)
        {
            var output = destination.Slice(row, inner);
            if (innerContiguous) source.Slice(offset, inner).CopyTo(output);
            else output.Fill(source[offset]);
            for (int d = rank - 2; d >= 0; d--)
            {
                index[d]++;
                offset += strides[d];
                if (index[d] < shape[d]) break;
                offset -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
    }

    /// <summary>
    /// Sums <paramref name="source"/> (of <paramref name="sourceShape"/>) down to <paramref name="shape"/>, which must
    /// broadcast to the source shape: the reverse of broadcasting, used for gradients and for sums over dimensions
    /// (pass the kept-dimension shape). <paramref name="destination"/> is overwritten.
    /// </summary>
    public static void SumTo<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> sourceShape, Span<T> destination, ReadOnlySpan<int> shape)
        where T : unmanaged, INumber<T>
    {
        // Nothing to add up, but a sum starts from +0 as PyTorch's does: -0 sums to +0.
        if (source.Length == destination.Length) { TensorPrimitives.Add(source, T.Zero, destination); return; }
        if (destination.Length == 1)
        {
            destination[0] = Parallelism.IsLarge(source.Length) ? ParallelKernels.Sum(source) : TensorPrimitives.Sum(source);
            return;
        }
        destination.Clear();
        if (source.Length == 0) return;

        int rank = sourceShape.Length;
        Span<int> strides = stackalloc int[rank];
        Span<int> index = stackalloc int[rank];
        Shapes.BroadcastStrides(shape, sourceShape, strides);
        int inner = sourceShape[rank - 1];
        bool innerKept = strides[rank - 1] != 0;
        int offset = 0;
        for (int row = 0; row < source.Length; row += inner)
        {
            var input = source.Slice(row, inner);
            if (innerKept)
            {
                var output = destination.Slice(offset, inner);
                TensorPrimitives.Add(output, input, output);
            }
            else
            {
                destination[offset] += TensorPrimitives.Sum(input);
            }
            for (int d = rank - 2; d >= 0; d--)
            {
                index[d]++;
                offset += strides[d];
                if (index[d] < sourceShape[d]) break;
                offset -= strides[d] * sourceShape[d];
                index[d] = 0;
            }
        }
    }
}
