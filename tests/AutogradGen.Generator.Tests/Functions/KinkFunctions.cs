namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Functions evaluated exactly at their kinks, where the generator must make PyTorch's choices.</summary>
public static partial class KinkFunctions
{
    [Differentiable] public static double Abs(double x) => Math.Abs(x);
    [Differentiable] public static double Max(double x, double y) => Math.Max(x, y);
    [Differentiable] public static double Min(double x, double y) => Math.Min(x, y);
    [Differentiable] public static double Sqrt(double x) => Math.Sqrt(x);
    [Differentiable] public static double Pow(double x, double y) => Math.Pow(x, y);
    [Differentiable] public static float AbsF(float x) => MathF.Abs(x);
}
