using AutogradGen.Kernels;

namespace AutogradGen.Tests.Kernels;

/// <summary>
/// The blocked GEMM against a naive reference that sums each entry in p order with one fused multiply-add per
/// step: the kernel claims that order whatever the blocking, so the results must agree bit for bit. Sizes are odd
/// and straddle the micro-tile (6 × 16 floats, 6 × 8 doubles) and the cache blocks (KC 256, MC 120 / 72), and the
/// largest cross the parallel threshold, so the stripes are checked too.
/// </summary>
public class GemmKernelTests
{
    public static TheoryData<int, int, int> Sizes => new()
    {
        { 1, 1, 1 }, { 1, 7, 1 }, { 7, 1, 7 }, { 7, 7, 7 }, { 6, 256, 16 }, { 63, 65, 17 }, { 65, 63, 9 },
        { 5, 257, 33 }, { 257, 7, 65 }, { 121, 300, 40 }, { 73, 513, 19 }, { 257, 65, 257 }, { 64, 784, 256 },
        { 3, 5, 2100 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Float_products_match_the_p_ordered_reference_in_every_transposition(int m, int k, int n)
    {
        foreach (bool transposeA in new[] { false, true })
        {
            foreach (bool transposeB in new[] { false, true })
            {
                var (a, b) = Operands(m, k, n, seed: (ulong)(m + (7 * k) + (13 * n)), x => (float)x);
                var c = new float[m * n];
                LinearAlgebra.MatMul<float>(a, transposeA, b, transposeB, c, m, k, n);
                var expected = Reference(a, transposeA, b, transposeB, m, k, n, MathF.FusedMultiplyAdd);
                AssertBitwiseEqual(expected, c, $"float {m}×{k}×{n} transposeA={transposeA} transposeB={transposeB}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Double_products_match_the_p_ordered_reference_in_every_transposition(int m, int k, int n)
    {
        foreach (bool transposeA in new[] { false, true })
        {
            foreach (bool transposeB in new[] { false, true })
            {
                var (a, b) = Operands(m, k, n, seed: (ulong)(m + (7 * k) + (13 * n)), x => x);
                var c = new double[m * n];
                LinearAlgebra.MatMul<double>(a, transposeA, b, transposeB, c, m, k, n);
                var expected = Reference(a, transposeA, b, transposeB, m, k, n, Math.FusedMultiplyAdd);
                AssertBitwiseEqual(expected, c, $"double {m}×{k}×{n} transposeA={transposeA} transposeB={transposeB}");
            }
        }
    }

    [Fact]
    public void Accumulating_adds_the_product_to_what_c_holds()
    {
        const int m = 9, k = 300, n = 21;
        var (a, b) = Operands(m, k, n, seed: 5, x => x);
        var c = new double[m * n];
        for (int i = 0; i < c.Length; i++) c[i] = i * 0.25;
        var start = (double[])c.Clone();
        Gemm.Multiply<double>(a, false, b, true, c, m, k, n, accumulate: true);
        var product = Reference(a, false, b, true, m, k, n, Math.FusedMultiplyAdd);
        for (int i = 0; i < c.Length; i++)
        {
            // The kernel starts each entry's sum from C's value, then adds the products in p order.
            Assert.Equal(SumFrom(start[i], a, b, m, k, n, i), c[i]);
            Assert.Equal(product[i] + start[i], c[i], 1e-9);
        }
    }

    [Fact]
    public void An_empty_depth_gives_zeros_and_leaves_an_accumulated_c_alone()
    {
        var c = new float[] { 1, 2, 3, 4, 5, 6 };
        Gemm.Multiply<float>([], false, [], false, c, 2, 0, 3, accumulate: true);
        Assert.Equal([1f, 2, 3, 4, 5, 6], c);
        Gemm.Multiply<float>([], false, [], false, c, 2, 0, 3);
        Assert.Equal(new float[6], c);
    }

    [Fact]
    public void Infinities_and_nans_propagate_as_in_a_dense_product()
    {
        // 0 · ∞ is NaN in IEEE arithmetic and in PyTorch's BLAS; a kernel that skipped zero scales would hide it.
        var c = new double[1];
        LinearAlgebra.MatMul<double>([0.0, 1.0], [double.PositiveInfinity, 2.0], c, 1, 2, 1);
        Assert.True(double.IsNaN(c[0]));
    }

    [Fact]
    public void Int64_products_keep_the_exact_loop()
    {
        var c = new long[4];
        LinearAlgebra.MatMul<long>([1, 2, 3, 4, 5, 6], true, [7, 8, 9, 10, 11, 12], false, c, 2, 3, 2);
        // Aᵀ of the 3 × 2 matrix [[1, 2], [3, 4], [5, 6]] is [[1, 3, 5], [2, 4, 6]].
        Assert.Equal([1L * 7 + 3 * 9 + 5 * 11, 1L * 8 + 3 * 10 + 5 * 12, 2L * 7 + 4 * 9 + 6 * 11, 2L * 8 + 4 * 10 + 6 * 12], c);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(65, 63)]
    [InlineData(1000, 100)]
    [InlineData(257, 1030)]
    public void Mat_vec_transposed_matches_the_row_ordered_reference(int m, int n)
    {
        var (a, x) = Operands(n, m, 1, seed: (ulong)((m * 31) + n), v => v); // a: m·n entries, x: m
        var y = new double[n];
        LinearAlgebra.MatVecTransposed<double>(a, x.AsSpan(0, m), y, m, n);
        for (int j = 0; j < n; j++)
        {
            double expected = 0;
            for (int i = 0; i < m; i++) expected = Math.FusedMultiplyAdd(a[(i * n) + j], x[i], expected);
            Assert.Equal(expected, y[j]);
        }
        var af = Array.ConvertAll(a, v => (float)v);
        var xf = Array.ConvertAll(x, v => (float)v);
        var yf = new float[n];
        LinearAlgebra.MatVecTransposed<float>(af, xf.AsSpan(0, m), yf, m, n);
        for (int j = 0; j < n; j++)
        {
            float expected = 0;
            for (int i = 0; i < m; i++) expected = MathF.FusedMultiplyAdd(af[(i * n) + j], xf[i], expected);
            Assert.Equal(expected, yf[j]);
        }
    }

    [Fact]
    public void Mat_vec_split_across_cores_gives_the_serial_dot_products()
    {
        const int m = 20_000, n = 100;
        var (a, x) = Operands(m, n, 1, seed: 3, v => v);
        var y = new double[m];
        LinearAlgebra.MatVec<double>(a, x.AsSpan(0, n), y, m, n);
        for (int i = 0; i < m; i++) Assert.Equal(System.Numerics.Tensors.TensorPrimitives.Dot<double>(a.AsSpan(i * n, n), x.AsSpan(0, n)), y[i]);
    }

    private static (T[] A, T[] B) Operands<T>(int m, int k, int n, ulong seed, Func<double, T> convert)
    {
        var random = new SplitMixForTests(seed);
        var a = new T[m * k];
        var b = new T[k * n];
        for (int i = 0; i < a.Length; i++) a[i] = convert(random.NextSigned());
        for (int i = 0; i < b.Length; i++) b[i] = convert(random.NextSigned());
        return (a, b);
    }

    private static T[] Reference<T>(T[] a, bool transposeA, T[] b, bool transposeB, int m, int k, int n, Func<T, T, T, T> fma)
        where T : struct
    {
        var c = new T[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T sum = default;
                for (int p = 0; p < k; p++)
                {
                    sum = fma(a[transposeA ? (p * m) + i : (i * k) + p], b[transposeB ? (j * k) + p : (p * n) + j], sum);
                }
                c[(i * n) + j] = sum;
            }
        }
        return c;
    }

    private static double SumFrom(double start, double[] a, double[] b, int m, int k, int n, int index)
    {
        int i = index / n, j = index % n;
        double sum = start;
        for (int p = 0; p < k; p++) sum = Math.FusedMultiplyAdd(a[(i * k) + p], b[(j * k) + p], sum);
        return sum;
    }

    private static void AssertBitwiseEqual<T>(T[] expected, T[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (!expected[i]!.Equals(actual[i])) Assert.Fail($"{what}: entry {i} is {actual[i]}, expected {expected[i]}");
        }
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): a fixed sequence on every runtime.</summary>
    private struct SplitMixForTests(ulong state)
    {
        private ulong _state = state;

        public double NextSigned()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return ((z >> 11) * (1.0 / (1UL << 53)) * 2.0) - 1.0;
        }
    }
}
