namespace AutogradGen.Generator.Tests.Functions;

/// <summary>if/else, else-if chains, ternaries and early returns.</summary>
public static partial class BranchFunctions
{
    [Differentiable]
    public static double Piecewise(double x, double y)
    {
        double r;
        if (x > 0.3)
        {
            r = x * y;
        }
        else if (x < -0.3)
        {
            r = Math.Sin(x) + y;
        }
        else
        {
            r = y * y * x;
        }

        return r * r;
    }

    [Differentiable]
    public static double Ternary(double x, double y) => x > y ? x * x * y : y - Math.Exp(x);

    [Differentiable]
    public static double EarlyReturn(double x, double y)
    {
        if (x < 0)
        {
            return -x * y;
        }

        var t = x * x;
        if (t > 2)
        {
            return Math.Log(t) * y;
        }

        return t + y;
    }

    [Differentiable]
    public static double BranchOverwrites(double x, double y)
    {
        var t = x;
        if (y > 0)
        {
            t = t * t;
            t = t * y;
        }

        return t * x;
    }

    [Differentiable]
    public static double NestedTernary(double x, double y) => x > 0 ? (y > 0 ? x * y : x - y) : (y > 0 ? y * y : x * x);
}
