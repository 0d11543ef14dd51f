using AutogradGen.Workloads;
using AutogradGen.Sparse;

namespace AutogradGen.Benchmarks.Workloads.Ba;

/// <summary>
/// The whole BA problem from its blocks, as docs/API.md ("Sparse Jacobians") shows: every residual, and the
/// (3p) × (11n + 3m + p) Jacobian assembled into CSR from each observation's generated 2 × 15 block and each
/// weight's generated derivative.
/// </summary>
public static class BaProblem
{
    private const int BlockWidth = BaInstance.CameraParameters + 3 + 1;

    /// <summary>Every residual into <paramref name="residuals"/> (3p).</summary>
    public static void Objective(BaInstance b, Span<double> residuals)
    {
        int p = b.ObservationCount;
        for (int i = 0; i < p; i++)
        {
            BaResiduals.ReprojectionResidual(Camera(b, i), Point(b, i), b.Weights[i], b.Features.AsSpan(2 * i, 2),
                residuals.Slice(2 * i, 2));
        }

        for (int i = 0; i < p; i++) residuals[2 * p + i] = BaResiduals.WeightResidual(b.Weights[i]);
    }

    /// <summary>The residuals, and the Jacobian built by <see cref="CsrBuilder"/> (a new matrix each call).</summary>
    public static CsrMatrix Jacobian(BaInstance b, Span<double> residuals)
    {
        int p = b.ObservationCount;
        var builder = new CsrBuilder(b.ParameterCount, rowCapacity: 3 * p, nonZeroCapacity: (2 * BlockWidth + 1) * p);
        Span<double> block = stackalloc double[2 * BlockWidth];
        for (int i = 0; i < p; i++)
        {
            BaResiduals.ReprojectionResidualJacobian(Camera(b, i), Point(b, i), b.Weights[i], b.Features.AsSpan(2 * i, 2),
                residuals.Slice(2 * i, 2), block);
            builder.AppendBlock(block,
            [
                new ColumnRange(BaInstance.CameraParameters * b.CameraOf[i], BaInstance.CameraParameters),
                new ColumnRange(BaInstance.CameraParameters * b.CameraCount + 3 * b.PointOf[i], 3),
                WeightColumn(b, i),
            ]);
        }

        for (int i = 0; i < p; i++)
        {
            residuals[2 * p + i] = BaResiduals.WeightResidualGradient(b.Weights[i], out double dw);
            builder.AppendRow([dw], [WeightColumn(b, i)]);
        }

        return builder.ToCsr();
    }

    /// <summary>
    /// The residuals, and the Jacobian's values written into <paramref name="jacobian"/> (a matrix of this problem's
    /// pattern, from <see cref="Jacobian"/>) in place: what a solver's every iteration after the first does.
    /// </summary>
    public static void RefillJacobian(BaInstance b, Span<double> residuals, CsrMatrix jacobian)
    {
        int p = b.ObservationCount;
        var values = jacobian.Values.AsSpan();
        for (int i = 0; i < p; i++)
        {
            // The block's columns (camera, point, weight) ascend, so its rows are the CSR rows' entries as they are.
            BaResiduals.ReprojectionResidualJacobian(Camera(b, i), Point(b, i), b.Weights[i], b.Features.AsSpan(2 * i, 2),
                residuals.Slice(2 * i, 2), values.Slice(2 * BlockWidth * i, 2 * BlockWidth));
        }

        for (int i = 0; i < p; i++)
        {
            residuals[2 * p + i] = BaResiduals.WeightResidualGradient(b.Weights[i], out values[2 * BlockWidth * p + i]);
        }
    }

    private static ReadOnlySpan<double> Camera(BaInstance b, int i) =>
        b.Cameras.AsSpan(BaInstance.CameraParameters * b.CameraOf[i], BaInstance.CameraParameters);

    private static ReadOnlySpan<double> Point(BaInstance b, int i) => b.Points.AsSpan(3 * b.PointOf[i], 3);

    private static ColumnRange WeightColumn(BaInstance b, int i) =>
        new(BaInstance.CameraParameters * b.CameraCount + 3 * b.PointCount + i, 1);
}
