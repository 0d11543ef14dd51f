namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Values the reverse sweep reads back instead of computing again: a rotation's cos and sin (each the other's
/// derivative), and a small callee's exp inlined into a loop (ARCHITECTURE.md, "Fused reverse mode").
/// </summary>
public static partial class ReadBackFunctions
{
    /// <summary>A rotation by <paramref name="angle"/> of (x, 1), both coordinates used: cos and sin held once each.</summary>
    [Differentiable]
    public static double Rotated(double angle, double x)
    {
        double cos = Math.Cos(angle);
        double sin = Math.Sin(angle);
        double along = x * cos - sin;
        double across;
        if (along > 0)
        {
            across = x * sin + cos * along;
        }
        else
        {
            across = x * sin - Math.Sinh(along) * Math.Cosh(along);
        }

        return along * across + Math.Cosh(angle) * Math.Sinh(angle);
    }

    /// <summary>Like <see cref="Rotated"/> with an early return between the two: nothing is read back.</summary>
    [Differentiable]
    public static double RotatedOrCos(double angle, double x)
    {
        double cos = Math.Cos(angle);
        if (x > 10)
        {
            return cos * x;
        }

        double sin = Math.Sin(angle);
        return x * cos * sin + sin;
    }

    /// <summary>The logistic function, a small callee whose pullback would compute its exp again.</summary>
    [Differentiable]
    public static double Logistic(double x)
    {
        double decay = Math.Exp(-x);
        return 1 / (1 + decay);
    }

    /// <summary>Σ logistic(vᵢ · vᵢ₋₁) · logistic(vᵢ): the callee inlined twice per iteration of a loop.</summary>
    [Differentiable]
    public static double Gates(ReadOnlySpan<double> v)
    {
        double total = 0;
        for (int i = 1; i < v.Length; i++)
        {
            double gate = Logistic(v[i] * v[i - 1]);
            total += gate * Logistic(v[i]);
        }

        return total;
    }
}
