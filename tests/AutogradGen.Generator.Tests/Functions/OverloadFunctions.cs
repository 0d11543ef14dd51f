namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// [Differentiable] overloads whose tape twins would take the same tensors: different bodies on purpose, so a twin
/// that called the other overload's twin would give another value.
/// </summary>
public static partial class OverloadFunctions
{
    [Differentiable] public static double Scaled(double x) => 2 * x * x;

    [Differentiable] public static float Scaled(float x) => 3f * x * x * x;

    [Differentiable] public static float UsesFloatOverload(float x) => Scaled(x) + x;

    [Differentiable] public static double UsesDoubleOverload(double x) => Scaled(x) + x;
}
