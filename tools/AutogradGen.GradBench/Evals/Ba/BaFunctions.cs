namespace AutogradGen.GradBench.Evals.Ba;

/// <summary>GradBench's ba eval: bundle adjustment's residuals (<c>cpp/gradbench/evals/ba.hpp</c>).</summary>
public static partial class BaFunctions
{
    /// <summary>
    /// One coordinate (0: x, 1: y) of the weighted reprojection error of <paramref name="point"/> (3) seen by
    /// <paramref name="camera"/> (11: Rodrigues rotation r, centre C, focal length f, principal point u₀ v₀, radial
    /// distortion k₁ k₂) against the observed feature. A [Differentiable] method returns one number, so the
    /// residual pair is two calls: the Jacobian's two rows of an observation are two generated gradients.
    /// </summary>
    [Differentiable(nameof(camera), nameof(point), nameof(weight))]
    public static double ReprojectionError(
        ReadOnlySpan<double> camera, ReadOnlySpan<double> point, double weight, double featureX, double featureY, int coordinate)
    {
        double x0 = point[0] - camera[3];
        double x1 = point[1] - camera[4];
        double x2 = point[2] - camera[5];

        // Rodrigues' rotation of the centred point by r = camera[0..3].
        double r0 = camera[0];
        double r1 = camera[1];
        double r2 = camera[2];
        double squaredAngle = r0 * r0 + r1 * r1 + r2 * r2;
        double c0;
        double c1;
        double c2;
        if (squaredAngle != 0)
        {
            double angle = Math.Sqrt(squaredAngle);
            double cos = Math.Cos(angle);
            double sin = Math.Sin(angle);
            double w0 = r0 / angle;
            double w1 = r1 / angle;
            double w2 = r2 / angle;
            double along = (w0 * x0 + w1 * x1 + w2 * x2) * (1 - cos);
            c0 = x0 * cos + (w1 * x2 - w2 * x1) * sin + w0 * along;
            c1 = x1 * cos + (w2 * x0 - w0 * x2) * sin + w1 * along;
            c2 = x2 * cos + (w0 * x1 - w1 * x0) * sin + w2 * along;
        }
        else
        {
            c0 = x0 + (r1 * x2 - r2 * x1);
            c1 = x1 + (r2 * x0 - r0 * x2);
            c2 = x2 + (r0 * x1 - r1 * x0);
        }

        // Perspective division, radial distortion, then focal length and principal point.
        double p0 = c0 / c2;
        double p1 = c1 / c2;
        double squaredRadius = p0 * p0 + p1 * p1;
        double distortion = 1 + camera[9] * squaredRadius + camera[10] * squaredRadius * squaredRadius;
        double projected = coordinate == 0
            ? p0 * distortion * camera[6] + camera[7]
            : p1 * distortion * camera[6] + camera[8];
        double feature = coordinate == 0 ? featureX : featureY;
        return weight * (projected - feature);
    }

    /// <summary>The weight's error 1 − w².</summary>
    [Differentiable]
    public static double WeightError(double weight) => 1 - weight * weight;
}
