namespace AutogradGen.Workloads;

/// <summary>
/// ADBench's and GradBench's hand tracking: every residual of the skinned hand model against the observed points, from
/// one posing of the bones, as a vector-valued [Differentiable] method (written once: linked into the GradBench tool and
/// the benchmark project, each running the generator on it). Its Jacobian is the generated <c>ResidualsJacobian</c>.
/// Matrices are flat and row-major (m[r·4 + c]); the pose parameters are 3 × (bones + 3), kept column by column
/// (pose[col·3 + row]) as the reference keeps them. Index data (parents, correspondences, triangles) are doubles
/// holding integers, as the data files do.
/// </summary>
public static partial class HandResiduals
{
    /// <summary>The bones of the ADBench hand model, and the size of the scratch arrays below.</summary>
    public const int Bones = 22;

    /// <summary>
    /// r[3i + k] = target_i,k − (u₀·v_a + u₁·v_b + (1 − u₀ − u₁)·v_c)_k for correspondence i: the posed, skinned and
    /// globally transformed vertices a, b, c of its triangle and its barycentric weights (<paramref name="complicated"/>),
    /// or its one vertex with u = (1, 0) (the simple variant).
    /// </summary>
    /// <remarks>
    /// <paramref name="u0Shift"/> and <paramref name="u1Shift"/> move every correspondence's (u₀, u₁) at once; callers
    /// pass 0. Residual i depends on its own u only, so the Jacobian's columns for the two shifts are ∂r/∂u₀ and ∂r/∂u₁
    /// of every row (a compressed Jacobian: one column per shift instead of one per correspondence), and the generated
    /// Jacobian's columns are exactly GradBench's: u₀, u₁, then θ.
    /// </remarks>
    [Differentiable(nameof(u0Shift), nameof(u1Shift), nameof(theta))]
    public static void Residuals(
        double u0Shift, double u1Shift, ReadOnlySpan<double> theta, ReadOnlySpan<double> us, ReadOnlySpan<double> parents,
        ReadOnlySpan<double> baseRelatives, ReadOnlySpan<double> inverseBaseAbsolutes, ReadOnlySpan<double> basePositions,
        ReadOnlySpan<double> weights, ReadOnlySpan<double> correspondences, ReadOnlySpan<double> triangles,
        ReadOnlySpan<double> targets, bool mirrored, bool complicated, Span<double> r)
    {
        // theta → pose parameters: global rotation, scale 1, translation, then each finger's joints.
        Span<double> pose = stackalloc double[3 * (Bones + 3)];
        for (int row = 0; row < 3; row++)
        {
            pose[row] = theta[row];
            pose[3 + row] = 1;
            pose[6 + row] = theta[3 + row];
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
        Span<double> absolutes = stackalloc double[Bones * 16];
        Span<double> transforms = stackalloc double[Bones * 16];
        Span<double> rotation = stackalloc double[9];
        Span<double> relative = stackalloc double[16];
        for (int bone = 0; bone < Bones; bone++)
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

        // The global rotation: angle-axis pose[0..3] (identity below an angle of 1e-4), its columns scaled by pose[3..6].
        Span<double> global = stackalloc double[9];
        double norm = Math.Sqrt(pose[0] * pose[0] + pose[1] * pose[1] + pose[2] * pose[2]);
        if (norm < 0.0001)
        {
            for (int i = 0; i < 3; i++)
            {
                for (int k = 0; k < 3; k++) global[i * 3 + k] = i == k ? pose[3 + k] : 0;
            }
        }
        else
        {
            double x = pose[0] / norm;
            double y = pose[1] / norm;
            double z = pose[2] / norm;
            double s = Math.Sin(norm);
            double c = Math.Cos(norm);
            global[0] = (x * x + (1 - x * x) * c) * pose[3];
            global[1] = (x * y * (1 - c) - z * s) * pose[4];
            global[2] = (x * z * (1 - c) + y * s) * pose[5];
            global[3] = (x * y * (1 - c) + z * s) * pose[3];
            global[4] = (y * y + (1 - y * y) * c) * pose[4];
            global[5] = (y * z * (1 - c) - x * s) * pose[5];
            global[6] = (x * z * (1 - c) - y * s) * pose[3];
            global[7] = (z * y * (1 - c) + x * s) * pose[4];
            global[8] = (z * z + (1 - z * z) * c) * pose[5];
        }

        // Each correspondence: its vertices skinned (a weighted sum over bones), mirrored if the model is, rotated,
        // scaled and translated, then blended by u.
        Span<double> position = stackalloc double[3];
        Span<double> blended = stackalloc double[3];
        int points = correspondences.Length;
        for (int point = 0; point < points; point++)
        {
            int correspondence = (int)correspondences[point];
            double u0 = 1 + u0Shift;
            double u1 = u1Shift;
            if (complicated)
            {
                u0 = us[2 * point] + u0Shift;
                u1 = us[2 * point + 1] + u1Shift;
            }

            for (int k = 0; k < 3; k++) blended[k] = 0;
            for (int corner = 0; corner < 3; corner++)
            {
                int vertex = correspondence;
                double share = corner == 0 ? u0 : corner == 1 ? u1 : 1 - u0 - u1;
                if (complicated) vertex = (int)triangles[3 * correspondence + corner];
                for (int k = 0; k < 3; k++) position[k] = 0;
                for (int bone = 0; bone < Bones; bone++)
                {
                    double weight = weights[vertex * Bones + bone];
                    if (weight != 0)
                    {
                        for (int i = 0; i < 3; i++)
                        {
                            double sum = 0;
                            for (int j = 0; j < 4; j++) sum += transforms[bone * 16 + i * 4 + j] * basePositions[vertex * 4 + j];
                            position[i] += sum * weight;
                        }
                    }
                }

                if (mirrored) position[0] = -position[0];
                for (int i = 0; i < 3; i++)
                {
                    double world = pose[6 + i];
                    for (int j = 0; j < 3; j++) world += global[i * 3 + j] * position[j];
                    blended[i] += share * world;
                }
            }

            for (int i = 0; i < 3; i++) r[3 * point + i] = targets[3 * point + i] - blended[i];
        }
    }
}
