namespace AutogradGen.Kernels;

/// <summary>
/// Copies blocks of A and B into the order <see cref="GemmMicroKernel{T}"/> reads them: panels of MR rows of A,
/// column by column, and panels of NR columns of B, row by row, zero-padded to whole panels. The source is read
/// through its row and column strides, so a transposed operand (Aᵀ, Bᵀ) is packed straight from the buffer it lives
/// in, with no transposed copy; the loops run along whichever stride is 1.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs rows [0, <paramref name="rows"/>) × depth [0, <paramref name="depth"/>) of A (element (i, p) at
    /// <c>a[i·rowStride + p·depthStride]</c>) into ⌈rows / mr⌉ panels of <c>depth × mr</c>.
    /// </summary>
    public static void PackA<T>(T* a, int rowStride, int depthStride, int rows, int depth, int mr, T* packed)
        where T : unmanaged
    {
        for (int i0 = 0; i0 < rows; i0 += mr)
        {
            int panelRows = Math.Min(mr, rows - i0);
            T* panel = packed + ((long)i0 * depth);
            T* source = a + ((long)i0 * rowStride);
            if (depthStride == 1)
            {
                // Row-major A: read each row along its contiguous depth, write every mr-th element.
                for (int r = 0; r < panelRows; r++)
                {
                    T* row = source + ((long)r * rowStride);
                    for (int p = 0; p < depth; p++) panel[(p * mr) + r] = row[p];
                }
            }
            else
            {
                // Aᵀ stored (rows contiguous for each depth index): one contiguous run of mr per depth step.
                for (int p = 0; p < depth; p++)
                {
                    T* column = source + ((long)p * depthStride);
                    T* target = panel + (p * mr);
                    for (int r = 0; r < panelRows; r++) target[r] = column[(long)r * rowStride];
                }
            }
            if (panelRows < mr)
            {
                for (int p = 0; p < depth; p++)
                {
                    for (int r = panelRows; r < mr; r++) panel[(p * mr) + r] = default;
                }
            }
        }
    }

    /// <summary>
    /// Packs depth [0, <paramref name="depth"/>) × columns [0, <paramref name="columns"/>) of B (element (p, j) at
    /// <c>b[p·depthStride + j·columnStride]</c>) into ⌈columns / nr⌉ panels of <c>depth × nr</c>.
    /// </summary>
    public static void PackB<T>(T* b, int depthStride, int columnStride, int depth, int columns, int nr, T* packed)
        where T : unmanaged
    {
        for (int j0 = 0; j0 < columns; j0 += nr)
        {
            int panelColumns = Math.Min(nr, columns - j0);
            T* panel = packed + ((long)j0 * depth);
            T* source = b + ((long)j0 * columnStride);
            if (columnStride == 1)
            {
                // Row-major B: each depth step is a contiguous run of the panel's columns.
                for (int p = 0; p < depth; p++)
                {
                    T* row = source + ((long)p * depthStride);
                    T* target = panel + (p * nr);
                    int j = 0;
                    for (; j < panelColumns; j++) target[j] = row[j];
                    for (; j < nr; j++) target[j] = default;
                }
            }
            else
            {
                // Bᵀ stored (depth contiguous for each column): read each column along its depth.
                for (int j = 0; j < panelColumns; j++)
                {
                    T* column = source + ((long)j * columnStride);
                    for (int p = 0; p < depth; p++) panel[(p * nr) + j] = column[(long)p * depthStride];
                }
                for (int p = 0; p < depth; p++)
                {
                    for (int j = panelColumns; j < nr; j++) panel[(p * nr) + j] = default;
                }
            }
        }
    }
}
