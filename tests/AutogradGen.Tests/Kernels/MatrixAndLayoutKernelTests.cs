using AutogradGen.Kernels;

namespace AutogradGen.Tests.Kernels;

/// <summary>Matrix products, reductions along a dimension and layout copies on plain spans.</summary>
public class MatrixAndLayoutKernelTests
{
    [Fact]
    public void Mat_mul_multiplies_row_major_matrices()
    {
        var c = new double[4];
        LinearAlgebra.MatMul<double>([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], c, 2, 3, 2);
        Assert.Equal([58.0, 64, 139, 154], c);
    }

    [Fact]
    public void Mat_mul_of_larger_matrices_matches_the_naive_product()
    {
        const int m = 17, k = 33, n = 9;
        var a = new float[m * k];
        var b = new float[k * n];
        for (int i = 0; i < a.Length; i++) a[i] = (i % 7) - 3;
        for (int i = 0; i < b.Length; i++) b[i] = (i % 5) - 2;
        var c = new float[m * n];
        LinearAlgebra.MatMul<float>(a, b, c, m, k, n);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float expected = 0;
                for (int p = 0; p < k; p++) expected += a[(i * k) + p] * b[(p * n) + j];
                Assert.Equal(expected, c[(i * n) + j]);
            }
        }
    }

    [Fact]
    public void Mat_vec_takes_one_dot_product_per_row()
    {
        var y = new double[2];
        LinearAlgebra.MatVec<double>([1, 2, 3, 4], [1, 1], y, 2, 2);
        Assert.Equal([3.0, 7], y);
    }

    [Fact]
    public void Max_along_dim_returns_values_and_first_indices()
    {
        var values = new double[2];
        var indices = new long[2];
        Reductions.MaxAlongDim<double>([1, 9, 9, 4, 2, 0], 2, 3, 1, values, indices);
        Assert.Equal([9.0, 4], values);
        Assert.Equal([1L, 0], indices);
    }

    [Fact]
    public void Max_along_dim_propagates_nan()
    {
        var values = new double[1];
        var indices = new long[1];
        Reductions.MaxAlongDim<double>([1, double.NaN, 5], 1, 3, 1, values, indices);
        Assert.True(double.IsNaN(values[0]));
        Assert.Equal(1, indices[0]);
    }

    [Fact]
    public void Permute_swaps_dimensions()
    {
        var destination = new int[6];
        Layout.Permute<int>([1, 2, 3, 4, 5, 6], [2, 3], [1, 0], destination);
        Assert.Equal([1, 4, 2, 5, 3, 6], destination);
    }

    [Fact]
    public void Narrow_takes_a_strided_range_of_the_middle_dimension()
    {
        var destination = new int[4];
        Layout.Narrow<int>([0, 1, 2, 3, 4, 5, 6, 7], 2, 4, 1, 1, 2, 2, destination);
        Assert.Equal([1, 3, 5, 7], destination);
    }

    [Fact]
    public void Scatter_add_sums_repeated_indices()
    {
        var destination = new double[3];
        Layout.ScatterAdd<double>([1, 2, 4], 1, 3, 1, [2, 0, 2], destination);
        Assert.Equal([2.0, 0, 5], destination);
    }

    [Fact]
    public void Softplus_returns_the_input_above_the_threshold()
    {
        var destination = new double[2];
        Activations.Softplus<double>([0, 30], 1, 20, destination);
        Assert.Equal(Math.Log(2), destination[0], 12);
        Assert.Equal(30, destination[1]);
    }
}
