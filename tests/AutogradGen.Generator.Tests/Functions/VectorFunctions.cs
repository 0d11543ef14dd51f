namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Vector-valued methods: each returns void and writes its results into its one Span parameter, so the generator
/// emits {Name}Jvp, {Name}Vjp and {Name}Jacobian. Most take one input span x (the corpus test drives them alike);
/// the last ones mix scalars, several spans and data that is not differentiated.
/// </summary>
public static partial class VectorFunctions
{
    [Differentiable]
    public static void CartesianToPolar(ReadOnlySpan<double> p, Span<double> r)
    {
        r[0] = Math.Sqrt(p[0] * p[0] + p[1] * p[1]);
        r[1] = Math.Atan2(p[1], p[0]);
    }

    [Differentiable]
    public static void PolarToCartesian(ReadOnlySpan<double> p, Span<double> r)
    {
        r[0] = p[0] * Math.Cos(p[1]);
        r[1] = p[0] * Math.Sin(p[1]);
    }

    [Differentiable]
    public static void SphericalToCartesian(ReadOnlySpan<double> s, Span<double> r)
    {
        var sinTheta = Math.Sin(s[1]);
        r[0] = s[0] * sinTheta * Math.Cos(s[2]);
        r[1] = s[0] * sinTheta * Math.Sin(s[2]);
        r[2] = s[0] * Math.Cos(s[1]);
    }

    /// <summary>Rodrigues' rotation of the point x[3..6] by the axis-angle x[0..3], as bundle adjustment rotates.</summary>
    [Differentiable]
    public static void AxisAngleRotation(ReadOnlySpan<double> x, Span<double> r)
    {
        var theta = Math.Sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
        var kx = x[0] / theta;
        var ky = x[1] / theta;
        var kz = x[2] / theta;
        var c = Math.Cos(theta);
        var s = Math.Sin(theta);
        var dot = kx * x[3] + ky * x[4] + kz * x[5];
        r[0] = x[3] * c + (ky * x[5] - kz * x[4]) * s + kx * dot * (1 - c);
        r[1] = x[4] * c + (kz * x[3] - kx * x[5]) * s + ky * dot * (1 - c);
        r[2] = x[5] * c + (kx * x[4] - ky * x[3]) * s + kz * dot * (1 - c);
    }

    /// <summary>Reads back and overwrites its results (r[i] /= sum): the Vjp must still hand back the softmax.</summary>
    [Differentiable]
    public static void Softmax(ReadOnlySpan<double> x, Span<double> r)
    {
        var max = x[0];
        for (var i = 1; i < x.Length; i++)
        {
            max = Math.Max(max, x[i]);
        }

        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            r[i] = Math.Exp(x[i] - Differentiation.WithoutDerivative(max));
            sum += r[i];
        }

