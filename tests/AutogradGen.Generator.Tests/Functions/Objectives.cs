namespace AutogradGen.Generator.Tests.Functions;

/// <summary>The example of the issue, as users write it.</summary>
public static partial class Objectives
{
    [Differentiable]
    public static double Rosenbrock(double x, double y)
    {
        var a = 1 - x;
        var b = y - x * x;
        return a * a + 100 * b * b;
    }

    [Differentiable]
    public static double SumOfSquares(ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += v[i] * v[i];
        return s;
    }
}
