namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// ADBench's bundle adjustment as one vector-valued method over the whole problem (every observation's two reprojection
/// residuals, then every weight residual 1 − w²): its dense generated Jacobian is what the sparse assembly of per-block
/// Jacobians (<c>VectorFunctions.ReprojectionResidual</c> per observation) must reproduce. The projection is
/// written out again here, independently of the block method.
/// </summary>
public static partial class BundleAdjustmentFunctions
{
    [Differentiable(nameof(cameras), nameof(points), nameof(weights))]
    public static void Residuals(
        ReadOnlySpan<double> cameras, ReadOnlySpan<double> points, ReadOnlySpan<double> weights, ReadOnlySpan<double> features,
        int[] cameraOf, int[] pointOf, Span<double> r)
    {
        var p = weights.Length;
        for (var i = 0; i < p; i++)
        {
            var c = 11 * cameraOf[i];
            var q = 3 * pointOf[i];
            var x = points[q] - cameras[c + 3];
            var y = points[q + 1] - cameras[c + 4];
            var z = points[q + 2] - cameras[c + 5];
            var theta = Math.Sqrt(cameras[c] * cameras[c] + cameras[c + 1] * cameras[c + 1] + cameras[c + 2] * cameras[c + 2]);
            var cosTheta = Math.Cos(theta);
            var sinTheta = Math.Sin(theta);
            var wx = cameras[c] / theta;
            var wy = cameras[c + 1] / theta;
            var wz = cameras[c + 2] / theta;
            var along = (wx * x + wy * y + wz * z) * (1 - cosTheta);
            var rx = x * cosTheta + (wy * z - wz * y) * sinTheta + wx * along;
            var ry = y * cosTheta + (wz * x - wx * z) * sinTheta + wy * along;
            var rz = z * cosTheta + (wx * y - wy * x) * sinTheta + wz * along;
            var u = rx / rz;
            var v = ry / rz;
            var squared = u * u + v * v;
            var distortion = 1 + cameras[c + 9] * squared + cameras[c + 10] * squared * squared;
            r[2 * i] = weights[i] * (cameras[c + 6] * distortion * u + cameras[c + 7] - features[2 * i]);
            r[2 * i + 1] = weights[i] * (cameras[c + 6] * distortion * v + cameras[c + 8] - features[2 * i + 1]);
        }

        for (var i = 0; i < p; i++)
        {
            r[2 * p + i] = 1 - weights[i] * weights[i];
        }
    }

    [Differentiable]
    public static double WeightResidual(double w) => 1 - w * w;
}
