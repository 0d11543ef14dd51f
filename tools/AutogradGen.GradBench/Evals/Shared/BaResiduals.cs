namespace AutogradGen.Workloads;

/// <summary>
/// ADBench's and GradBench's bundle adjustment residuals as a user writes them now (written once: linked into the
/// GradBench tool and the benchmark project, each running the generator on it): one observation's two reprojection
/// residuals as a vector-valued [Differentiable] method (its 2 × 15 block comes from the generated
/// <c>ReprojectionResidualJacobian</c>) and the weight residual 1 − w² as a scalar one (<c>WeightResidualGradient</c>).
/// </summary>
public static partial class BaResiduals
{
    /// <summary>
    /// w · (projection of <paramref name="point"/> by <paramref name="camera"/> − feature) into r[0..2]. The camera is
    /// ADBench's 11 values: Rodrigues rotation, centre, focal length, principal point, two radial distortions.
    /// </summary>
    [Differentiable(nameof(camera), nameof(point), nameof(weight))]
    public static void ReprojectionResidual(
        ReadOnlySpan<double> camera, ReadOnlySpan<double> point, double weight, ReadOnlySpan<double> feature, Span<double> r)
    {
        double x = point[0] - camera[3];
        double y = point[1] - camera[4];
        double z = point[2] - camera[5];
        double r0 = camera[0];
        double r1 = camera[1];
        double r2 = camera[2];
        double squaredAngle = r0 * r0 + r1 * r1 + r2 * r2;
        double cx;
        double cy;
        double cz;
        if (squaredAngle != 0)
        {
            // Rodrigues: X cos θ + (w × X) sin θ + w (w · X)(1 − cos θ), w the unit axis.
            double angle = Math.Sqrt(squaredAngle);
            double cos = Math.Cos(angle);
            double sin = Math.Sin(angle);
            double wx = r0 / angle;
            double wy = r1 / angle;
            double wz = r2 / angle;
            double along = (wx * x + wy * y + wz * z) * (1 - cos);
            cx = x * cos + (wy * z - wz * y) * sin + wx * along;
            cy = y * cos + (wz * x - wx * z) * sin + wy * along;
            cz = z * cos + (wx * y - wy * x) * sin + wz * along;
        }
        else
        {
            // ADBench's first-order rotation at r = 0: X + r × X.
            cx = x + (r1 * z - r2 * y);
            cy = y + (r2 * x - r0 * z);
            cz = z + (r0 * y - r1 * x);
        }

        double u = cx / cz;
        double v = cy / cz;
        double squaredRadius = u * u + v * v;
        double distortion = 1 + camera[9] * squaredRadius + camera[10] * squaredRadius * squaredRadius;
        r[0] = weight * (camera[6] * distortion * u + camera[7] - feature[0]);
        r[1] = weight * (camera[6] * distortion * v + camera[8] - feature[1]);
    }

    /// <summary>The weight residual 1 − w².</summary>
    [Differentiable]
    public static double WeightResidual(double weight) => 1 - weight * weight;
}
