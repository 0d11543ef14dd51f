using System.Numerics;

namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Arrays of structs listed in the body: foreach over new[] { ... }, a braced local, a collection expression.</summary>
public static partial class StructArrayLiterals
{
    [Differentiable, Domain(-1.5, 1.5)]
    public static double ForEachOverListedVec3(double a, double b, double c)
    {
        var s = 0.0;
        foreach (var p in new[] { new Vec3(a, b, c), new Vec3(b * c, a, 1), new Vec3(Math.Cos(a), c, b) })
        {
            s += p.Dot(p) * p.X;
        }

        return s;
    }

    [Differentiable, Domain(-1.5, 1.5)]
    public static double BracedTriangleArea(double a, double b)
    {
        Vec3[] corners = { new Vec3(0, 0, 0), new Vec3(a, 1, b), new Vec3(1, a * b, 0) };
        var u = corners[1] - corners[0];
        var v = corners[2] - corners[0];
        return (u.Dot(u) * v.Dot(v)) - (u.Dot(v) * u.Dot(v));
    }

    // Positive inputs: float sums with no cancellation, so generated and tape agree to float's relative precision.
    [Differentiable, Domain(0.2f, 1.5f)]
    public static float CollectionOfVector2F(float a, float b)
    {
        Vector2[] pts = [new Vector2(a, b), new Vector2(b * b, a), new Vector2(1f, a * b)];
        var s = 0f;
        foreach (var p in pts)
        {
            s += Vector2.Dot(p, p) * p.Y;
        }

        return s;
    }
}
