namespace AutogradGen.Generator.Tests.Functions;

/// <summary>A displacement whose members are written as statements (issue 10 item 2).</summary>
public readonly struct Offset
{
    public Offset(double x, double y, double z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public double X { get; }

    public double Y { get; }

    public double Z { get; }

    public double Norm()
    {
        double s = X * X + Y * Y + Z * Z;
        return Math.Sqrt(s);
    }

    public double Length
    {
        get
        {
            var s = Dot(this);
            return Math.Sqrt(s + 1e-3);
        }
    }

    public double Dot(Offset other)
    {
        var total = X * other.X;
        total += Y * other.Y;
        total += Z * other.Z;
        return total;
    }

    /// <summary>A loop with a break and two returns: the first coordinate whose magnitude exceeds the bound, clamped smoothly.</summary>
    public double FirstLarge(double bound)
    {
        var found = 0.0;
        var any = false;
        for (var i = 0; i < 3; i++)
        {
            var c = i == 0 ? X : i == 1 ? Y : Z;
            if (c * c > bound * bound)
            {
                found = c;
                any = true;
                break;
            }
        }

        if (any)
        {
            return Math.Tanh(found);
        }

        return 0.5 * (X + Y + Z);
    }

    public static Offset operator +(Offset a, Offset b)
    {
        var x = a.X + b.X;
        var y = a.Y + b.Y;
        return new Offset(x, y, a.Z + b.Z);
    }

    public static Offset operator -(Offset a)
    {
        var negated = new Offset(-a.X, -a.Y, -a.Z);
        return negated;
    }

    public static Offset operator *(Offset a, double s)
    {
        if (s == 1)
        {
            return a;
        }

        return new Offset(a.X * s, a.Y * s, a.Z * s);
    }
}

/// <summary>[Differentiable] methods that call Offset's block-bodied members.</summary>
public static partial class BlockMemberFunctions
{
    [Differentiable]
    public static double NormOfSum(Offset a, Offset b) => (a + b).Norm();

    [Differentiable]
    public static double Mixed(Offset a, double s)
    {
        var b = -(a * s) + a;
        var total = 0.0;
        for (var i = 0; i < 3; i++)
        {
            total += b.Length * a.Dot(b) / (i + 1);
            b = b * 0.5;
        }

        return total + a.FirstLarge(0.8);
    }
}
