namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// A point in the plane whose members are written as statements, as people write them when a formula needs a
/// temporary, a branch or a loop: block-bodied methods, a block-bodied property getter and block-bodied operators.
/// </summary>
public readonly struct Planar
{
    public Planar(double x, double y)
    {
        X = x;
        Y = y;
    }

    public double X { get; }

    public double Y { get; }

    public double Length
    {
        get
        {
            var squared = X * X + Y * Y;
            return Math.Sqrt(squared);
        }
    }

    public static Planar operator +(Planar a, Planar b)
    {
        var x = a.X + b.X;
        var y = a.Y + b.Y;
        return new Planar(x, y);
    }

    public static Planar operator -(Planar a, Planar b)
    {
        return new Planar(a.X - b.X, a.Y - b.Y);
    }

    public static Planar operator *(double s, Planar a)
    {
        if (s == 0)
        {
            return default;
        }

        return new Planar(s * a.X, s * a.Y);
    }

    public double Norm()
    {
        double s = X * X + Y * Y;
        return Math.Sqrt(s);
    }

    public double Dot(Planar other)
    {
        var x = X * other.X;
        return x + Y * other.Y;
    }

    public Planar Rotated(double angle)
    {
        var c = Math.Cos(angle);
        var s = Math.Sin(angle);
        return new Planar(c * X - s * Y, s * X + c * Y);
    }

    /// <summary>A norm that is quadratic near 0 (so smooth there): a branch with two returns.</summary>
    public double SoftNorm(double epsilon)
    {
        var s = 0.0;
        s += X * X;
        s += Y * Y;
        if (s < epsilon * epsilon)
        {
            return s / (2 * epsilon) + epsilon / 2;
        }

        return Math.Sqrt(s);
    }

    /// <summary>A loop: Σ x^(i+1)·y over n terms.</summary>
    public double PowerSeries(int n)
    {
        var total = 0.0;
        var term = 1.0;
        for (var i = 0; i < n; i++)
        {
            term *= X;
            total += term * Y;
        }

        return total;
    }

    /// <summary>Calls the struct's other block-bodied members on itself.</summary>
    public double Cosine(Planar other)
    {
        var denominator = Norm() * other.Norm() + 0.1;
        return Dot(other) / denominator;
    }
}

/// <summary>
/// Struct members with block bodies called from [Differentiable] methods (issue 10 item 2): each body is inlined
/// before the statement that uses it, so forward mode, reverse mode and the tape twin differentiate its statements.
/// </summary>
public static partial class BlockMembers
{
    [Differentiable]
    public static double NormOfSum(Planar a, Planar b) => (a + b).Norm();

    [Differentiable]
    public static double RotatedLength(Planar p, double angle)
    {
        var q = p.Rotated(angle) + 0.5 * p;
        return q.Length * q.Norm();
    }

    [Differentiable]
    public static double SoftDistance(Planar a, Planar b)
    {
        var d = a - b;
        return d.SoftNorm(0.5) + (b - a).SoftNorm(3.0);
    }

    [Differentiable]
    public static double Series(Planar p) => p.PowerSeries(4) - p.Dot(p);

    [Differentiable]
    public static double CosineBetween(Planar a, Planar b) => a.Cosine(b);

    /// <summary>Members called in a loop, with the loop's variables as arguments.</summary>
    [Differentiable]
    public static double SpiralEnergy(Planar start, double turn)
    {
        var p = start;
        var energy = 0.0;
        for (var i = 0; i < 4; i++)
        {
            p = p.Rotated(turn * (i + 1)) + 0.25 * p;
            energy += p.SoftNorm(0.2) * p.Length;
        }

        return energy;
    }

    /// <summary>A zero scale takes the operator's early return: the default struct, whose derivative is zero.</summary>
    [Differentiable]
    public static double ScaledNorm(Planar p, double s)
    {
        var scaled = s * p;
        var none = 0.0 * p;
        return scaled.Norm() + none.X + Math.Exp(-scaled.Dot(p));
    }

    /// <summary>Block-bodied members called on elements of a span of structs: the receiver's fields are read once into locals.</summary>
    [Differentiable]
    public static double ElementMembers(ReadOnlySpan<Planar> p)
    {
        var total = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            total += p[i].Norm() * p[i].SoftNorm(0.3) + p[i].Cosine(p[(i + 1) % p.Length]);
        }

        return total;
    }

    /// <summary>A polygon over a span of Planar with the block-bodied operators and property.</summary>
    [Differentiable]
    public static double Perimeter(ReadOnlySpan<Planar> p)
    {
        var total = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var edge = p[(i + 1) % p.Length] - p[i];
            total += edge.Length;
        }

        return total;
    }
}