        for (var i = 0; i < x.Length; i++)
        {
            r[i] /= sum;
        }
    }

    [Differentiable]
    public static void LogSoftmax(ReadOnlySpan<double> x, Span<double> r)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += Math.Exp(x[i]);
        }

        var logSum = Math.Log(sum);
        for (var i = 0; i < x.Length; i++)
        {
            r[i] = x[i] - logSum;
        }
    }

    /// <summary>Extended Rosenbrock as residuals (more results than inputs: the Jacobian takes the forward path).</summary>
    [Differentiable]
    public static void RosenbrockResiduals(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 0; i + 1 < x.Length; i++)
        {
            r[2 * i] = 10 * (x[i + 1] - x[i] * x[i]);
            r[2 * i + 1] = 1 - x[i];
        }
    }

    /// <summary>One explicit Euler step of Lotka–Volterra with rates x[2..6] (state x[0..2]).</summary>
    [Differentiable]
    public static void LotkaVolterraEulerStep(ReadOnlySpan<double> x, Span<double> r)
    {
        var dt = 0.1;
        r[0] = x[0] + dt * (x[2] * x[0] - x[3] * x[0] * x[1]);
        r[1] = x[1] + dt * (x[4] * x[0] * x[1] - x[5] * x[1]);
    }

    /// <summary>Ten RK4 steps of a pendulum (angle, velocity), through a local state array.</summary>
    [Differentiable]
    public static void PendulumRk4(ReadOnlySpan<double> x, Span<double> r)
    {
        var h = 0.05;
        var angle = x[0];
        var velocity = x[1];
        for (var step = 0; step < 10; step++)
        {
            var k1a = velocity;
            var k1v = -Math.Sin(angle);
            var k2a = velocity + 0.5 * h * k1v;
            var k2v = -Math.Sin(angle + 0.5 * h * k1a);
            var k3a = velocity + 0.5 * h * k2v;
            var k3v = -Math.Sin(angle + 0.5 * h * k2a);
            var k4a = velocity + h * k3v;
            var k4v = -Math.Sin(angle + h * k3a);
            angle += h / 6 * (k1a + 2 * k2a + 2 * k3a + k4a);
            velocity += h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
        }

        r[0] = angle;
        r[1] = velocity;
    }

    /// <summary>The gradient (A + Aᵀ)x of the quadratic form xᵀAx, A the Hilbert-like aᵢⱼ = 1/(i + 2j + 1): the Jacobian is A + Aᵀ.</summary>
    [Differentiable]
    public static void QuadraticFormGradient(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var s = 0.0;
            for (var j = 0; j < x.Length; j++)
            {
                s += (1.0 / (i + 2 * j + 1) + 1.0 / (j + 2 * i + 1)) * x[j];
            }

            r[i] = s;
        }
    }

    [Differentiable]
    public static void Normalize(ReadOnlySpan<double> x, Span<double> r)
    {
        var norm = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            norm += x[i] * x[i];
        }

        norm = Math.Sqrt(norm);
        for (var i = 0; i < x.Length; i++)
        {
            r[i] = x[i] / norm;
        }
    }

    /// <summary>The cross product of x[0..3] and x[3..6].</summary>
    [Differentiable]
    public static void CrossProduct(ReadOnlySpan<double> x, Span<double> r)
    {
        r[0] = x[1] * x[5] - x[2] * x[4];
        r[1] = x[2] * x[3] - x[0] * x[5];
        r[2] = x[0] * x[4] - x[1] * x[3];
    }

    /// <summary>Branches per element and an early return.</summary>
    [Differentiable]
    public static void PiecewiseElements(ReadOnlySpan<double> x, Span<double> r)
    {
        if (x.Length == 0)
        {
            return;
        }

        for (var i = 0; i < x.Length; i++)
        {
            r[i] = x[i] > 0 ? x[i] * x[i] : Math.Sin(x[i]);
        }
    }

    /// <summary>Each result reads the one before it.</summary>
    [Differentiable]
    public static void CumulativeProduct(ReadOnlySpan<double> x, Span<double> r)
    {
        r[0] = x[0];
        for (var i = 1; i < x.Length; i++)
        {
            r[i] = r[i - 1] * x[i];
        }
    }

    /// <summary>Every result written twice, the second time from the first value (restored by the reverse sweep).</summary>
    [Differentiable]
    public static void OverwrittenResults(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 0; i < x.Length; i++)
        {
            r[i] = Math.Exp(x[i]);
            r[i] = r[i] * r[i] + x[(i + 1) % x.Length];
        }
    }

    /// <summary>A planar arm of unit links: the end effector from the joint angles.</summary>
    [Differentiable]
    public static void PlanarArmEndEffector(ReadOnlySpan<double> angles, Span<double> r)
    {
        var total = 0.0;
        r[0] = 0;
        r[1] = 0;
        for (var i = 0; i < angles.Length; i++)
        {
            total += angles[i];
            r[0] += Math.Cos(total);
            r[1] += Math.Sin(total);
        }
    }

    /// <summary>tanh(W·v + b) of a 2×3 layer, W, v and b in one input span (more inputs than results: reverse path).</summary>
    [Differentiable]
    public static void DenseTanhLayer(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 0; i < 2; i++)
        {
            var z = x[9 + i];
            for (var j = 0; j < 3; j++)
            {
                z += x[3 * i + j] * x[6 + j];
            }

            r[i] = Math.Tanh(z);
        }
    }

    /// <summary>A local stackalloc buffer between the inputs and the results.</summary>
    [Differentiable]
    public static void MovingAverageOfSquares(ReadOnlySpan<double> x, Span<double> r)
    {
        Span<double> squares = stackalloc double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            squares[i] = x[i] * x[i];
        }

        for (var i = 0; i + 1 < x.Length; i++)
        {
            r[i] = 0.5 * (squares[i] + squares[i + 1]);
        }
    }

    // Mixed parameters: scalars, several spans, data that is not differentiated.

    [Differentiable]
    public static void PolarToCartesianScalars(double radius, double angle, Span<double> r)
    {
        r[0] = radius * Math.Cos(angle);
        r[1] = radius * Math.Sin(angle);
    }

    /// <summary>Rotates every point of p (x, y pairs) by one angle: a scalar input before a span input.</summary>
    [Differentiable]
    public static void RotatePoints(double angle, ReadOnlySpan<double> p, Span<double> r)
    {
        var c = Math.Cos(angle);
        var s = Math.Sin(angle);
        for (var i = 0; i + 1 < p.Length; i += 2)
        {
            r[i] = c * p[i] - s * p[i + 1];
            r[i + 1] = s * p[i] + c * p[i + 1];
        }
    }

    /// <summary>Residuals of y ≈ a·exp(−b·t) + c at the data (t, y), differentiated with respect to the parameters only.</summary>
    [Differentiable(nameof(parameters))]
    public static void ExponentialFitResiduals(ReadOnlySpan<double> parameters, ReadOnlySpan<double> t, ReadOnlySpan<double> y, Span<double> r)
    {
        for (var k = 0; k < t.Length; k++)
        {
            r[k] = parameters[0] * Math.Exp(-parameters[1] * t[k]) + parameters[2] - y[k];
        }
    }

    /// <summary>
    /// ADBench's bundle-adjustment reprojection residual: camera (rotation 3, centre 3, focal 1, principal point 2,
    /// radial distortion 2), point 3, weight 1, the observed feature 2 (data).
    /// </summary>
    [Differentiable(nameof(camera), nameof(point), nameof(weight))]
    public static void ReprojectionResidual(ReadOnlySpan<double> camera, ReadOnlySpan<double> point, double weight, ReadOnlySpan<double> feature, Span<double> r)
    {
        var px = point[0] - camera[3];
        var py = point[1] - camera[4];
        var pz = point[2] - camera[5];
        var theta = Math.Sqrt(camera[0] * camera[0] + camera[1] * camera[1] + camera[2] * camera[2]);
        var kx = camera[0] / theta;
        var ky = camera[1] / theta;
        var kz = camera[2] / theta;
        var c = Math.Cos(theta);
        var s = Math.Sin(theta);
        var dot = kx * px + ky * py + kz * pz;
        var rx = px * c + (ky * pz - kz * py) * s + kx * dot * (1 - c);
        var ry = py * c + (kz * px - kx * pz) * s + ky * dot * (1 - c);
        var rz = pz * c + (kx * py - ky * px) * s + kz * dot * (1 - c);
        var ux = rx / rz;
        var uy = ry / rz;
        var radius2 = ux * ux + uy * uy;
        var distortion = 1 + camera[9] * radius2 + camera[10] * radius2 * radius2;
        r[0] = weight * (camera[6] * distortion * ux + camera[7] - feature[0]);
        r[1] = weight * (camera[6] * distortion * uy + camera[8] - feature[1]);
    }

    // More of the corpus: rotations, hand-tracking and camera projections, ODE steps, quadratic forms.

    /// <summary>The unit quaternion x[0..4] (normalised here) rotating the point x[4..7].</summary>
    [Differentiable]
    public static void QuaternionRotation(ReadOnlySpan<double> x, Span<double> r)
    {
        var norm = Math.Sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3]);
        var w = x[0] / norm;
        var i = x[1] / norm;
        var j = x[2] / norm;
        var k = x[3] / norm;
        // t = 2 q × p, p' = p + w t + q × t
        var tx = 2 * (j * x[6] - k * x[5]);
        var ty = 2 * (k * x[4] - i * x[6]);
        var tz = 2 * (i * x[5] - j * x[4]);
        r[0] = x[4] + w * tx + (j * tz - k * ty);
        r[1] = x[5] + w * ty + (k * tx - i * tz);
        r[2] = x[6] + w * tz + (i * ty - j * tx);
    }

    /// <summary>The rotation matrix of ZYX Euler angles (yaw, pitch, roll), row-major: nine results from three inputs.</summary>
    [Differentiable]
    public static void EulerAnglesToMatrix(ReadOnlySpan<double> x, Span<double> r)
    {
        var cy = Math.Cos(x[0]);
        var sy = Math.Sin(x[0]);
        var cp = Math.Cos(x[1]);
        var sp = Math.Sin(x[1]);
        var cr = Math.Cos(x[2]);
        var sr = Math.Sin(x[2]);
        r[0] = cy * cp;
        r[1] = cy * sp * sr - sy * cr;
        r[2] = cy * sp * cr + sy * sr;
        r[3] = sy * cp;
        r[4] = sy * sp * sr + cy * cr;
        r[5] = sy * sp * cr - cy * sr;
        r[6] = -sp;
        r[7] = cp * sr;
        r[8] = cp * cr;
    }

    /// <summary>
    /// Hand tracking's linear blend skinning of one vertex by a chain of two bones bending about z (angles x[0], x[1]),
    /// weights 0.3/0.7, then a pinhole projection with focal x[2]: the shape of ADBench's hand objective per point.
    /// </summary>
    [Differentiable]
    public static void SkinnedVertexProjection(ReadOnlySpan<double> x, Span<double> r)
    {
        var c1 = Math.Cos(x[0]);
        var s1 = Math.Sin(x[0]);
        var c12 = Math.Cos(x[0] + x[1]);
        var s12 = Math.Sin(x[0] + x[1]);
        // Rest position (1.5, 0.2, 4) relative to each bone; bone 2 sits at the end of bone 1 (length 1).
        var b1x = c1 * 1.5 - s1 * 0.2;
        var b1y = s1 * 1.5 + c1 * 0.2;
        var b2x = c1 + c12 * 0.5 - s12 * 0.2;
        var b2y = s1 + s12 * 0.5 + c12 * 0.2;
        var px = 0.3 * b1x + 0.7 * b2x;
        var py = 0.3 * b1y + 0.7 * b2y;
        var pz = 4.0;
        r[0] = x[2] * px / pz;
        r[1] = x[2] * py / pz;
    }

    /// <summary>A pinhole camera: the point x[0..3] seen with focal length x[3] and principal point x[4..6].</summary>
    [Differentiable]
    public static void PinholeProjection(ReadOnlySpan<double> x, Span<double> r)
    {
        r[0] = x[3] * x[0] / x[2] + x[4];
        r[1] = x[3] * x[1] / x[2] + x[5];
    }

    /// <summary>A rigid 2-D transform: rotate the point x[0..2] by x[2] and translate by x[3..5].</summary>
    [Differentiable]
    public static void RigidTransform2D(ReadOnlySpan<double> x, Span<double> r)
    {
        var c = Math.Cos(x[2]);
        var s = Math.Sin(x[2]);
        r[0] = c * x[0] - s * x[1] + x[3];
        r[1] = s * x[0] + c * x[1] + x[4];
    }

    /// <summary>Twenty RK4 steps of the Van der Pol oscillator (x, v, μ): an ODE solve whose Jacobian is the sensitivity.</summary>
    [Differentiable]
    public static void VanDerPolRk4(ReadOnlySpan<double> x, Span<double> r)
    {
        var h = 0.05;
        var p = x[0];
        var v = x[1];
        var mu = x[2];
        for (var step = 0; step < 20; step++)
        {
            var k1p = v;
            var k1v = mu * (1 - p * p) * v - p;
            var p2 = p + 0.5 * h * k1p;
            var v2 = v + 0.5 * h * k1v;
            var k2p = v2;
            var k2v = mu * (1 - p2 * p2) * v2 - p2;
            var p3 = p + 0.5 * h * k2p;
            var v3 = v + 0.5 * h * k2v;
            var k3p = v3;
            var k3v = mu * (1 - p3 * p3) * v3 - p3;
            var p4 = p + h * k3p;
            var v4 = v + h * k3v;
            var k4p = v4;
            var k4v = mu * (1 - p4 * p4) * v4 - p4;
            p += h / 6 * (k1p + 2 * k2p + 2 * k3p + k4p);
            v += h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
        }

        r[0] = p;
        r[1] = v;
    }

    /// <summary>Ten explicit Euler steps of the Lorenz system, state x[0..3] and parameters (σ, ρ, β) x[3..6].</summary>
    [Differentiable]
    public static void LorenzEuler(ReadOnlySpan<double> x, Span<double> r)
    {
        var dt = 0.01;
        var a = x[0];
        var b = x[1];
        var c = x[2];
        for (var step = 0; step < 10; step++)
        {
            var da = x[3] * (b - a);
            var db = a * (x[4] - c) - b;
            var dc = a * b - x[5] * c;
            a += dt * da;
            b += dt * db;
            c += dt * dc;
        }

        r[0] = a;
        r[1] = b;
        r[2] = c;
    }

    /// <summary>The product A·v, A the 2×3 matrix x[0..6] row-major and v = x[6..9]: bilinear, so J holds both.</summary>
    [Differentiable]
    public static void MatrixVectorProduct(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 0; i < 2; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < 3; j++)
            {
                sum += x[3 * i + j] * x[6 + j];
            }

            r[i] = sum;
        }
    }

    /// <summary>Log-sum-exp and the mean, two reductions of the same inputs.</summary>
    [Differentiable]
    public static void LogSumExpAndMean(ReadOnlySpan<double> x, Span<double> r)
    {
        var sum = 0.0;
        var mean = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += Math.Exp(x[i]);
            mean += x[i];
        }

        r[0] = Math.Log(sum);
        r[1] = mean / x.Length;
    }

    [Differentiable]
    public static void PolarToCartesianFloat(ReadOnlySpan<float> p, Span<float> r)
    {
        r[0] = p[0] * MathF.Cos(p[1]);
        r[1] = p[0] * MathF.Sin(p[1]);
    }
}
