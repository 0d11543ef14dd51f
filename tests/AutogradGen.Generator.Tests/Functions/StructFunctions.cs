using System.Numerics;

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>A point in space, as users write it: readonly, a constructor setting each field.</summary>
public readonly struct Vec3
{
    public Vec3(double x, double y, double z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public double X { get; }

    public double Y { get; }

    public double Z { get; }
}

/// <summary>A parameter pack with an int field that is carried, not differentiated.</summary>
public record struct HestonParameters(double Kappa, double Theta, double Sigma, double Rho, double V0, int Steps);

/// <summary>Nested structs with settable fields (no constructor): rebuilt through an object initialiser.</summary>
public struct Particle
{
    public Vec3 Position;
    public double Mass;
}

/// <summary>Struct parameters, locals, constructors, with, nested fields and System.Numerics vectors.</summary>
public static partial class StructFunctions
{
    [Differentiable]
    public static double SpringEnergy(Vec3 a, Vec3 b, double k)
    {
        var d = new Vec3(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
        var squared = d.X * d.X + d.Y * d.Y + d.Z * d.Z;
        return 0.5 * k * squared;
    }

    [Differentiable]
    public static double Distance(Vec3 a, Vec3 b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        var dz = a.Z - b.Z;
        return Math.Sqrt(dx * dx + dy * dy + dz * dz);
    }

    /// <summary>Calls a [Differentiable] method taking structs, with a struct built in place.</summary>
    [Differentiable]
    public static double TriangleSpring(Vec3 a, Vec3 b, Vec3 c)
    {
        var mid = new Vec3(0.5 * (a.X + b.X), 0.5 * (a.Y + b.Y), 0.5 * (a.Z + b.Z));
        return Distance(a, b) + Distance(mid, c) * Distance(c, new Vec3(a.X, 1.0, a.Z));
    }

    [Differentiable]
    public static double HestonVariance(HestonParameters p, double t)
    {
        var decay = Math.Exp(-p.Kappa * t);
        var shifted = p with { Theta = p.Theta * (1 + p.Rho * p.Sigma) };
        var mean = shifted.Theta + (p.V0 - shifted.Theta) * decay;
        var acc = 0.0;
        for (var i = 0; i < p.Steps; i++)
        {
            acc += mean / p.Steps;
        }

        return acc;
    }

    [Differentiable]
    public static double KineticEnergy(Particle p, Vec3 velocity)
    {
        var moved = new Particle { Position = new Vec3(p.Position.X + velocity.X, p.Position.Y, p.Position.Z), Mass = p.Mass };
        return 0.5 * moved.Mass * (velocity.X * velocity.X + velocity.Y * velocity.Y + velocity.Z * velocity.Z) + moved.Position.X * p.Position.Y;
    }

    [Differentiable]
    public static float VectorSpring(Vector3 a, Vector3 b, float k)
    {
        var d = a - b;
        var r = Vector3.Distance(a, b);
        var n = Vector3.Normalize(d) * 2f;
        return k * r * r + Vector3.Dot(n, b) + Vector3.Cross(a, b).Length() + (d / 3f).LengthSquared();
    }

    [Differentiable]
    public static float VectorStep(Vector2 position, Vector2 velocity, float dt)
    {
        var p = position;
        for (var i = 0; i < 3; i++)
        {
            p += velocity * dt;
            p.Y -= 0.5f * dt * dt;
        }

        return p.X * p.X + MathF.Sin(p.Y);
    }
}
