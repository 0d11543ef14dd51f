using System.Numerics;

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>A point in the plane for the listed arrays (this file's own, so that it compiles alone in the mutation test).</summary>
public readonly record struct ListedPoint(double X, double Y);

/// <summary>A point in space with computed members, read from a listed array as a whole value.</summary>
public readonly record struct ListedCorner(double X, double Y, double Z)
{
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

    public double Dot(ListedCorner other) => X * other.X + Y * other.Y + Z * other.Z;
}

/// <summary>
/// Arrays of structs listed where they are used: <c>foreach</c> over <c>new[] { new ListedPoint(a, b), ... }</c>, and locals
/// initialised with <c>{ ... }</c>, <c>new Vec3[] { ... }</c> and <c>[...]</c>, read by foreach and by index.
/// </summary>
public static partial class StructArrayLiteralFunctions
{
    [Differentiable]
    public static double ForEachOverListedPoints(double a, double b, double c, double d)
    {
        var s = 0.0;
        foreach (var p in new[] { new ListedPoint(a, b), new ListedPoint(c, d), new ListedPoint(a * d, Math.Sin(c)) })
        {
            s += p.X * p.Y;
        }

        return s;
    }

    [Differentiable]
    public static double BracedLocalOfVec3(double a, double b)
    {
        ListedCorner[] pts = { new ListedCorner(a, b, 1), new ListedCorner(b, a * a, a + b) };
        var s = 0.0;
        foreach (var p in pts)
        {
            s += p.Length * p.Z;
        }

        return s + pts[1].Dot(pts[0]);
    }

    [Differentiable]
    public static float CollectionOfVector2(float a, float b)
    {
        Vector2[] pts = [new Vector2(a, b), new Vector2(b * b, a), new Vector2(1f, a * b)];
        var s = 0f;
        for (var i = 0; i < pts.Length; i++)
        {
            s += Vector2.Dot(pts[i], pts[(i + 1) % pts.Length]);
        }

        return s;
    }
}
