using System.Buffers;
using System.Runtime.Intrinsics;

namespace AutogradGen.Kernels;

/// <summary>
/// Blocked, packed, vectorised general matrix product for float and double:
/// <c>C[m×n] (= or +=) op(A)[m×k] · op(B)[k×n]</c>, where op is the identity or the transpose of a row-major buffer,
/// so the backward products A·Bᵀ and Aᵀ·B read their operands in place.
/// </summary>
/// <remarks>
/// The classical three-level blocking (Goto and van de Geijn, "Anatomy of high-performance matrix multiplication",
/// 2008; BLIS's loop order): a KC × NC block of B is packed once and reused from L2/L3 by every MC × KC block of A,
/// packed in turn and reused from L2 by every NR-wide micro-panel of B, which stays in L1 while
/// <see cref="GemmMicroKernel{T}"/> sweeps the MC rows. Depth blocks are summed into C in p order (the micro-kernel
/// reloads C after the first block), so the summation order over k is 0, 1, …, k-1 for every element whatever the
/// blocking; each step is one fused multiply-add. Above <see cref="ParallelThreshold"/> multiply-adds, C is split
/// into column (or row) stripes, one per core, each an independent product with its own packing buffers. Scratch
/// comes from <see cref="ArrayPool{T}"/>, so steady-state calls allocate nothing.
/// </remarks>
public static unsafe class Gemm
{
    /// <summary>Multiply-adds (m·n·k) from which a product is split across cores: about 0.1 ms of one core's work,
    /// well above the 5–20 µs a parallel loop costs to start and join.</summary>
    public const long ParallelThreshold = 1L << 22;

    /// <summary>Whether <see cref="Multiply{T}"/> takes the vectorised path for <typeparamref name="T"/> here.</summary>
    public static bool IsAccelerated<T>() =>
        (typeof(T) == typeof(float) || typeof(T) == typeof(double)) && Vector256.IsHardwareAccelerated;

