namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Callers in another file and type than the helpers they inline (the helpers' bodies are bound in their own tree).</summary>
public static partial class RefHelperCallers
{
    /// <summary>Swap(ref a, ref a) aliases as in C#: the same variable twice, so nothing changes. Result a·b.</summary>
    [Differentiable]
    public static double SelfSwap(double a, double b)
    {
        Swap(ref a, ref a);
        Swap(ref a, ref b);
        Swap(ref b, ref a);
        return a * b * b;
    }

    [Differentiable]
    public static void Swap(ref double a, ref double b) => (a, b) = (b, a);

    /// <summary>Another type's helper, out into array elements: (r cos t)² + 2·(r sin t).</summary>
    [Differentiable]
    public static double PolarIntoElements(double r, double t)
    {
        var point = new double[2];
        RefHelperFunctions.PolarToCartesian(r, t, out point[0], out point[1]);
        return (point[0] * point[0]) + (2 * point[1]);
    }
}
