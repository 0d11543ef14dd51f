using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AutogradGen.Kernels;

/// <summary>Dense matrix products on contiguous row-major buffers.</summary>
public static class LinearAlgebra
{
    /// <summary>Matrix-vector products (m·n) from which the rows are split across cores.</summary>
    public const long ParallelMatVecThreshold = 1L << 20;

    /// <summary>
    /// <c>c[m×n] = a[m×k] · b[k×n]</c>. Float and double go to the blocked, vectorised <see cref="Gemm"/>; other
    /// element types use the i-k-j loop, whose inner loop is one vectorised multiply-add over a row of B into a row
    /// of C.
    /// </summary>
    public static void MatMul<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n)
        where T : unmanaged, INumber<T> =>
        MatMul(a, transposeA: false, b, transposeB: false, c, m, k, n);

    /// <summary>
    /// <c>c[m×n] = op(a) · op(b)</c> where op(a) is m × k and op(b) is k × n: <paramref name="a"/> holds A (m × k) or,
    /// when <paramref name="transposeA"/>, the k × m matrix whose transpose is used; likewise <paramref name="b"/>.
    /// The backward products dA = dC·Bᵀ and dB = Aᵀ·dC read B and A where they are, with no transposed copy.
    /// </summary>
    public static void MatMul<T>(ReadOnlySpan<T> a, bool transposeA, ReadOnlySpan<T> b, bool transposeB, Span<T> c,
        int m, int k, int n)
        where T : unmanaged, INumber<T>
    {
        if (Gemm.IsAccelerated<T>())
        {
            Gemm.Multiply(a, transposeA, b, transposeB, c, m, k, n);
            return;
        }
        c[..(m * n)].Clear();
        if (!transposeA && !transposeB)
        {
            for (int i = 0; i < m; i++)
            {
                var cRow = c.Slice(i * n, n);
                var aRow = a.Slice(i * k, k);
                for (int p = 0; p < k; p++) TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), aRow[p], cRow, cRow);
            }
            return;
        }
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T sum = T.Zero;
                for (int p = 0; p < k; p++)
                {
                    sum += a[transposeA ? (p * m) + i : (i * k) + p] * b[transposeB ? (j * k) + p : (p * n) + j];
                }
                c[(i * n) + j] = sum;
            }
        }
    }

    /// <summary><c>c[batch×m×n] = a[batch×m×k] · b[batch×k×n]</c>, one <see cref="MatMul{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, int, int, int)"/> per batch entry.</summary>
    public static void BatchedMatMul<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int batch, int m, int k, int n)
        where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < batch; i++)
        {
            MatMul(a.Slice(i * m * k, m * k), b.Slice(i * k * n, k * n), c.Slice(i * m * n, m * n), m, k, n);
        }
    }

    /// <summary>
    /// <c>y[m] = a[m×n] · x[n]</c>: one dot product per row; above <see cref="ParallelMatVecThreshold"/> the rows are
    /// split between the cores (each row's dot product is the same whichever core takes it).
    /// </summary>
    public static void MatVec<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> x, Span<T> y, int m, int n)
        where T : unmanaged, INumber<T>
    {
        int cores = Environment.ProcessorCount;
        if (cores < 2 || (long)m * n < ParallelMatVecThreshold || m < 2 * cores)
        {
            for (int i = 0; i < m; i++) y[i] = TensorPrimitives.Dot(a.Slice(i * n, n), x);
            return;
        }
        unsafe
        {
            fixed (T* pa = a)
            fixed (T* px = x)
            fixed (T* py = y)
            {
                MatVecInStripes<T>((nint)pa, (nint)px, (nint)py, m, n, cores);
            }
        }
    }

    // Apart from MatVec so that the closure is allocated only when the rows are split.
    private static unsafe void MatVecInStripes<T>(nint aAddress, nint xAddress, nint yAddress, int m, int n, int cores)
        where T : unmanaged, INumber<T>
    {
        int perStripe = (m + cores - 1) / cores;
        Parallel.For(0, cores, stripe =>
        {
            int start = stripe * perStripe, end = Math.Min(m, start + perStripe);
            var matrix = new ReadOnlySpan<T>((T*)aAddress, m * n);
            var vector = new ReadOnlySpan<T>((T*)xAddress, n);
            var result = new Span<T>((T*)yAddress, m);
            for (int i = start; i < end; i++) result[i] = TensorPrimitives.Dot(matrix.Slice(i * n, n), vector);
        });
    }

    /// <summary>
    /// <c>y[n] = a[m×n]ᵀ · x[m]</c> without transposing a: y is the sum of the rows of a scaled by x, four rows per
    /// pass over y so that y is read and written once per four rows. Rows are taken in order 0, 1, …, m-1 for every
    /// entry of y.
    /// </summary>
    public static void MatVecTransposed<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> x, Span<T> y, int m, int n)
        where T : unmanaged, INumber<T>
    {
        if (a.Length < (long)m * n || x.Length < m || y.Length < n) throw new ArgumentException("MatVecTransposed: a buffer is shorter than its dimensions say");
        y[..n].Clear();
        if (!Gemm.IsAccelerated<T>())
        {
            for (int i = 0; i < m; i++) TensorPrimitives.MultiplyAdd(a.Slice(i * n, n), x[i], y[..n], y[..n]);
            return;
        }
        unsafe
        {
            fixed (T* pa = a)
            fixed (T* px = x)
            fixed (T* py = y)
            {
                int w = Vector256<T>.Count;
                int i = 0;
                for (; i + 4 <= m; i += 4)
                {
                    T* r0 = pa + ((long)i * n), r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
                    T x0 = px[i], x1 = px[i + 1], x2 = px[i + 2], x3 = px[i + 3];
                    var v0 = Vector256.Create(x0);
                    var v1 = Vector256.Create(x1);
                    var v2 = Vector256.Create(x2);
                    var v3 = Vector256.Create(x3);
                    int j = 0;
                    for (; j + w <= n; j += w)
                    {
                        var sum = Vector256.Load(py + j);
                        sum = Fma(Vector256.Load(r0 + j), v0, sum);
                        sum = Fma(Vector256.Load(r1 + j), v1, sum);
                        sum = Fma(Vector256.Load(r2 + j), v2, sum);
                        sum = Fma(Vector256.Load(r3 + j), v3, sum);
                        sum.Store(py + j);
                    }
                    for (; j < n; j++)
                    {
                        T s = py[j];
                        s = FmaScalar(r0[j], x0, s);
                        s = FmaScalar(r1[j], x1, s);
                        s = FmaScalar(r2[j], x2, s);
                        s = FmaScalar(r3[j], x3, s);
                        py[j] = s;
                    }
                }
                for (; i < m; i++)
                {
                    T* row = pa + ((long)i * n);
                    var v = Vector256.Create(px[i]);
                    int j = 0;
                    for (; j + w <= n; j += w) Fma(Vector256.Load(row + j), v, Vector256.Load(py + j)).Store(py + j);
                    for (; j < n; j++) py[j] = FmaScalar(row[j], px[i], py[j]);
                }
            }
        }
    }

    /// <summary>The inner product of two vectors of the same length.</summary>
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, INumber<T> => TensorPrimitives.Dot(x, y);

    private static Vector256<T> Fma<T>(Vector256<T> x, Vector256<T> y, Vector256<T> addend)
    {
        if (typeof(T) == typeof(float)) return Vector256.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), addend.AsSingle()).As<float, T>();
        return Vector256.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), addend.AsDouble()).As<double, T>();
    }

    private static T FmaScalar<T>(T x, T y, T addend) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float))
        {
            float f = MathF.FusedMultiplyAdd(Unsafe.As<T, float>(ref x), Unsafe.As<T, float>(ref y), Unsafe.As<T, float>(ref addend));
            return Unsafe.As<float, T>(ref f);
        }
        double d = Math.FusedMultiplyAdd(Unsafe.As<T, double>(ref x), Unsafe.As<T, double>(ref y), Unsafe.As<T, double>(ref addend));
        return Unsafe.As<double, T>(ref d);
    }
}
