using System.Numerics;

namespace AutogradGen.CrossChecks.Corpus;

/// <summary>One leg of a book of options: every field is a number the price depends on.</summary>
public readonly record struct Leg(double Notional, double Strike, double Vol);

/// <summary>A point in the plane as a positional record struct, with the members physics code gives it.</summary>
public readonly record struct Point2(double X, double Y)
{
    public static Point2 operator -(Point2 a, Point2 b) => new(a.X - b.X, a.Y - b.Y);

    public static Point2 operator +(Point2 a, Point2 b) => new(a.X + b.X, a.Y + b.Y);

    public static Point2 operator *(Point2 a, double s) => new(a.X * s, a.Y * s);

    public double Length => Math.Sqrt(X * X + Y * Y);

    public double Cross(Point2 other) => X * other.Y - Y * other.X;
}

/// <summary>
/// Arrays and spans of structs as differentiated parameters (issue 10 item 3), written the way physics, geometry and
/// pricing code is: N-body energies over <c>Vector3[]</c> and <c>Vec3[]</c>, a spring chain over
/// <c>ReadOnlySpan&lt;Vec2&gt;</c>, polygon area and perimeter, a triangle-mesh energy, a book of <c>Leg</c>s,
/// <c>Span&lt;Particle&gt;</c> with nested position and velocity, local arrays of structs written and read in the body.
/// Each is checked through CorpusRegistry.StructArrays.cs: the structs' numbers are the flat point, the tape twin
/// takes one [n, k] tensor.
/// </summary>
public static partial class StructArrays
{
    /// <summary>Softened gravitational energy of unit masses (float, System.Numerics): <c>Vector3.DistanceSquared</c>.</summary>
    [Differentiable]
    public static float NBodyEnergy(Vector3[] x)
    {
        var energy = 0f;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                energy -= 1f / MathF.Sqrt(Vector3.DistanceSquared(x[i], x[j]) + 0.25f);
            }
        }

        return energy;
    }

    /// <summary>The same energy over the corpus's own <c>Vec3</c>, with its operators and <c>Length</c>.</summary>
    [Differentiable]
    public static double SoftenedPotential(Vec3[] x)
    {
        var energy = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var r = (x[i] - x[j]).Length;
                energy += 1.0 / (r * r + 0.5) - 0.1 * r;
            }
        }

        return energy;
    }

    /// <summary>Springs between neighbours of a chain of mutable <c>Vec2</c>s, field by field.</summary>
    [Differentiable]
    public static double SpringChain(ReadOnlySpan<Vec2> p, double k)
    {
        var energy = 0.0;
        for (var i = 1; i < p.Length; i++)
        {
            var dx = p[i].X - p[i - 1].X;
            var dy = p[i].Y - p[i - 1].Y;
            var stretch = Math.Sqrt(dx * dx + dy * dy + 0.01) - 0.5;
            energy += 0.5 * k * stretch * stretch;
        }

        return energy;
    }

    /// <summary>Shoelace area of a polygon, with the struct's own <c>Cross</c>.</summary>
    [Differentiable]
    public static double PolygonArea(ReadOnlySpan<Point2> p)
    {
        var twice = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var j = i + 1 == p.Length ? 0 : i + 1;
            twice += p[i].Cross(p[j]);
        }

        return 0.5 * twice;
    }

    /// <summary>Perimeter of a closed polygon: <c>(p[j] - p[i]).Length</c>, softened so coincident points stay smooth.</summary>
    [Differentiable]
    public static double PolygonPerimeter(ReadOnlySpan<Point2> p)
    {
        var length = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var d = p[(i + 1) % p.Length] - p[i];
            length += Math.Sqrt(d.X * d.X + d.Y * d.Y + 1e-3);
        }

        return length;
    }

    /// <summary>The isoperimetric ratio of a polygon: area over perimeter squared, two [Differentiable] calls on the span.</summary>
    [Differentiable]
    public static double Roundness(ReadOnlySpan<Point2> p)
    {
        var perimeter = PolygonPerimeter(p);
        return 4 * Math.PI * PolygonArea(p) / (perimeter * perimeter);
    }

    /// <summary>
    /// A triangle-mesh energy: each triangle's squared area (from the corpus's <c>Cross</c>) against a rest area,
    /// the triangles as a table of vertex indices that is passed through.
    /// </summary>
    [Differentiable(nameof(vertices))]
    public static double TriangleMeshEnergy(ReadOnlySpan<Vec3> vertices, int[] triangles)
    {
        var energy = 0.0;
        for (var t = 0; t < triangles.Length; t += 3)
        {
            var a = vertices[triangles[t]];
            var b = vertices[triangles[t + 1]];
            var c = vertices[triangles[t + 2]];
            var area = 0.5 * Structs.Cross(b - a, c - a).Length;
            energy += (area - 0.4) * (area - 0.4);
        }

        return energy;
    }

    /// <summary>A book of options priced Bachelier-like: <c>foreach</c> over an array of <c>Leg</c>s.</summary>
    [Differentiable(nameof(legs))]
    public static double PortfolioValue(Leg[] legs, double spot)
    {
        var total = 0.0;
        foreach (var leg in legs)
        {
            var d = (spot - leg.Strike) / leg.Vol;
            total += leg.Notional * leg.Vol * Math.Exp(-0.5 * d * d);
        }

        return total;
    }

    /// <summary>The book's vega-weighted risk: legs read by index, a guard on a non-differentiated count.</summary>
    [Differentiable(nameof(legs))]
    public static double PortfolioRisk(ReadOnlySpan<Leg> legs, double spot)
    {
        if (legs.Length == 0)
        {
            throw new ArgumentException("The book is empty.", nameof(legs));
        }

        var risk = 0.0;
        for (var i = 0; i < legs.Length; i++)
        {
            var moneyness = Math.Log(spot / legs[i].Strike);
            risk += legs[i].Notional * legs[i].Notional * legs[i].Vol * Math.Exp(-moneyness * moneyness);
        }

        return Math.Sqrt(risk);
    }

    /// <summary>Kinetic energy of particles (nested structs: <c>p.Velocity.X</c>, the mass) in a <c>Span&lt;Particle&gt;</c>.</summary>
    [Differentiable]
    public static double KineticEnergy(Span<Particle> particles)
    {
        var energy = 0.0;
        foreach (var p in particles)
        {
            energy += 0.5 * p.Mass * p.Velocity.Dot(p.Velocity);
        }

        return energy;
    }

    /// <summary>Particles drifted for a time step, then their moment of inertia about the origin: whole nested fields.</summary>
    [Differentiable(nameof(particles))]
    public static double DriftedInertia(ReadOnlySpan<Particle> particles, double dt)
    {
        var inertia = 0.0;
        for (var i = 0; i < particles.Length; i++)
        {
            var position = particles[i].Position + particles[i].Velocity * dt;
            inertia += particles[i].Mass * position.Dot(position);
        }

        return inertia;
    }

    /// <summary>Spread of points about their centroid (float, System.Numerics): the centroid summed in a Vector3 local.</summary>
    [Differentiable]
    public static float CentroidSpread(ReadOnlySpan<Vector3> points)
    {
        var centroid = Vector3.Zero;
        foreach (var p in points)
        {
            centroid += p;
        }

        centroid /= points.Length;
        var spread = 0f;
        for (var i = 0; i < points.Length; i++)
        {
            spread += Vector3.DistanceSquared(points[i], centroid);
        }

        return MathF.Sqrt(spread / points.Length + 0.1f);
    }

    /// <summary>Bending energy of a polyline: turning between consecutive segments, with the struct's operators.</summary>
    [Differentiable]
    public static double BendingEnergy(ReadOnlySpan<Point2> p)
    {
        var energy = 0.0;
        for (var i = 1; i + 1 < p.Length; i++)
        {
            var before = p[i] - p[i - 1];
            var after = p[i + 1] - p[i];
            var cosine = (before.X * after.X + before.Y * after.Y) / (before.Length * after.Length + 0.1);
            energy += 1 - cosine;
        }

        return energy;
    }

    /// <summary>Length of a path through points in the plane (float, System.Numerics <c>Vector2.Distance</c>), softened at the ends.</summary>
    [Differentiable]
    public static float PathLength(Vector2[] p)
    {
        var length = 0f;
        for (var i = 1; i < p.Length; i++)
        {
            length += Vector2.Distance(p[i], p[i - 1]);
        }

        return length + 0.5f * p[0].LengthSquared();
    }

    /// <summary>A local array of structs, written and read in the body: the edges of a polyline, then their lengths.</summary>
    [Differentiable]
    public static double EdgeLengthVariance(ReadOnlySpan<Point2> p)
    {
        var edges = new Point2[p.Length - 1];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = p[i + 1] - p[i];
        }

        var mean = 0.0;
        for (var i = 0; i < edges.Length; i++)
        {
            mean += edges[i].Length;
        }

        mean /= edges.Length;
        var variance = 0.0;
        foreach (var e in edges)
        {
            variance += (e.Length - mean) * (e.Length - mean);
        }

        return variance / edges.Length;
    }

    /// <summary>A local array of mutable structs updated field by field: explicit Euler steps of damped particles on springs.</summary>
    [Differentiable]
    public static double EulerSprings(ReadOnlySpan<Vec2> start)
    {
        var state = new Vec2[start.Length];
        for (var i = 0; i < start.Length; i++)
        {
            state[i] = start[i];
        }

        for (var step = 0; step < 5; step++)
        {
            for (var i = 0; i < state.Length; i++)
            {
                // X is a position, Y its velocity: a spring to the origin with damping.
                var force = -2.0 * state[i].X - 0.3 * state[i].Y;
                state[i].X += 0.1 * state[i].Y;
                state[i].Y += 0.1 * force;
            }
        }

        var energy = 0.0;
        for (var i = 0; i < state.Length; i++)
        {
            energy += state[i].X * state[i].X + 0.5 * state[i].Y * state[i].Y;
        }

        return energy;
    }

    /// <summary>Nearest-pair attraction: a max over pairs by a comparison on a differentiated distance (a kink the
    /// random points do not hit), calling a [Differentiable] struct helper.</summary>
    [Differentiable]
    public static double ClosestPairPull(Vec3[] x)
    {
        var closest = double.MaxValue;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                var d = Structs.InverseDistance(x[i], x[j]);
                if (1 / d < closest)
                {
                    closest = 1 / d;
                }
            }
        }

        return closest * closest;
    }
}
