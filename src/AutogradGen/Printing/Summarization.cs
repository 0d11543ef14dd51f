namespace AutogradGen.Printing;

/// <summary>
/// Which elements a tensor prints. Above <see cref="PrintOptions.Threshold"/> elements PyTorch keeps only the
/// first and last <see cref="PrintOptions.EdgeItems"/> entries of every dimension longer than twice that, and
/// chooses the notation from those alone (its <c>get_summarized_data</c>).
/// </summary>
internal static class Summarization
{
    /// <summary>Whether a tensor with <paramref name="elementCount"/> elements is summarised.</summary>
    public static bool IsSummarized(long elementCount) => elementCount > PrintOptions.Threshold;

    /// <summary>Whether a dimension of <paramref name="size"/> entries prints as edges around <c>...</c>.</summary>
    public static bool ElidesMiddle(int size, bool summarize) => summarize && size > 2 * PrintOptions.EdgeItems;

    /// <summary>The row-major flat indices of the printed elements, in printing order.</summary>
    public static int[] ShownFlatIndices(ReadOnlySpan<int> shape, bool summarize)
    {
        int rank = shape.Length;
        var kept = new int[rank][];
        var strides = new int[rank];
        int shownCount = 1;
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            kept[d] = KeptPositions(shape[d], summarize);
            strides[d] = stride;
            stride *= shape[d];
            shownCount *= kept[d].Length;
        }

        // An odometer over the kept positions of every dimension, the last one turning fastest.
        var indices = new int[shownCount];
        var digit = new int[rank];
        for (int n = 0; n < shownCount; n++)
        {
            int flat = 0;
            for (int d = 0; d < rank; d++) flat += kept[d][digit[d]] * strides[d];
            indices[n] = flat;
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++digit[d] < kept[d].Length) break;
                digit[d] = 0;
            }
        }

        return indices;
    }

    private static int[] KeptPositions(int size, bool summarize)
    {
        if (!ElidesMiddle(size, summarize))
        {
            var all = new int[size];
            for (int i = 0; i < size; i++) all[i] = i;
            return all;
        }

        var edges = new int[2 * PrintOptions.EdgeItems];
        for (int i = 0; i < PrintOptions.EdgeItems; i++)
        {
            edges[i] = i;
            edges[PrintOptions.EdgeItems + i] = size - PrintOptions.EdgeItems + i;
        }

        return edges;
    }
}
