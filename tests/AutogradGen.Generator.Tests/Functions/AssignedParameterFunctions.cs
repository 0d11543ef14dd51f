namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Parameters left out of the differentiation list that the body assigns a value depending on a differentiated
/// one: from then on they carry a derivative, like a local would.
/// </summary>
public static partial class AssignedParameterFunctions
{
    [Differentiable(nameof(x))]
    public static double Scaled(double x, double c)
    {
        c = c * x;
        return c + x;
    }

    [Differentiable(nameof(x))]
    public static float ScaledFloat(float x, float c)
    {
        c = c * x;
        return c + x;
    }

    [Differentiable(nameof(x))]
    public static double AssignedInBranchThenPassed(double x, double c)
    {
        if (x > 0)
        {
            c = c + Math.Exp(x);
        }

        return Squared(c) * x;
    }

    // A callee in this file: the mutation tests compile each test file on its own.
    [Differentiable]
    public static double Squared(double v) => v * v;

    [Differentiable(nameof(x))]
    public static double ScaledInLoop(double x, double c, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            c = c * Math.Sin(x) + Math.Cos(c);
        }

        return c * x;
    }
}
