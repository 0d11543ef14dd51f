using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AutogradGen.Kernels;

/// <summary>
/// The register-blocked inner kernel of <see cref="Gemm"/>: one <see cref="Rows"/> × (2 vectors) tile of C, kept in
/// twelve Vector256 accumulators for the whole depth of a packed block, one fused multiply-add per accumulator per
/// step. The packed A panel gives the <see cref="Rows"/> values of one column of A contiguously (broadcast one at a
/// time); the packed B panel gives the two vectors of one row of B contiguously. Twelve accumulators, two B vectors
/// and one broadcast fill fifteen of AVX2's sixteen registers, and twelve independent FMA chains hide the FMA's
/// latency on two FMA pipes (latency 4 × 2 pipes = 8 chains needed).
/// </summary>
internal static unsafe class GemmMicroKernel<T> where T : unmanaged
{
    /// <summary>Rows of C per tile (MR).</summary>
    public const int Rows = 6;

    /// <summary>Columns of C per tile (NR): two vectors (16 floats, 8 doubles).</summary>
    public static int Columns => 2 * Vector256<T>.Count;

    /// <summary>
    /// C[0..Rows)×[0..Columns) (row stride <paramref name="ldc"/>) = (<paramref name="load"/> ? C : 0) + Σ_p a_p ⊗ b_p
    /// over <paramref name="depth"/> packed steps, summed in p order so that a product split into depth blocks sums
    /// in the same order as one long block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int depth, T* a, T* b, T* c, int ldc, bool load)
    {
        int w = Vector256<T>.Count;
        Vector256<T> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (load)
        {
            c00 = Vector256.Load(c); c01 = Vector256.Load(c + w);
            c10 = Vector256.Load(c + ldc); c11 = Vector256.Load(c + ldc + w);
            c20 = Vector256.Load(c + (2 * ldc)); c21 = Vector256.Load(c + (2 * ldc) + w);
            c30 = Vector256.Load(c + (3 * ldc)); c31 = Vector256.Load(c + (3 * ldc) + w);
            c40 = Vector256.Load(c + (4 * ldc)); c41 = Vector256.Load(c + (4 * ldc) + w);
            c50 = Vector256.Load(c + (5 * ldc)); c51 = Vector256.Load(c + (5 * ldc) + w);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = Vector256<T>.Zero;
        }

        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + w);
            var a0 = Vector256.Create(a[0]);
            c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31);
            var a4 = Vector256.Create(a[4]);
            c40 = Fma(a4, b0, c40); c41 = Fma(a4, b1, c41);
            var a5 = Vector256.Create(a[5]);
            c50 = Fma(a5, b0, c50); c51 = Fma(a5, b1, c51);
            a += Rows;
            b += 2 * w;
        }

        c00.Store(c); c01.Store(c + w);
        c10.Store(c + ldc); c11.Store(c + ldc + w);
        c20.Store(c + (2 * ldc)); c21.Store(c + (2 * ldc) + w);
        c30.Store(c + (3 * ldc)); c31.Store(c + (3 * ldc) + w);
        c40.Store(c + (4 * ldc)); c41.Store(c + (4 * ldc) + w);
        c50.Store(c + (5 * ldc)); c51.Store(c + (5 * ldc) + w);
    }

    /// <summary>
    /// A tile at C's right or bottom edge (<paramref name="rows"/> ≤ Rows, <paramref name="columns"/> ≤ Columns):
    /// the same kernel on a scratch tile, copied in and out, so the packed panels' zero padding never reaches C.
    /// </summary>
    public static void RunEdge(int depth, T* a, T* b, T* c, int ldc, bool load, int rows, int columns)
    {
        int nr = Columns;
        T* tile = stackalloc T[Rows * 2 * Vector256<T>.Count];
        if (load)
        {
            for (int r = 0; r < rows; r++)
            {
                for (int j = 0; j < columns; j++) tile[(r * nr) + j] = c[(r * ldc) + j];
            }
        }
        Run(depth, a, b, tile, nr, load);
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < columns; j++) c[(r * ldc) + j] = tile[(r * nr) + j];
        }
    }

    // One rounding per multiply-add, as BLAS and libtorch's kernels do; the JIT keeps only the branch for T.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> x, Vector256<T> y, Vector256<T> addend)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector256.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), addend.AsSingle()).As<float, T>();
        }
        return Vector256.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), addend.AsDouble()).As<double, T>();
    }
}
