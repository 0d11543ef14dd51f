using System.Numerics;

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>A planar point with settable fields: rebuilt through an object initialiser.</summary>
public struct Point2
{
    public double X;
    public double Y;
}

/// <summary>A point in space as a positional record struct (this file compiles on its own: the robustness tests split it).</summary>
public readonly record struct Point3(double X, double Y, double Z);

/// <summary>A frame: nested structs, flattened depth first (Origin.X, Origin.Y, Origin.Z, Axis.X, ...).</summary>
public readonly record struct Frame(Point3 Origin, Point3 Axis);

/// <summary>
/// Methods returning several numbers at once, as a tuple or a struct of doubles (or floats): each is vector-valued,
/// with Jvp, Vjp and Jacobian over a results span (one element per field, in order) and overloads that take and return
/// the tuple or struct. The last ones are scalar methods that call them and use one component.
/// </summary>
public static partial class StructResultFunctions
{
    [Differentiable]
    public static (double, double) PolarToCartesian(double radius, double angle)
    {
        var c = Math.Cos(angle);
        return (radius * c, radius * Math.Sin(angle));
    }

    /// <summary>Named elements, an early return, a tuple local returned whole.</summary>
    [Differentiable]
    public static (double Radius, double Angle) CartesianToPolar(double x, double y)
    {
        if (x == 0 && y == 0)
        {
            return (0, 0);
        }

        var polar = (Radius: Math.Sqrt(x * x + y * y), Angle: Math.Atan2(y, x));
        return polar;
    }

    [Differentiable]
    public static Point3 SphericalToCartesian(double r, double theta, double phi)
    {
        var sinTheta = Math.Sin(theta);
        return new Point3(r * sinTheta * Math.Cos(phi), r * sinTheta * Math.Sin(phi), r * Math.Cos(theta));
    }

    /// <summary>A struct parameter and a struct result: Jvp and Vjp with struct tangents and adjoints (no Jacobian).</summary>
    [Differentiable]
    public static Point3 RotateAboutZ(Point3 p, double angle)
    {
        var c = Math.Cos(angle);
        var s = Math.Sin(angle);
        return new Point3(c * p.X - s * p.Y, s * p.X + c * p.Y, p.Z);
    }

    /// <summary>One Lotka–Volterra Euler step from spans: the result is (prey, predator).</summary>
    [Differentiable]
    public static (double Prey, double Predator) LotkaVolterraStep(ReadOnlySpan<double> state, ReadOnlySpan<double> rates)
    {
        var dt = 0.1;
        var prey = state[0] + dt * (rates[0] * state[0] - rates[1] * state[0] * state[1]);
        var predator = state[1] + dt * (rates[2] * state[0] * state[1] - rates[3] * state[1]);
        return (prey, predator);
    }

    /// <summary>ADBench's projection of a point by a camera (rotation, centre, focal, principal point, distortion), returned as (u, v).</summary>
    [Differentiable]
    public static (double U, double V) Project(ReadOnlySpan<double> camera, ReadOnlySpan<double> point)
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
        return (camera[6] * distortion * ux + camera[7], camera[6] * distortion * uy + camera[8]);
    }

    /// <summary>Softmax of three values through a loop-free body, as a three-element tuple.</summary>
    [Differentiable]
    public static (double, double, double) Softmax3(double a, double b, double c)
    {
        var max = Math.Max(a, Math.Max(b, c));
        var ea = Math.Exp(a - max);
        var eb = Math.Exp(b - max);
        var ec = Math.Exp(c - max);
        var sum = ea + eb + ec;
        return (ea / sum, eb / sum, ec / sum);
    }

    /// <summary>The gradient of ½xᵀAx + bᵀx for a fixed 2×2 A, as a struct with settable fields.</summary>
    [Differentiable]
    public static Point2 QuadraticGradient(ReadOnlySpan<double> x)
    {
        var result = new Point2();
        result.X = 3 * x[0] + 0.5 * x[1] - 1;
        result.Y = 0.5 * x[0] + 2 * x[1] + 2;
        return result;
    }

    /// <summary>One expression: its callers still substitute it; it gets the vector members too.</summary>
    [Differentiable]
    public static Point3 Scale(double s, double x, double y, double z) => new(s * x, s * y, s * z);

    /// <summary>Nested structs as the result: six leaves, depth first.</summary>
    [Differentiable]
    public static Frame FrameAt(double t)
    {
        var origin = new Point3(Math.Cos(t), Math.Sin(t), t);
        var axis = new Point3(-Math.Sin(t), Math.Cos(t), 1);
        return new Frame(origin, axis);
    }

    /// <summary>A loop and a branch before the result is built: a damped pendulum's RK2 steps.</summary>
    [Differentiable]
    public static (double Angle, double Velocity) PendulumSteps(double angle, double velocity, double damping)
    {
        var h = 0.1;
        for (var i = 0; i < 5; i++)
        {
            var a = -Math.Sin(angle) - damping * velocity;
            var midAngle = angle + 0.5 * h * velocity;
            var midVelocity = velocity + 0.5 * h * a;
            var midA = -Math.Sin(midAngle) - damping * midVelocity;
            angle += h * midVelocity;
            velocity += h * midA;
            if (Math.Abs(velocity) > 100)
            {
                break;
            }
        }

        return (angle, velocity);
    }

    /// <summary>A float tuple keeps float code.</summary>
    [Differentiable]
    public static (float, float) PolarFloat(float radius, float angle)
    {
        var c = MathF.Cos(angle);
        return (radius * c, radius * MathF.Sin(angle));
    }

    /// <summary>A System.Numerics vector result (float leaves) from float inputs.</summary>
    [Differentiable]
    public static Vector3 Direction(float yaw, float pitch)
    {
        var cp = MathF.Cos(pitch);
        return new Vector3(cp * MathF.Cos(yaw), cp * MathF.Sin(yaw), MathF.Sin(pitch));
    }

    // Scalar methods using one component: the callee's statements are inlined before the use.

    [Differentiable]
    public static double DeconstructedSum(double r, double a)
    {
        var (x, y) = PolarToCartesian(r, a);
        return x * x + 3 * y;
    }

    [Differentiable]
    public static double OneElement(double r, double a) => PolarToCartesian(r, a).Item2 * CartesianToPolar(r, a).Angle;

    [Differentiable]
    public static double TupleLocal(double r, double a)
    {
        var p = CartesianToPolar(r + 1, a);
        var q = PolarToCartesian(p.Radius, p.Angle);
        return p.Radius * q.Item1 + Math.Sin(q.Item2);
    }

    [Differentiable]
    public static double StructComponent(double r, double theta, double phi)
    {
        var p = SphericalToCartesian(r, theta, phi);
        var rotated = RotateAboutZ(p, theta);
        return rotated.X * p.Z + SphericalToCartesian(phi, r, theta).Y;
    }

    [Differentiable]
    public static double ReprojectionError(ReadOnlySpan<double> camera, ReadOnlySpan<double> point, double u, double v)
    {
        var (pu, pv) = Project(camera, point);
        return (pu - u) * (pu - u) + (pv - v) * (pv - v);
    }

    [Differentiable]
    public static double InLoop(ReadOnlySpan<double> x)
    {
        var total = 0.0;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            var step = PendulumSteps(x[i], x[i + 1], 0.3);
            total += step.Angle * step.Velocity;
        }

        return total;
    }
}
