namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// A caller in another file and type than the helper it inlines (the helper's body is bound in its own tree). Kept out
/// of the Functions folder itself, whose files the mutation test compiles one at a time.
/// </summary>
public static partial class RefHelperCallers
{
    /// <summary>Another type's helper, out into array elements: (r cos t)² + 2·(r sin t).</summary>
    [Differentiable]
    public static double PolarIntoElements(double r, double t)
    {
        var point = new double[2];
        RefHelperFunctions.PolarToCartesian(r, t, out point[0], out point[1]);
        return (point[0] * point[0]) + (2 * point[1]);
    }
}
