namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Branches taken on both sides, and evaluated exactly where they switch.</summary>
public static partial class Branches
{
    [Differentiable, AlsoAt(0.0)]
    public static double Piecewise(double x) => x < 0 ? -x * x : x * x * x;

    [Differentiable, Domain(-3, 3), AlsoAt(-1.0), AlsoAt(1.0)]
    public static double IfElseChain(double x)
    {
        double y;
        if (x < -1)
        {
            y = -x - 1;
        }
        else if (x < 1)
        {
            y = x * x * 0.5;
        }
        else
        {
            y = Math.Log(x) + 0.5;
        }

        return y * x;
    }

    [Differentiable, AlsoAt(1.0, 1.0)]
    public static double EarlyReturn(double x, double y)
    {
        if (x > y)
        {
            return x - y;
        }

        return (y * y) - x;
    }

    [Differentiable]
    public static double NestedBranches(double x, double y)
    {
        var r = x + y;
        if (x > 0)
        {
            if (y > 0)
            {
                r = x * y;
            }
            else
            {
                r = x - (y * y);
            }
        }
        else if (y > x)
        {
            r = Math.Sin(x * y);
        }

        return r;
    }

    [Differentiable, Domain(-2, 3)]
    public static double TernaryChain(double x) => x > 0 ? (x > 1 ? Math.Log(x) : x - 1) : Math.Exp(x) - 2;

    [Differentiable]
    public static double BranchOnProduct(double x, double y)
    {
        var p = x * y;
        if (p > 0.5)
        {
            return p * p;
        }

        return p + x;
    }

    [Differentiable]
    public static double BooleanLocal(double x, double y)
    {
        var both = x > 0 && y > 0;
        return both ? x * y : x + y;
    }

    [Differentiable, AlsoAt(0.0)]
    public static double Relu(double x) => x > 0 ? x : 0.0;

    [Differentiable, Domain(-3, 3)]
    public static double LogicalOr(double x, double y)
    {
        if (x < -1 || y > 1)
        {
            return x * y;
        }

        return !(x > 0) ? x - y : x * x;
    }

    [Differentiable, Domain(-3, 3)]
    public static double BranchOverwrites(double x)
    {
        var r = x;
        if (r > 0)
        {
            r = r * r;
        }
        else
        {
            r = -r;
        }

        if (r > 1)
        {
            r = Math.Sqrt(r);
        }

        return r * x;
    }
}
