namespace AutogradGen.CrossChecks.Corpus;

/// <summary>float code: MathF, float literals, conversions to and from double. Its twins run on Float32 tensors.</summary>
public static partial class FloatFunctions
{
    [Differentiable]
    public static float FloatPolynomial(float x) => (2f * x * x * x) - (0.5f * x) + 1f;

    [Differentiable, Domain(-1, 1)]
    public static float FloatTrigonometry(float x, float y) => (MathF.Sin(x) * MathF.Cos(y)) + MathF.Tan(x * 0.3f);

    [Differentiable, Domain(0.2f, 3f)]
    public static float FloatExpAndLogs(float x) => (MathF.Exp(x) * MathF.Log(x)) + MathF.Log2(x) + MathF.Log10(x);

    [Differentiable, Domain(0.2f, 3f)]
    public static float FloatRootsAndPowers(float x, float y) => MathF.Sqrt(x) + MathF.Pow(x, y) + MathF.Cbrt(x);

    [Differentiable, AlsoAt(0.0)]
    public static float FloatBranch(float x) => x > 0f ? x * x : -x;

    [Differentiable, Domain(1f, 50f)]
    public static float FloatLoop(float x)
    {
        var r = x;
        var n = 0;
        while (r > 2f)
        {
            r = MathF.Sqrt(r);
            n++;
        }

        return r + n;
    }

    [Differentiable, Domain(-0.8f, 0.8f)]
    public static float FloatInverseTrigonometry(float x, float y) => MathF.Asin(x) + MathF.Acos(y) + MathF.Atan(x * y) + MathF.Atan2(y, x + 2f);

    [Differentiable, Domain(-1.5f, 1.5f)]
    public static float FloatHyperbolic(float x) => MathF.Sinh(x) + MathF.Cosh(x * 0.5f) + MathF.Tanh(x);

    [Differentiable, AlsoAt(0.5, 0.5), AlsoAt(0.0, 0.0)]
    public static float FloatKinks(float x, float y) => MathF.Max(x, y) + MathF.Min(x, y * y) + MathF.Abs(x) + Math.Clamp(y, -0.5f, 0.5f);

    [Differentiable]
    public static float FloatCallsFloat(float x) => FloatPolynomial(x) * x;

    [Differentiable]
    public static float MixedPrecision(float x)
    {
        double wide = x;
        var squared = wide * wide;
        return (float)squared + (x * 0.25f);
    }

    [Differentiable, Domain(0.5f, 2f)]
    public static float HypotAndCopySignF(float x, float y) => float.Hypot(x, 2f * y) * MathF.CopySign(x + y, y - 3f);
}
