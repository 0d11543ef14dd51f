namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Every System.Math and System.MathF function of the derivative table, in double and in float.</summary>
public static partial class MathFunctions
{
    [Differentiable] public static double Sin(double x) => Math.Sin(x);
    [Differentiable] public static double Cos(double x) => Math.Cos(x);
    [Differentiable] public static double Tan(double x) => Math.Tan(0.5 * x);
    [Differentiable] public static double Asin(double x) => Math.Asin(0.3 * x);
    [Differentiable] public static double Acos(double x) => Math.Acos(0.3 * x);
    [Differentiable] public static double Atan(double x) => Math.Atan(x);
    [Differentiable] public static double Atan2(double y, double x) => Math.Atan2(y, x + 3);
    [Differentiable] public static double Sinh(double x) => Math.Sinh(x);
    [Differentiable] public static double Cosh(double x) => Math.Cosh(x);
    [Differentiable] public static double Tanh(double x) => Math.Tanh(x);
    [Differentiable] public static double Exp(double x) => Math.Exp(x);
    [Differentiable] public static double Log(double x) => Math.Log(x * x + 1);
    [Differentiable] public static double LogBase(double x, double b) => Math.Log(x * x + 1, b * b + 2);
    [Differentiable] public static double Log10(double x) => Math.Log10(x * x + 1);
    [Differentiable] public static double Log2(double x) => Math.Log2(x * x + 1);
    [Differentiable] public static double Sqrt(double x) => Math.Sqrt(x * x + 1);
    [Differentiable] public static double Cbrt(double x) => Math.Cbrt(x + 5);
    [Differentiable] public static double Pow(double x, double y) => Math.Pow(x * x + 1, y);
    [Differentiable] public static double Abs(double x, double y) => Math.Abs(x - y) * y;
    [Differentiable] public static double Max(double x, double y) => Math.Max(x, y) * x;
    [Differentiable] public static double Min(double x, double y) => Math.Min(x, y) * y;
    [Differentiable] public static double Clamp(double x, double lo) => Math.Clamp(x, lo - 1, lo + 1);
    [Differentiable] public static double FusedMultiplyAdd(double x, double y, double z) => Math.FusedMultiplyAdd(x, y, z * z);
    [Differentiable] public static double ScaleB(double x) => Math.ScaleB(x * x, 3);
    [Differentiable] public static float SinF(float x) => MathF.Sin(x) * MathF.Cos(x) + MathF.Tanh(x);
    [Differentiable] public static float ExpLogF(float x) => MathF.Log(MathF.Exp(x) + 1f) * MathF.Sqrt(x * x + 1f);
    [Differentiable] public static float PowF(float x, float y) => MathF.Pow(x * x + 1f, y) + MathF.Atan2(x, y + 3f);
    [Differentiable] public static float TrigF(float x) => MathF.Tan(0.5f * x) + MathF.Asin(0.3f * x) * MathF.Acos(0.2f * x) + MathF.Atan(x) + MathF.Sinh(0.5f * x) * MathF.Cosh(0.3f * x);
    [Differentiable] public static float LogsF(float x, float b) => MathF.Log(x * x + 1f, b * b + 2f) + MathF.Log10(x * x + 1f) + MathF.Log2(b * b + 1f) + MathF.Cbrt(x + 5f);

    // Away from the kinks (KinkTests covers them): a float finite difference needs a step too large to sit beside one.
    [Differentiable] public static float PiecewiseF(float x, float y) =>
        MathF.Abs(x - 3f) * y + MathF.Max(x, y + 5f) * x + MathF.Min(x, y + 5f) * y + Math.Clamp(x, y - 5f, y + 5f) * x + MathF.FusedMultiplyAdd(x, y, y * y) + MathF.ScaleB(x * x, 3);
    [Differentiable] public static double Composite(double x, double y) => Math.Exp(Math.Sin(x * y) * Math.Cos(x)) / (1 + Math.Sqrt(y * y + 1));
}
