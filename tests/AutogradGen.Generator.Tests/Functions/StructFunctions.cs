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

    /// <summary>Computed members and operators: seen through where they are called.</summary>
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

    public double Dot(Vec3 other) => X * other.X + Y * other.Y + Z * other.Z;

    public Vec3 Scaled(double s) => new(X * s, Y * s, Z * s);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator *(Vec3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);
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

    /// <summary>A parameter pack passed <c>in</c>, as users pass large ones: the generated members take it <c>in</c> too.</summary>
    [Differentiable]
    public static double SpringEnergyIn(in Vec3 a, in Vec3 b, double k) => SpringEnergy(a, b, k);

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

    /// <summary>A [Differentiable] helper returning a struct: its callers substitute it.</summary>
    [Differentiable]
    public static Vec3 Cross(Vec3 a, Vec3 b) => new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    [Differentiable]
    public static double TriangleArea(Vec3 a, Vec3 b, Vec3 c)
    {
        var normal = Cross(b - a, c - a);
        return 0.5 * normal.Length;
    }

    /// <summary>User operators, instance methods and properties of the struct, in a loop.</summary>
    [Differentiable]
    public static double Orbit(Vec3 position, Vec3 velocity, double dt, int steps)
    {
        var p = position;
        var v = velocity;
        var energy = 0.0;
        for (var i = 0; i < steps; i++)
        {
            var r = p.Length;
            var acceleration = -p * (1 / (r * r * r));
            v = v + acceleration * dt;
            p = p + v.Scaled(dt);
            energy += 0.5 * v.Dot(v) - 1 / r;
        }

        return energy / steps;
    }

    /// <summary>Each new field reads fields assigned before it: the assignment goes through temporaries.</summary>
    [Differentiable]
    public static double Rotated(Vec3 a)
    {
        var b = a;
        for (var i = 0; i < 3; i++)
        {
            b = new Vec3(b.Y, -b.X, b.Z * b.X);
        }

        return b.X * b.Y + b.Z;
    }
}
