namespace AutogradGen.Generator.Tests.Functions;

/// <summary>By-reference helpers beside RefHelperFunctions' for ByReferenceTapeTwinTests: a value with an out result, a ref int beside a ref number, float.</summary>
public static partial class ByReferenceTwinFunctions
{
    /// <summary>Returns x·s and hands back sin(x) + s through out.</summary>
    [Differentiable]
    public static double Split(double x, double s, out double y)
    {
        y = Math.Sin(x) + s;
        return x * s;
    }

    /// <summary>A running sum and count, as an accumulator helper is written: the count carries no derivative.</summary>
    [Differentiable]
    public static void Accumulate(ref double sum, ref int count, double x)
    {
        if (x > 0)
        {
            sum += x * x;
            count++;
            return;
        }

        sum -= x;
    }

    [Differentiable]
    public static void DecayF(ref float x, float rate, float h) => x *= MathF.Exp(-rate * h);
}
