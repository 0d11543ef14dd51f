using System.Numerics;
using System.Numerics.Tensors;

namespace AutogradGen.Kernels;

/// <summary>Dense matrix products on contiguous row-major buffers.</summary>
public static class LinearAlgebra
{
    /// <summary>
    /// <c>c[m×n] = a[m×k] · b[k×n]</c>. The i-k-j loop order walks <paramref name="b"/> and <paramref name="c"/> row by
    /// row, so the inner loop is one vectorised multiply-add over a contiguous row (no strided column reads).
    /// </summary>
    public static void MatMul<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n)
        where T : unmanaged, INumber<T>
    {
        c[..(m * n)].Clear();
        for (int i = 0; i < m; i++)
        {
            var cRow = c.Slice(i * n, n);
            var aRow = a.Slice(i * k, k);
            for (int p = 0; p < k; p++)
            {
                T scale = aRow[p];
                if (T.IsZero(scale)) continue;
                TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), scale, cRow, cRow);
            }
        }
    }

    /// <summary><c>c[batch×m×n] = a[batch×m×k] · b[batch×k×n]</c>, one <see cref="MatMul"/> per batch entry.</summary>
    public static void BatchedMatMul<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int batch, int m, int k, int n)
        where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < batch; i++)
        {
            MatMul(a.Slice(i * m * k, m * k), b.Slice(i * k * n, k * n), c.Slice(i * m * n, m * n), m, k, n);
        }
    }

    /// <summary><c>y[m] = a[m×n] · x[n]</c>: one dot product per row.</summary>
    public static void MatVec<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> x, Span<T> y, int m, int n)
        where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < m; i++) y[i] = TensorPrimitives.Dot(a.Slice(i * n, n), x);
    }

    /// <summary>The inner product of two vectors of the same length.</summary>
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, INumber<T> => TensorPrimitives.Dot(x, y);
}
