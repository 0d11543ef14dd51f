namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Span parameters and overloads.</summary>
public static partial class MoreFunctions
{
    [Differentiable]
    public static double SpanParameter(Span<double> v, int stride)
    {
        var s = 0.0;
        for (var i = 0; i < v.Length; i += stride)
        {
            s += Math.Cos(v[i]) * v[i];
        }

        return s;
    }

    [Differentiable]
    public static double Overloaded(double x) => x * x;

    [Differentiable]
    public static double Overloaded(double x, double y) => x * y * y;
}
