using System.Numerics;

namespace AutogradGen.CrossChecks.Corpus;

/// <summary>A point or displacement, written as physics code writes it: readonly, operators, computed members.</summary>
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

    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

    public double Dot(Vec3 other) => X * other.X + Y * other.Y + Z * other.Z;

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);

    public static Vec3 operator *(Vec3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);
}

/// <summary>A mutable pair with public fields: written field by field.</summary>
public struct Vec2
{
    public double X;
    public double Y;
}

/// <summary>Nested structs: a particle's position and velocity.</summary>
public record struct Particle(Vec3 Position, Vec3 Velocity, double Mass);

/// <summary>A stochastic-volatility parameter pack; the step count is carried, not differentiated.</summary>
public record struct HestonParameters(double Kappa, double Theta, double Sigma, double Rho, double V0, int Steps);

/// <summary>An option's inputs with settable fields (built with object initialisers).</summary>
public struct OptionInputs
{
    public double Spot;
    public double Strike;
    public double Rate;
    public double Volatility;
    public double Maturity;
}

/// <summary>
/// Struct parameters and results (scalar replacement of aggregates): particle energies over Vec3, System.Numerics
/// springs, parameter packs for Heston and Black–Scholes, nested and mutable structs. The tape twins take one 0-d
/// tensor per field.
/// </summary>
public static partial class Structs
{
    [Differentiable]
    public static double SpringEnergy(Vec3 a, Vec3 b, double k)
    {
        var stretch = (a - b).Length - 1.0;
        return 0.5 * k * stretch * stretch;
    }

    [Differentiable]
    public static double SoftLennardJones(Vec3 a, Vec3 b)
    {
        var d = a - b;
        var r2 = d.Dot(d) + 1.0;
        var inverse6 = 1 / (r2 * r2 * r2);
        return 4 * (inverse6 * inverse6 - inverse6);
    }

    [Differentiable]
    public static double InverseDistance(Vec3 a, Vec3 b) => 1 / Math.Sqrt((a - b).Dot(a - b) + 0.5);

    /// <summary>Calls a [Differentiable] method taking structs, three times.</summary>
    [Differentiable]
    public static double ThreeBodyPotential(Vec3 a, Vec3 b, Vec3 c) =>
        -(InverseDistance(a, b) + InverseDistance(b, c) + 2 * InverseDistance(a, c));

    /// <summary>A [Differentiable] helper returning a struct, substituted at its calls.</summary>
    [Differentiable]
    public static Vec3 Cross(Vec3 a, Vec3 b) => new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    [Differentiable]
    public static double TriangleArea(Vec3 a, Vec3 b, Vec3 c) => 0.5 * Cross(b - a, c - a).Length;

    [Differentiable]
    public static double DihedralCosine(Vec3 a, Vec3 b, Vec3 c, Vec3 d)
    {
        var n1 = Cross(b - a, c - b);
        var n2 = Cross(c - b, d - c);
        return n1.Dot(n2) / (n1.Length * n2.Length + 0.1);
    }

    [Differentiable]
    public static double CentroidPull(Vec3 a, Vec3 b, Vec3 c)
    {
        var centroid = (a + b + c) * (1.0 / 3);
        return (centroid - a).Dot(centroid - a) + Math.Exp(-centroid.Length);
    }

    [Differentiable]
    public static double KineticEnergy(Particle p) => 0.5 * p.Mass * p.Velocity.Dot(p.Velocity);

    /// <summary>Time stepping with <c>with</c> expressions on a nested record struct.</summary>
    [Differentiable]
    public static double DampedFlight(Particle p, double dt)
    {
        var q = p;
        for (var i = 0; i < 4; i++)
        {
            q = q with { Position = q.Position + q.Velocity * dt, Velocity = q.Velocity * (1 - 0.1 * q.Mass * dt) };
        }

        return q.Position.Dot(q.Position) + KineticEnergy(q);
    }

