using System.Numerics;

namespace AutogradGen.Kernels;

/// <summary>
/// Reductions along one dimension of a contiguous tensor viewed as <c>[outer, size, inner]</c>: the dimension
/// reduced has <c>size</c> elements, <c>outer</c> is the product of the sizes before it and <c>inner</c> of those
/// after it. Whole-tensor sums, means and extremes are single TensorPrimitives calls and need no kernel here.
/// </summary>
public static class Reductions
{
    /// <summary>
    /// The largest element along the dimension and the index of its first occurrence; NaN wins, as in PyTorch.
    /// <paramref name="values"/> and <paramref name="indices"/> have <c>outer * inner</c> elements.
    /// </summary>
    public static void MaxAlongDim<T>(ReadOnlySpan<T> source, int outer, int size, int inner, Span<T> values, Span<long> indices)
        where T : unmanaged, INumber<T>
        => ExtremeAlongDim(source, outer, size, inner, values, indices, takeLarger: true);

    /// <summary>The smallest element along the dimension and the index of its first occurrence; NaN wins.</summary>
    public static void MinAlongDim<T>(ReadOnlySpan<T> source, int outer, int size, int inner, Span<T> values, Span<long> indices)
        where T : unmanaged, INumber<T>
        => ExtremeAlongDim(source, outer, size, inner, values, indices, takeLarger: false);

    private static void ExtremeAlongDim<T>(ReadOnlySpan<T> source, int outer, int size, int inner, Span<T> values, Span<long> indices, bool takeLarger)
        where T : unmanaged, INumber<T>
    {
        for (int o = 0; o < outer; o++)
        {
            int block = o * size * inner;
            for (int i = 0; i < inner; i++)
            {
                T best = source[block + i];
                long bestIndex = 0;
                for (int k = 1; k < size && !T.IsNaN(best); k++)
                {
                    T candidate = source[block + k * inner + i];
                    bool better = T.IsNaN(candidate) || (takeLarger ? candidate > best : candidate < best);
                    if (better) { best = candidate; bestIndex = k; }
                }
                values[o * inner + i] = best;
                indices[o * inner + i] = bestIndex;
            }
        }
    }

    /// <summary>
    /// <c>torch.gather</c> along the middle dimension: <c>values[o, j, i] = source[o, indices[o, j, i], i]</c>, where
    /// <paramref name="source"/> is <c>[outer, size, inner]</c> and <paramref name="indices"/> and
    /// <paramref name="values"/> are <c>[outer, count, inner]</c>. The indices must lie in [0, size).
    /// </summary>
    public static void GatherAlongDim<T>(ReadOnlySpan<T> source, ReadOnlySpan<long> indices, int outer, int size, int count, int inner, Span<T> values)
    {
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < count; j++)
            {
                int row = (o * count + j) * inner;
                for (int i = 0; i < inner; i++)
                {
                    values[row + i] = source[(o * size + (int)indices[row + i]) * inner + i];
                }
            }
        }
    }

    /// <summary>
    /// The reverse of <see cref="GatherAlongDim"/> (<c>scatter_add</c>): <c>destination[o, indices[o, j, i], i] += values[o, j, i]</c>.
    /// Used for the gradients of gathers and of max/min over a dimension.
    /// </summary>
    public static void ScatterAddAlongDim<T>(ReadOnlySpan<T> values, ReadOnlySpan<long> indices, int outer, int size, int count, int inner, Span<T> destination)
        where T : unmanaged, INumber<T>
    {
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < count; j++)
            {
                int row = (o * count + j) * inner;
                for (int i = 0; i < inner; i++)
                {
                    destination[(o * size + (int)indices[row + i]) * inner + i] += values[row + i];
                }
            }
        }
    }

    /// <summary>Splits a shape around <paramref name="dim"/> into the <c>[outer, size, inner]</c> view these kernels use.</summary>
    public static (int Outer, int Size, int Inner) SplitAt(ReadOnlySpan<int> shape, int dim)
    {
        int outer = 1, inner = 1;
        for (int d = 0; d < dim; d++) outer *= shape[d];
        for (int d = dim + 1; d < shape.Length; d++) inner *= shape[d];
        return (outer, shape.Length == 0 ? 1 : shape[dim], inner);
    }
}
