using System.Numerics;

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// double.Hypot and Math.CopySign in every spelling users write (Math/MathF, double/float, generic T), for
/// HypotCopySignTests: forward, reverse, the tape twin and second order against central differences.
/// </summary>
public static partial class HypotCopySignFunctions
{
    [Differentiable] public static double Hypot(double x, double y) => double.Hypot(x, 2 * y);
    [Differentiable] public static float HypotF(float x, float y) => float.Hypot(x, 2f * y);
    [Differentiable] public static double CopySign(double x, double y) => Math.CopySign(x * x - 1, y) + double.CopySign(x, y - 0.5);
    [Differentiable] public static float CopySignF(float x, float y) => MathF.CopySign(x * x - 1f, y) + float.CopySign(x, y - 0.5f);
    [Differentiable] public static double HypotAtOrigin(double x, double y) => double.Hypot(x, y);
    [Differentiable] public static double CopySignAtZero(double x, double y) => Math.CopySign(x, y);

    [Differentiable]
    public static T Generic<T>(T x, T y) where T : IFloatingPointIeee754<T> => T.Hypot(x, y) * T.CopySign(x + y, y - x);

    [Differentiable(SecondOrder = true)]
    public static double SecondOrder(double x, double y) => double.Hypot(x, y + 2) * Math.CopySign(x * x + 0.5 * y, y - 3) + Math.Atan2(x, y + 2) + Math.Log10(x + 2) * Math.Log2(y + 2);
}
