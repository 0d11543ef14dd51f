namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Straight-line scalar code: the example, reassignment, compound assignment, casts, constants.</summary>
public static partial class ScalarFunctions
{
    [Differentiable]
    public static double Rosenbrock(double x, double y)
    {
        var a = 1 - x;
        var b = y - x * x;
        return a * a + 100 * b * b;
    }

    [Differentiable]
    public static double Reassigned(double x, double y)
    {
        var t = x * y;
        t = t * t + x;
        t = Math.Sin(t) * y;
        t += x;
        t -= y * 0.5;
        t *= x;
        t /= 1 + y * y;
        return t;
    }

    private const double Scale = 2.5;

    [Differentiable]
    public static double ConstantsAndLiterals(double x)
    {
        const double offset = 0.75;
        return Scale * x * x - offset * x + 1e-3;
    }

    [Differentiable]
    public static float SinglePrecision(float x, float y)
    {
        var r = MathF.Sqrt(x * x + y * y);
        return r * MathF.Exp(-0.5f * x) + (float)Math.Cos(y);
    }

    [Differentiable]
    public static double MixedPrecision(double x, float y)
    {
        float narrowed = (float)x;
        double widened = y;
        return narrowed * widened + x / (1 + y * y);
    }

    [Differentiable(nameof(x))]
    public static double OnlyX(double x, double y, int power)
    {
        var result = 1.0;
        result = result * Math.Pow(x, power);
        return result * y;
    }

    [Differentiable]
    public static double Detached(double x, double y)
    {
        var stopped = Differentiation.WithoutDerivative(x * y);
        return stopped * x + y;
    }

    [Differentiable]
    public static double Negations(double x, double y) => -x * -(y - x) - -y;

    [Differentiable]
    public static double UnusedIntermediate(double x, double y)
    {
        var unused = Math.Exp(y);
        var used = x * 3;
        return used + unused * 0;
    }

    [Differentiable]
    public static double ParameterReassigned(double x, double y)
    {
        x = x * y;
        y = Math.Sin(x) + y;
        x = x * x + y;
        return x * y;
    }

    /// <summary>
    /// Several contributions to one adjoint in one statement, some inside the branches of a ternary: each branch's
    /// contributions are summed inside that branch, the rest after it.
    /// </summary>
    [Differentiable]
    public static double RepeatedContributions(double x, double y)
    {
        var z = 3.0 * x * y + x * Math.Sin(x) + (y > 0.5 ? x * y * x + y : y * y * x);
        return z * x - y * z;
    }
}
