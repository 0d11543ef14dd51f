using System.Numerics;

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>A point in the plane, a positional record struct of two doubles.</summary>
public readonly record struct Vec2(double X, double Y)
{
    public static Vec2 operator -(Vec2 a, Vec2 b) => new(a.X - b.X, a.Y - b.Y);

    public double Length => Math.Sqrt(X * X + Y * Y);
}

/// <summary>One leg of a portfolio: every field is a number the price depends on.</summary>
public readonly record struct Leg(double Notional, double Strike, double Vol);

/// <summary>Issue 10 item 3: arrays and spans of structs as differentiated parameters.</summary>
public static partial class StructArrayFunctions
{
    /// <summary>Gravitational energy of point masses at x (float, System.Numerics): x[i] whole, Vector3.Distance.</summary>
    [Differentiable]
    public static float NBodyEnergy(Vector3[] x, float g)
    {
        var energy = 0f;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                energy -= g / Vector3.Distance(x[i], x[j]);
            }
        }

        return energy;
    }

    /// <summary>Springs between neighbours of a chain: x[i] - x[i - 1] and a member of the struct.</summary>
    [Differentiable]
    public static double SpringChain(ReadOnlySpan<Vec2> p, double k, double rest)
    {
        var energy = 0.0;
        for (var i = 1; i < p.Length; i++)
        {
            var stretch = (p[i] - p[i - 1]).Length - rest;
            energy += 0.5 * k * stretch * stretch;
        }

        return energy;
    }

    /// <summary>Shoelace area of a polygon, field by field.</summary>
    [Differentiable]
    public static double PolygonArea(ReadOnlySpan<Vec2> p)
    {
        var twice = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var j = i + 1 == p.Length ? 0 : i + 1;
            twice += p[i].X * p[j].Y - p[j].X * p[i].Y;
        }

        return 0.5 * twice;
    }

    /// <summary>foreach over the legs: a sum of Bachelier-like prices.</summary>
    [Differentiable]
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
}
