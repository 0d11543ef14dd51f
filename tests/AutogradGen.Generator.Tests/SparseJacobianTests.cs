using System.Globalization;
using AutogradGen.Generator.Tests.Functions;
using AutogradGen.Sparse;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Issue 11 item 4, sparse Jacobians: bundle adjustment's Jacobian assembled into CSR from one generated 2 × 15 block
/// per observation (11 camera, 3 point and 1 weight columns) and one weight row each, on the repository's ADBench data,
/// against the dense generated Jacobian of the whole problem, its products, and central differences.
/// </summary>
public class SparseJacobianTests
{
    private sealed record BaProblem(int N, int M, int P, double[] Cameras, double[] Points, double[] Weights, double[] Features, int[] CameraOf, int[] PointOf)
    {
        public int Columns => 11 * N + 3 * M + P;

        public int Rows => 3 * P;
    }

    /// <summary>ADBench's reader: one camera, point, weight and feature replicated; observation i joins camera i mod n and point i mod m.</summary>
    private static BaProblem Read(string file)
    {
        var numbers = File.ReadAllText(RepositoryPaths.Data("adbench", "ba", file))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        int n = (int)numbers[0], m = (int)numbers[1], p = (int)numbers[2];
        var camera = numbers.AsSpan(3, 11).ToArray();
        var point = numbers.AsSpan(14, 3).ToArray();
        var weight = numbers[17];
        var feature = numbers.AsSpan(18, 2).ToArray();
        return new BaProblem(n, m, p,
            Enumerable.Range(0, n).SelectMany(_ => camera).ToArray(),
            Enumerable.Range(0, m).SelectMany(_ => point).ToArray(),
            Enumerable.Repeat(weight, p).ToArray(),
            Enumerable.Range(0, p).SelectMany(_ => feature).ToArray(),
            Enumerable.Range(0, p).Select(i => i % n).ToArray(),
            Enumerable.Range(0, p).Select(i => i % m).ToArray());
    }

    /// <summary>The documented loop: one generated block Jacobian per observation, then one weight row per observation.</summary>
    private static CsrMatrix SparseJacobian(BaProblem ba, double[] residuals)
    {
        var builder = new CsrBuilder(ba.Columns, rowCapacity: ba.Rows, nonZeroCapacity: 31 * ba.P);
        Span<double> block = stackalloc double[2 * 15];
        Span<ColumnRange> columns = stackalloc ColumnRange[3];
        for (var i = 0; i < ba.P; i++)
        {
            var camera = ba.Cameras.AsSpan(11 * ba.CameraOf[i], 11);
            var point = ba.Points.AsSpan(3 * ba.PointOf[i], 3);
            VectorFunctions.ReprojectionResidualJacobian(camera, point, ba.Weights[i], ba.Features.AsSpan(2 * i, 2), residuals.AsSpan(2 * i, 2), block);
            columns[0] = new ColumnRange(11 * ba.CameraOf[i], 11);
            columns[1] = new ColumnRange(11 * ba.N + 3 * ba.PointOf[i], 3);
            columns[2] = new ColumnRange(11 * ba.N + 3 * ba.M + i, 1);
            builder.AppendBlock(block, columns);
        }

        for (var i = 0; i < ba.P; i++)
        {
            residuals[2 * ba.P + i] = BundleAdjustmentFunctions.WeightResidualGradient(ba.Weights[i], out var dw);
            builder.AppendRow([dw], [new ColumnRange(11 * ba.N + 3 * ba.M + i, 1)]);
        }

        return builder.ToCsr();
    }

    [Fact]
    public void The_assembled_jacobian_equals_the_dense_jacobian_of_the_whole_problem()
    {
        var ba = Read("test.txt");
        var residuals = new double[ba.Rows];
        var sparse = SparseJacobian(ba, residuals);
        Assert.Equal(ba.Rows, sparse.Rows);
        Assert.Equal(31 * ba.P, sparse.NonZeros); // 15 per reprojection row, 1 per weight row (tests/Data/adbench/README.md)

        // ADBench's published first residuals for ba/test.txt.
        Assert.Equal(-0.269048849235189402, residuals[0], 1e-11);
        Assert.Equal(0.259944792677901881, residuals[1], 1e-11);
        Assert.Equal(0.826092651515999976, residuals[2 * ba.P], 1e-12);

        var dense = new double[ba.Rows * ba.Columns];
        var denseResiduals = new double[ba.Rows];
        BundleAdjustmentFunctions.ResidualsJacobian(ba.Cameras, ba.Points, ba.Weights, ba.Features, ba.CameraOf, ba.PointOf, denseResiduals, dense);
        // The whole-problem method writes the rotation another way (rounding differs in the last digits).
        Assert.Equal(denseResiduals, residuals, new Tolerance(1e-11));
        var assembled = sparse.ToDense();
        for (var k = 0; k < dense.Length; k++)
        {
            Assert.True(Math.Abs(dense[k] - assembled[k]) <= 1e-10 * Math.Max(1, Math.Abs(dense[k])), $"entry ({k / ba.Columns}, {k % ba.Columns}): dense {dense[k]:R}, CSR {assembled[k]:R}");
        }
    }

