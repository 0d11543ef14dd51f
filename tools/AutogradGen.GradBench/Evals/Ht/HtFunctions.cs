namespace AutogradGen.GradBench.Evals.Ht;

/// <summary>
/// GradBench's ht eval: hand tracking, the distance of observed points from a skinned hand model
/// (<c>cpp/gradbench/evals/ht.hpp</c>). Matrices are flat and row-major (m[r·4 + c]); the pose parameters are
/// 3 × (bones + 3), kept column by column (pose[col·3 + row]) as the reference keeps them.
/// </summary>
public static partial class HtFunctions
{
    /// <summary>
    /// One residual, coordinate <paramref name="coordinate"/> of target − (u₀·v_a + u₁·v_b + (1 − u₀ − u₁)·v_c), for the
    /// posed, skinned and globally transformed vertices a, b, c of the model (the simple variant passes one vertex
    /// three times with u = (1, 0)). A [Differentiable] method returns one number, so every residual poses the bones
    /// again; the Jacobian's rows are one generated gradient each.
    /// </summary>
    [Differentiable(nameof(theta), nameof(u0), nameof(u1))]
    public static double Residual(
        ReadOnlySpan<double> theta, double u0, double u1, ReadOnlySpan<double> parents, ReadOnlySpan<double> baseRelatives,
        ReadOnlySpan<double> inverseBaseAbsolutes, ReadOnlySpan<double> basePositions, ReadOnlySpan<double> weights,
        int bones, bool mirrored, int vertexA, int vertexB, int vertexC, double target, int coordinate)
    {
        // theta → pose parameters: global rotation, scale 1, translation, then each finger's joints.
        int columns = bones + 3;
        var pose = new double[3 * columns];
        for (int r = 0; r < 3; r++)
        {
            pose[r] = theta[r];
            pose[3 + r] = 1;
            pose[6 + r] = theta[3 + r];
        }

        int thetaIndex = 6;
        int poseColumn = 5;
        for (int finger = 0; finger < 5; finger++)
        {
            for (int joint = 2; joint <= 4; joint++)
            {
                pose[poseColumn * 3] = theta[thetaIndex];
                thetaIndex++;
                if (joint == 2)
                {
                    pose[poseColumn * 3 + 1] = theta[thetaIndex];
                    thetaIndex++;
                }

                poseColumn++;
            }

            poseColumn++;
        }

        // Each bone: its Euler rotation (angles x, z, y) after its base relative, chained to its parent's absolute,
        // then the inverse base absolute.
        var absolutes = new double[bones * 16];
        var transforms = new double[bones * 16];
        var rotation = new double[9];
        var relative = new double[16];
        for (int bone = 0; bone < bones; bone++)
        {
            int column = (bone + 3) * 3;
            double cx = Math.Cos(pose[column]);
            double sx = Math.Sin(pose[column]);
            double cz = Math.Cos(pose[column + 1]);
            double sz = Math.Sin(pose[column + 1]);
            double cy = Math.Cos(pose[column + 2]);
            double sy = Math.Sin(pose[column + 2]);
            // Rz·Ry·Rx.
            rotation[0] = cz * cy;
            rotation[1] = -sz * cx + cz * sy * sx;
            rotation[2] = sz * sx + cz * sy * cx;
            rotation[3] = sz * cy;
            rotation[4] = cz * cx + sz * sy * sx;
            rotation[5] = -cz * sx + sz * sy * cx;
            rotation[6] = -sy;
            rotation[7] = cy * sx;
            rotation[8] = cy * cx;

            for (int i = 0; i < 4; i++)
            {
                for (int k = 0; k < 3; k++)
                {
                    double sum = 0;
                    for (int j = 0; j < 3; j++) sum += baseRelatives[bone * 16 + i * 4 + j] * rotation[j * 3 + k];
                    relative[i * 4 + k] = sum;
                }

                relative[i * 4 + 3] = baseRelatives[bone * 16 + i * 4 + 3];
            }

            int parent = (int)parents[bone];
            for (int i = 0; i < 4; i++)
            {
                for (int k = 0; k < 4; k++)
                {
                    double sum = 0;
                    if (parent < 0) sum = relative[i * 4 + k];
                    else
                    {
                        for (int j = 0; j < 4; j++) sum += absolutes[parent * 16 + i * 4 + j] * relative[j * 4 + k];
                    }

                    absolutes[bone * 16 + i * 4 + k] = sum;
                }
            }

            for (int i = 0; i < 4; i++)
            {
                for (int k = 0; k < 4; k++)
                {
                    double sum = 0;
                    for (int j = 0; j < 4; j++) sum += absolutes[bone * 16 + i * 4 + j] * inverseBaseAbsolutes[bone * 16 + j * 4 + k];
                    transforms[bone * 16 + i * 4 + k] = sum;
                }
            }
        }

        double a = SkinnedCoordinate(transforms, pose, basePositions, weights, bones, mirrored, vertexA, coordinate);
        double b = SkinnedCoordinate(transforms, pose, basePositions, weights, bones, mirrored, vertexB, coordinate);
        double c = SkinnedCoordinate(transforms, pose, basePositions, weights, bones, mirrored, vertexC, coordinate);
        return target - (u0 * a + u1 * b + (1 - u0 - u1) * c);
    }

    /// <summary>
    /// Coordinate <paramref name="coordinate"/> of a vertex skinned by the bone transforms (its weighted sum over
    /// bones), mirrored if the model is, then rotated by the pose's angle-axis, scaled and translated.
    /// </summary>
    [Differentiable(nameof(transforms), nameof(pose))]
    public static double SkinnedCoordinate(
        ReadOnlySpan<double> transforms, ReadOnlySpan<double> pose, ReadOnlySpan<double> basePositions,
        ReadOnlySpan<double> weights, int bones, bool mirrored, int vertex, int coordinate)
    {
        var position = new double[3];
        for (int bone = 0; bone < bones; bone++)
        {
            double weight = weights[vertex * bones + bone];
            for (int i = 0; i < 3; i++)
            {
                double sum = 0;
                for (int j = 0; j < 4; j++) sum += transforms[bone * 16 + i * 4 + j] * basePositions[vertex * 4 + j];
                position[i] += sum * weight;
            }
        }

        if (mirrored) position[0] = -position[0];

        // The global rotation: angle-axis pose[0..3] (identity below an angle of 1e-4), its columns scaled by pose[3..6].
        double norm = Math.Sqrt(pose[0] * pose[0] + pose[1] * pose[1] + pose[2] * pose[2]);
        double result = pose[6 + coordinate];
        if (norm < 0.0001)
        {
            result += position[coordinate] * pose[3 + coordinate];
        }
        else
        {
            double x = pose[0] / norm;
            double y = pose[1] / norm;
            double z = pose[2] / norm;
            double s = Math.Sin(norm);
            double c = Math.Cos(norm);
            double r0;
            double r1;
            double r2;
            if (coordinate == 0)
            {
                r0 = x * x + (1 - x * x) * c;
                r1 = x * y * (1 - c) - z * s;
                r2 = x * z * (1 - c) + y * s;
            }
            else if (coordinate == 1)
            {
                r0 = x * y * (1 - c) + z * s;
                r1 = y * y + (1 - y * y) * c;
                r2 = y * z * (1 - c) - x * s;
            }
            else
            {
                r0 = x * z * (1 - c) - y * s;
                r1 = z * y * (1 - c) + x * s;
                r2 = z * z + (1 - z * z) * c;
            }

            result += r0 * pose[3] * position[0] + r1 * pose[4] * position[1] + r2 * pose[5] * position[2];
        }

        return result;
    }
}