    /// <summary>
    /// <c>c = op(a) · op(b)</c>, or <c>c += op(a) · op(b)</c> when <paramref name="accumulate"/>; op(a) is m × k
    /// (<paramref name="a"/> holds m × k row-major, or k × m when <paramref name="transposeA"/>), op(b) is k × n
    /// (<paramref name="b"/> holds k × n, or n × k when <paramref name="transposeB"/>), c is m × n row-major.
    /// </summary>
    public static void Multiply<T>(ReadOnlySpan<T> a, bool transposeA, ReadOnlySpan<T> b, bool transposeB, Span<T> c,
        int m, int k, int n, bool accumulate = false)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (a.Length < (long)m * k) throw new ArgumentException($"a holds {a.Length} elements, fewer than {m}×{k}", nameof(a));
        if (b.Length < (long)k * n) throw new ArgumentException($"b holds {b.Length} elements, fewer than {k}×{n}", nameof(b));
        if (c.Length < (long)m * n) throw new ArgumentException($"c holds {c.Length} elements, fewer than {m}×{n}", nameof(c));
        if (!IsAccelerated<T>()) throw new NotSupportedException($"Gemm supports float and double with Vector256 hardware, not {typeof(T).Name}");
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate) c[..(m * n)].Clear();
            return;
        }

        var operands = new Operands
        {
            RowStrideA = transposeA ? 1 : k,
            DepthStrideA = transposeA ? m : 1,
            DepthStrideB = transposeB ? 1 : n,
            ColumnStrideB = transposeB ? k : 1,
        };
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
        {
            operands.A = (nint)pa;
            operands.B = (nint)pb;
            operands.C = (nint)pc;
            int stripes = StripeCount<T>(m, k, n, out bool byColumns);
            if (stripes == 1)
            {
                Serial<T>(operands, 0, m, 0, n, k, n, accumulate);
                return;
            }
            InStripes<T>(operands, m, k, n, accumulate, stripes, byColumns);
        }
    }

    // Apart from Multiply so that its closure is allocated only when the product is split (a lambda's captured
    // parameters are hoisted into a closure object at the start of the method that declares them).
    private static void InStripes<T>(Operands operands, int m, int k, int n, bool accumulate, int stripes, bool byColumns)
        where T : unmanaged
    {
        int unit = byColumns ? GemmMicroKernel<T>.Columns : GemmMicroKernel<T>.Rows;
        int extent = byColumns ? n : m;
        int perStripe = ((extent + stripes - 1) / stripes + unit - 1) / unit * unit;
        Parallel.For(0, stripes, stripe =>
        {
            int start = stripe * perStripe;
            int end = Math.Min(extent, start + perStripe);
            if (start >= end) return;
            if (byColumns) Serial<T>(operands, 0, m, start, end, k, n, accumulate);
            else Serial<T>(operands, start, end, 0, n, k, n, accumulate);
        });
    }

    /// <summary>How many stripes to split C into: one below the threshold or on one core; otherwise one per core
    /// along the longer of C's dimensions, if each stripe keeps at least two micro-tiles of it.</summary>
    private static int StripeCount<T>(int m, int k, int n, out bool byColumns) where T : unmanaged
    {
        byColumns = n >= m;
        int cores = Parallelism.NumThreads;
        if (cores < 2 || (long)m * n * k < ParallelThreshold) return 1;
        int extent = byColumns ? n : m;
        int unit = byColumns ? GemmMicroKernel<T>.Columns : GemmMicroKernel<T>.Rows;
        int stripes = Math.Min(cores, extent / (2 * unit));
        return Math.Max(stripes, 1);
    }

    /// <summary>The operands as addresses and strides, so that the parallel loop's closure can carry them.</summary>
    private struct Operands
    {
        public nint A, B, C;
        public int RowStrideA, DepthStrideA, DepthStrideB, ColumnStrideB;
    }

    /// <summary>Rows [rowStart, rowEnd) × columns [columnStart, columnEnd) of C on the calling thread.</summary>
    private static void Serial<T>(Operands operands, int rowStart, int rowEnd, int columnStart, int columnEnd, int k,
        int ldc, bool accumulate)
        where T : unmanaged
    {
        int mr = GemmMicroKernel<T>.Rows, nr = GemmMicroKernel<T>.Columns;
        // Block sizes: an MC × KC block of packed A (float 120 KB, double 144 KB) in L2, a KC × NR micro-panel of
        // packed B (16 KB) in L1, a KC × NC block of B (float 2 MB, double 1 MB) in L2/L3.
        int kc = 256;
        int mc = typeof(T) == typeof(float) ? 120 : 72;
        int nc = typeof(T) == typeof(float) ? 2048 : 1024;
        int rows = rowEnd - rowStart, columns = columnEnd - columnStart;
        int depthBlock = Math.Min(kc, k);
        int rowBlock = Math.Min(mc, (rows + mr - 1) / mr * mr);
        int columnBlock = Math.Min(nc, (columns + nr - 1) / nr * nr);
        var packedA = ArrayPool<T>.Shared.Rent(rowBlock * depthBlock);
        var packedB = ArrayPool<T>.Shared.Rent(columnBlock * depthBlock);
        try
        {
            fixed (T* pa = packedA)
            fixed (T* pb = packedB)
            {
                T* a = (T*)operands.A, b = (T*)operands.B, c = (T*)operands.C;
                for (int jc = columnStart; jc < columnEnd; jc += nc)
                {
                    int ncb = Math.Min(nc, columnEnd - jc);
                    for (int pc = 0; pc < k; pc += kc)
                    {
                        int kcb = Math.Min(kc, k - pc);
                        bool load = accumulate || pc > 0;
                        GemmPacking.PackB(b + ((long)pc * operands.DepthStrideB) + ((long)jc * operands.ColumnStrideB),
                            operands.DepthStrideB, operands.ColumnStrideB, kcb, ncb, nr, pb);
                        for (int ic = rowStart; ic < rowEnd; ic += mc)
                        {
                            int mcb = Math.Min(mc, rowEnd - ic);
                            GemmPacking.PackA(a + ((long)ic * operands.RowStrideA) + ((long)pc * operands.DepthStrideA),
                                operands.RowStrideA, operands.DepthStrideA, mcb, kcb, mr, pa);
                            Block(kcb, mcb, ncb, pa, pb, c + ((long)ic * ldc) + jc, ldc, load);
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packedA);
            ArrayPool<T>.Shared.Return(packedB);
        }
    }

    /// <summary>One packed MC × KC block of A against one packed KC × NC block of B into C.</summary>
    private static void Block<T>(int depth, int rows, int columns, T* packedA, T* packedB, T* c, int ldc, bool load)
        where T : unmanaged
    {
        int mr = GemmMicroKernel<T>.Rows, nr = GemmMicroKernel<T>.Columns;
        for (int jr = 0; jr < columns; jr += nr)
        {
            int tileColumns = Math.Min(nr, columns - jr);
            T* bPanel = packedB + ((long)jr * depth);
            for (int ir = 0; ir < rows; ir += mr)
            {
                int tileRows = Math.Min(mr, rows - ir);
                T* aPanel = packedA + ((long)ir * depth);
                T* tile = c + ((long)ir * ldc) + jr;
                if (tileRows == mr && tileColumns == nr) GemmMicroKernel<T>.Run(depth, aPanel, bPanel, tile, ldc, load);
                else GemmMicroKernel<T>.RunEdge(depth, aPanel, bPanel, tile, ldc, load, tileRows, tileColumns);
            }
        }
    }
}
