namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// The containing types the issue promises: partial structs as well as classes, nested or not, with internal
/// methods. The generated derivatives land in each of them with the method's accessibility.
/// </summary>
public static partial class Outer
{
    internal partial struct Nested
    {
        [Differentiable]
        internal static double Product(double x, double y) => x * y * y;
    }
}

/// <summary>A top-level partial struct.</summary>
internal partial struct TopLevelStruct
{
    [Differentiable]
    public static double Cube(double x) => x * x * x;
}