    /// <summary>Each new field reads one assigned before it: a rotation.</summary>
    [Differentiable]
    public static double QuarterTurns(Vec3 a)
    {
        var b = a;
        for (var i = 0; i < 3; i++)
        {
            b = new Vec3(-b.Y, b.X, b.Z + 0.1 * b.X);
        }

        return b.X * a.Y + Math.Sin(b.Z);
    }

    [Differentiable]
    public static double MirroredWhenNegative(Vec3 a)
    {
        var m = a.X + a.Y > 0 ? a : -a;
        return m.X * Math.Exp(m.Y) + m.Z * m.Z;
    }

    [Differentiable]
    public static double MutablePair(Vec2 p)
    {
        var q = p;
        q.X *= 2;
        q.Y += q.X * q.X;
        return q.X * q.Y - Math.Cos(p.Y);
    }

    /// <summary>Scalar parameters only: the structs live inside (the registry binds it by reflection).</summary>
    [Differentiable]
    public static double SpringOfScalars(double x, double y)
    {
        var a = new Vec3(x, y, 0.5);
        var b = new Vec3(y * y, 1.0, x);
        return SpringEnergy(a, b, 3.0) + a.Dot(b);
    }

    [Differentiable]
    public static double HestonMeanVariance(HestonParameters p, double t)
    {
        var decay = Math.Exp(-p.Kappa * t);
        return p.Theta + (p.V0 - p.Theta) * decay + p.Sigma * p.Sigma * p.Rho * (1 - decay) / (2 * p.Kappa);
    }

    /// <summary>A deterministic Euler scheme of the variance over p.Steps steps (the int field is a trip count).</summary>
    [Differentiable]
    public static double HestonEulerVariance(HestonParameters p, double t)
    {
        var dt = t / p.Steps;
        var v = p.V0;
        var integrated = 0.0;
        for (var i = 0; i < p.Steps; i++)
        {
            v += p.Kappa * (p.Theta - v) * dt + 0.1 * p.Sigma * p.Rho * Math.Sqrt(v * v + 0.01) * dt;
            integrated += v * dt;
        }

        return integrated / t;
    }

    [Differentiable]
    public static double LogisticCdf(double x) => 1 / (1 + Math.Exp(-1.702 * x));

    [Differentiable]
    public static double BlackScholesCall(OptionInputs o)
    {
        var root = o.Volatility * Math.Sqrt(o.Maturity);
        var d1 = (Math.Log(o.Spot / o.Strike) + (o.Rate + 0.5 * o.Volatility * o.Volatility) * o.Maturity) / root;
        var d2 = d1 - root;
        return o.Spot * LogisticCdf(d1) - o.Strike * Math.Exp(-o.Rate * o.Maturity) * LogisticCdf(d2);
    }

    /// <summary>A bumped copy built with an object initialiser, priced again.</summary>
    [Differentiable]
    public static double BlackScholesPutOfBumpedSpot(OptionInputs o)
    {
        var bumped = new OptionInputs { Spot = o.Spot * 1.5, Strike = o.Strike, Rate = o.Rate, Volatility = o.Volatility + 0.2, Maturity = o.Maturity };
        return BlackScholesCall(bumped) + 0.5 * BlackScholesCall(o);
    }

    [Differentiable]
    public static float VectorSpring(Vector3 a, Vector3 b, float k)
    {
        var stretch = Vector3.Distance(a, b) - 1f;
        return 0.5f * k * stretch * stretch + 0.1f * Vector3.DistanceSquared(a, b);
    }

    [Differentiable]
    public static float VectorBend(Vector3 a, Vector3 b, Vector3 c)
    {
        var u = b - a;
        var w = c - b;
        return Vector3.Dot(u, w) / (1f + Vector3.DistanceSquared(a, c)) + 0.1f * Vector3.Cross(u, w).LengthSquared();
    }

    [Differentiable]
    public static float VectorProjectile(Vector2 position, Vector2 velocity, float dt)
    {
        var p = position;
        var v = velocity;
        for (var i = 0; i < 5; i++)
        {
            p += v * dt;
            v.Y -= 9.81f * dt;
            v *= 0.99f;
        }

        return p.Length() + MathF.Sin(p.X);
    }
}
