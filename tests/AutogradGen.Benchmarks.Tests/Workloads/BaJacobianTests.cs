using AutogradGen.Benchmarks.Tests.Support;
using AutogradGen.Benchmarks.Workloads.Ba;
using AutogradGen.Sparse;

namespace AutogradGen.Benchmarks.Tests.Workloads;

/// <summary>
/// The BA benchmark's sparse Jacobian (per-observation generated blocks assembled into CSR) against central
/// differences of the objective, column by column: every column of ba/test.txt, and on ba1 the 30 columns of the
/// first and last observations' blocks with their weights' rows.
/// </summary>
public class BaJacobianTests
{
    [Fact]
    public void Objective_on_test_txt_matches_ADBench()
    {
        var b = BaInstance.Load(BaInstance.Test);
        var residuals = new double[b.ResidualCount];
        BaProblem.Objective(b, residuals);
        Tolerance.AssertClose(-0.269048849235189402, residuals[0], 1e-12, "first reprojection residual");
        Tolerance.AssertClose(0.259944792677901881, residuals[1], 1e-12, "second reprojection residual");
        Tolerance.AssertClose(0.826092651515999976, residuals[2 * b.ObservationCount], 1e-12, "first weight residual");
    }

    [Fact]
    public void Every_column_on_test_txt_matches_central_differences()
    {
        var b = BaInstance.Load(BaInstance.Test);
        AssertColumnsMatch(b, Enumerable.Range(0, b.ParameterCount));
    }

    [Fact]
    public void Sampled_columns_on_ba1_match_central_differences()
    {
        var b = BaInstance.Load(BaInstance.Ba1);
        int p = b.ObservationCount;
        var columns = new List<int>();
        foreach (int i in new[] { 0, p - 1 })
        {
            for (int k = 0; k < BaInstance.CameraParameters; k++) columns.Add(BaInstance.CameraParameters * b.CameraOf[i] + k);
            for (int k = 0; k < 3; k++) columns.Add(BaInstance.CameraParameters * b.CameraCount + 3 * b.PointOf[i] + k);
            columns.Add(BaInstance.CameraParameters * b.CameraCount + 3 * b.PointCount + i);
        }

        AssertColumnsMatch(b, columns);
    }

    [Fact]
    public void Refilled_values_equal_a_new_matrix_and_the_pattern_is_31_entries_per_observation()
    {
        var b = BaInstance.Load(BaInstance.Test);
        var residuals = new double[b.ResidualCount];
        CsrMatrix built = BaProblem.Jacobian(b, residuals);
        Assert.Equal(31 * b.ObservationCount, built.NonZeros);
        Assert.Equal(b.ResidualCount, built.Rows);
        var refilled = new CsrMatrix(built.Rows, built.Columns, built.RowOffsets, built.ColumnIndices, new double[built.NonZeros]);
        var refilledResiduals = new double[b.ResidualCount];
        BaProblem.RefillJacobian(b, refilledResiduals, refilled);
        Assert.Equal(built.Values, refilled.Values);
        Assert.Equal(residuals, refilledResiduals);
    }

    /// <summary>Column j of the CSR Jacobian (J·e_j, every row) against the five-point derivative of every residual.</summary>
    private static void AssertColumnsMatch(BaInstance b, IEnumerable<int> columns)
    {
        var residuals = new double[b.ResidualCount];
        CsrMatrix jacobian = BaProblem.Jacobian(b, residuals);
        var objective = new double[b.ResidualCount];
        BaProblem.Objective(b, objective);
        Assert.Equal(objective, residuals);
        var unit = new double[b.ParameterCount];
        var column = new double[b.ResidualCount];
        foreach (int j in columns)
        {
            unit[j] = 1;
            jacobian.Multiply(unit, column);
            unit[j] = 0;
            double[] numeric = CentralDifferenceColumn(b, j);
            for (int row = 0; row < b.ResidualCount; row++)
            {
                Tolerance.AssertClose(numeric[row], column[row], 1e-6, $"∂r[{row}]/∂parameter[{j}]");
            }
        }
    }

    private static double[] CentralDifferenceColumn(BaInstance b, int j)
    {
        (double[] array, int index) = Parameter(b, j);
        double original = array[index];
        double h = Math.Pow(2.220446049250313e-16, 0.2) * Math.Max(1.0, Math.Abs(original));
        var result = new double[b.ResidualCount];
        var r = new double[b.ResidualCount];
        foreach ((double offset, double coefficient) in new[] { (-2 * h, 1.0), (-h, -8.0), (h, 8.0), (2 * h, -1.0) })
        {
            array[index] = original + offset;
            BaProblem.Objective(b, r);
            for (int k = 0; k < r.Length; k++) result[k] += coefficient * r[k] / (12 * h);
        }

        array[index] = original;
        return result;
    }

    /// <summary>The array and position of column j: cameras, then points, then weights.</summary>
    private static (double[] Array, int Index) Parameter(BaInstance b, int j)
    {
        int cameras = BaInstance.CameraParameters * b.CameraCount;
        if (j < cameras) return (b.Cameras, j);
        if (j < cameras + 3 * b.PointCount) return (b.Points, j - cameras);
        return (b.Weights, j - cameras - 3 * b.PointCount);
    }
}
