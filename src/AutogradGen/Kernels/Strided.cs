namespace AutogradGen.Kernels;

/// <summary>
/// The only kernels that walk strides: copying a strided view of a buffer into a contiguous row-major span
/// (materialising it for the other kernels, which all work on contiguous spans), copying a contiguous span into a
/// strided view (in-place writes through views), and adding into one (the gradient of an as_strided view, where
/// elements may overlap). Each walks the view one innermost row at a time: a row with stride 1 is one span copy.
/// </summary>
public static class Strided
{
    /// <summary>Copies the view (<paramref name="shape"/>, <paramref name="strides"/>, <paramref name="offset"/>) of <paramref name="source"/> into <paramref name="destination"/>, row-major.</summary>
    public static void Gather<T>(ReadOnlySpan<T> source, int offset, ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, Span<T> destination)
    {
        if (destination.Length == 0) return;
        int rank = shape.Length;
        if (rank == 0) { destination[0] = source[offset]; return; }
        int inner = shape[rank - 1], innerStride = strides[rank - 1];
        Span<int> index = stackalloc int[rank];
        int at = offset;
        for (int row = 0; row < destination.Length; row += inner)
        {
            var output = destination.Slice(row, inner);
            if (innerStride == 1) source.Slice(at, inner).CopyTo(output);
            else for (int i = 0, p = at; i < inner; i++, p += innerStride) output[i] = source[p];
            at = NextRow(index, shape, strides, at);
        }
    }

    /// <summary>Copies the row-major <paramref name="source"/> into the view (<paramref name="shape"/>, <paramref name="strides"/>, <paramref name="offset"/>) of <paramref name="destination"/>.</summary>
    public static void Scatter<T>(ReadOnlySpan<T> source, Span<T> destination, int offset, ReadOnlySpan<int> shape, ReadOnlySpan<int> strides)
    {
        if (source.Length == 0) return;
        int rank = shape.Length;
        if (rank == 0) { destination[offset] = source[0]; return; }
        int inner = shape[rank - 1], innerStride = strides[rank - 1];
        Span<int> index = stackalloc int[rank];
        int at = offset;
        for (int row = 0; row < source.Length; row += inner)
        {
            var input = source.Slice(row, inner);
            if (innerStride == 1) input.CopyTo(destination.Slice(at, inner));
            else for (int i = 0, p = at; i < inner; i++, p += innerStride) destination[p] = input[i];
            at = NextRow(index, shape, strides, at);
        }
    }

    /// <summary>Adds the row-major <paramref name="source"/> into the view of <paramref name="destination"/>; overlapping elements receive every addend.</summary>
    public static void ScatterAdd<T>(ReadOnlySpan<T> source, Span<T> destination, int offset, ReadOnlySpan<int> shape, ReadOnlySpan<int> strides)
        where T : System.Numerics.IAdditionOperators<T, T, T>
    {
        if (source.Length == 0) return;
        int rank = shape.Length;
        if (rank == 0) { destination[offset] += source[0]; return; }
        int inner = shape[rank - 1], innerStride = strides[rank - 1];
        Span<int> index = stackalloc int[rank];
        int at = offset;
        for (int row = 0; row < source.Length; row += inner)
        {
            var input = source.Slice(row, inner);
            for (int i = 0, p = at; i < inner; i++, p += innerStride) destination[p] += input[i];
            at = NextRow(index, shape, strides, at);
        }
    }

    /// <summary>Steps the outer index (every dimension but the last) to the next row; returns the row's first position.</summary>
    private static int NextRow(Span<int> index, ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, int at)
    {
        for (int d = shape.Length - 2; d >= 0; d--)
        {
            index[d]++;
            at += strides[d];
            if (index[d] < shape[d]) return at;
            at -= strides[d] * shape[d];
            index[d] = 0;
        }
        return at;
    }
}
