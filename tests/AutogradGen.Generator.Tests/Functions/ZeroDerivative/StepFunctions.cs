namespace AutogradGen.Generator.Tests.Functions.ZeroDerivative;

/// <summary>
/// Steps and integer casts of active values: their derivative is zero. The .editorconfig beside this file turns
/// AGD0013 off here, as a user who means it would (and shows that the severity is configurable).
/// </summary>
public static partial class StepFunctions
{
    [Differentiable]
    public static double Steps(double x) => Math.Floor(x) * x + Math.Ceiling(x) + Math.Round(x) * Math.Truncate(x) + Math.Sign(x) * x;

    [Differentiable]
    public static double IntegerCast(double x) => (int)(x * 10) * x;
}