    [Fact]
    public void The_assembled_jacobian_matches_central_differences()
    {
        var ba = Read("test.txt");
        var sparse = SparseJacobian(ba, new double[ba.Rows]);
        var x = ba.Cameras.Concat(ba.Points).Concat(ba.Weights).ToArray();
        var plus = new double[ba.Rows];
        var minus = new double[ba.Rows];
        for (var j = 0; j < ba.Columns; j++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(x[j]));
            var shifted = x.ToArray();
            shifted[j] = x[j] + h;
            Evaluate(ba, shifted, plus);
            shifted[j] = x[j] - h;
            Evaluate(ba, shifted, minus);
            for (var i = 0; i < ba.Rows; i++)
            {
                var expected = (plus[i] - minus[i]) / (2 * h);
                Assert.True(Math.Abs(expected - sparse[i, j]) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"entry ({i}, {j}): central {expected:R}, CSR {sparse[i, j]:R}");
            }
        }
    }

    [Fact]
    public void On_the_large_instance_the_csr_products_are_the_generated_jvp_and_vjp_of_the_whole_problem()
    {
        // 31,843 observations over 49 cameras and 7,776 points: far too large for a dense Jacobian, so the CSR matrix is
        // checked through J·v and uᵀJ against the whole problem's generated Jvp and Vjp.
        var ba = Read("ba1_n49_m7776_p31843.txt");
        var sparse = SparseJacobian(ba, new double[ba.Rows]);
        Assert.Equal(31 * ba.P, sparse.NonZeros);
        var v = Enumerable.Range(0, ba.Columns).Select(i => Math.Sin(0.37 * i + 0.1)).ToArray();
        var u = Enumerable.Range(0, ba.Rows).Select(i => Math.Cos(0.23 * i + 0.5)).ToArray();

        var jv = new double[ba.Rows];
        sparse.Multiply(v, jv);
        var expected = new double[ba.Rows];
        var values = new double[ba.Rows];
        var ncam = 11 * ba.N;
        BundleAdjustmentFunctions.ResidualsJvp(ba.Cameras, ba.Points, ba.Weights, ba.Features, ba.CameraOf, ba.PointOf, values,
            v.AsSpan(0, ncam), v.AsSpan(ncam, 3 * ba.M), v.AsSpan(ncam + 3 * ba.M), expected);
        Assert.Equal(expected, jv, new Tolerance(1e-10));

        var ju = new double[ba.Columns];
        sparse.MultiplyTransposed(u, ju);
        var gradient = new double[ba.Columns];
        BundleAdjustmentFunctions.ResidualsVjp(ba.Cameras, ba.Points, ba.Weights, ba.Features, ba.CameraOf, ba.PointOf, values, u,
            gradient.AsSpan(0, ncam), gradient.AsSpan(ncam, 3 * ba.M), gradient.AsSpan(ncam + 3 * ba.M));
        Assert.Equal(gradient, ju, new Tolerance(1e-10));
    }

    [Fact]
    public void The_builder_sorts_columns_within_a_row_and_refuses_overlaps()
    {
        var builder = new CsrBuilder(6);
        builder.AppendBlock([1, 2, 3, 4, 5, 6], [new ColumnRange(4, 2), new ColumnRange(0, 1)]);
        var matrix = builder.ToCsr();
        Assert.Equal(new[] { 0, 3, 6 }, matrix.RowOffsets);
        Assert.Equal(new[] { 0, 4, 5, 0, 4, 5 }, matrix.ColumnIndices);
        Assert.Equal(new double[] { 3, 1, 2, 6, 4, 5 }, matrix.Values);
        Assert.Equal(2.0, matrix[0, 5]);
        Assert.Equal(0.0, matrix[1, 2]);
        Assert.Throws<ArgumentException>(() => builder.AppendBlock([1, 2], [new ColumnRange(0, 2), new ColumnRange(1, 1)]));
        Assert.Throws<ArgumentException>(() => builder.AppendBlock([1, 2], [new ColumnRange(5, 2)]));
        Assert.Throws<ArgumentException>(() => builder.AppendBlock([1, 2, 3], [new ColumnRange(0, 2)]));
        Assert.Throws<ArgumentException>(() => new CsrMatrix(1, 2, [0, 2], [1, 0], [1.0, 2.0]));
    }

    private static void Evaluate(BaProblem ba, double[] x, double[] residuals)
    {
        var ncam = 11 * ba.N;
        BundleAdjustmentFunctions.Residuals(x.AsSpan(0, ncam), x.AsSpan(ncam, 3 * ba.M), x.AsSpan(ncam + 3 * ba.M), ba.Features, ba.CameraOf, ba.PointOf, residuals);
    }

    private sealed class Tolerance(double relative) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= relative * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
