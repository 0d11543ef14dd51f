namespace AutogradGen.Kernels;

/// <summary>
/// Copies that rearrange elements between contiguous row-major buffers: permuting dimensions, taking a strided
/// range along one dimension, concatenating, gathering rows. Element-type agnostic (plain copies).
/// </summary>
public static class Layout
{
    /// <summary>
    /// Writes the tensor <paramref name="source"/> of <paramref name="shape"/> with its dimensions reordered:
    /// output dimension <c>d</c> is input dimension <c>permutation[d]</c>.
    /// </summary>
    public static void Permute<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> shape, ReadOnlySpan<int> permutation, Span<T> destination)
    {
        int rank = shape.Length;
        if (rank == 0 || destination.Length == 0) { source[..destination.Length].CopyTo(destination); return; }
        var sourceStrides = Shapes.ContiguousStrides(shape);
        Span<int> strides = stackalloc int[rank];
        Span<int> outShape = stackalloc int[rank];
        Span<int> index = stackalloc int[rank];
        for (int d = 0; d < rank; d++)
        {
            strides[d] = sourceStrides[permutation[d]];
            outShape[d] = shape[permutation[d]];
        }
        int inner = outShape[rank - 1], innerStride = strides[rank - 1];
        int offset = 0;
        for (int row = 0; row < destination.Length; row += inner)
        {
            var output = destination.Slice(row, inner);
            if (innerStride == 1) source.Slice(offset, inner).CopyTo(output);
            else for (int i = 0; i < inner; i++) output[i] = source[offset + i * innerStride];
            for (int d = rank - 2; d >= 0; d--)
            {
                index[d]++;
                offset += strides[d];
                if (index[d] < outShape[d]) break;
                offset -= strides[d] * outShape[d];
                index[d] = 0;
            }
        }
    }

    /// <summary>
    /// Copies elements <c>start, start + step, ...</c> (<paramref name="length"/> of them) along the middle dimension of
    /// <paramref name="source"/> viewed as <c>[outer, size, inner]</c>.
    /// </summary>
    public static void Narrow<T>(ReadOnlySpan<T> source, int outer, int size, int inner, int start, int length, int step, Span<T> destination)
    {
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < length; j++)
            {
                source.Slice((o * size + start + j * step) * inner, inner).CopyTo(destination.Slice((o * length + j) * inner, inner));
            }
        }
    }

    /// <summary>The reverse of <see cref="Narrow"/>: adds <paramref name="source"/> into the selected positions of <paramref name="destination"/>.</summary>
    public static void NarrowBackward<T>(ReadOnlySpan<T> source, int outer, int size, int inner, int start, int length, int step, Span<T> destination)
        where T : System.Numerics.INumber<T>
    {
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < length; j++)
            {
                var input = source.Slice((o * length + j) * inner, inner);
                var output = destination.Slice((o * size + start + j * step) * inner, inner);
                for (int i = 0; i < inner; i++) output[i] += input[i];
            }
        }
    }

    /// <summary>
    /// Places <paramref name="source"/> (a block of <paramref name="size"/> along the middle dimension) at
    /// <paramref name="offset"/> of <paramref name="destination"/> (<paramref name="totalSize"/> along it): one piece of a concatenation.
    /// </summary>
    public static void CopyBlock<T>(ReadOnlySpan<T> source, int outer, int size, int inner, Span<T> destination, int totalSize, int offset)
    {
        int chunk = size * inner;
        for (int o = 0; o < outer; o++)
        {
            source.Slice(o * chunk, chunk).CopyTo(destination.Slice((o * totalSize + offset) * inner, chunk));
        }
    }

    /// <summary>Gathers entries <paramref name="indices"/> along the middle dimension (<c>index_select</c>).</summary>
    public static void Gather<T>(ReadOnlySpan<T> source, int outer, int size, int inner, ReadOnlySpan<long> indices, Span<T> destination)
    {
        int count = indices.Length;
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < count; j++)
            {
                source.Slice((o * size + (int)indices[j]) * inner, inner).CopyTo(destination.Slice((o * count + j) * inner, inner));
            }
        }
    }

    /// <summary>The reverse of <see cref="Gather"/> (<c>index_add</c>): repeated indices add up.</summary>
    public static void ScatterAdd<T>(ReadOnlySpan<T> source, int outer, int size, int inner, ReadOnlySpan<long> indices, Span<T> destination)
        where T : System.Numerics.INumber<T>
    {
        int count = indices.Length;
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < count; j++)
            {
                var input = source.Slice((o * count + j) * inner, inner);
                var output = destination.Slice((o * size + (int)indices[j]) * inner, inner);
                for (int i = 0; i < inner; i++) output[i] += input[i];
            }
        }
    }
}
