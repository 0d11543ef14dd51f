namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Very large and very small inputs and outputs, and formulas that stay finite where naive ones overflow.</summary>
public static partial class Magnitudes
{
    [Differentiable, Domain(1e-200, 1e-199)]
    public static double TinyInputs(double x) => (x * 1e100 * (x * 1e100)) + x;

    [Differentiable, Domain(1e150, 1e151)]
    public static double HugeInputs(double x) => Math.Sqrt(x) * x * 1e-200;

    [Differentiable]
    public static double TinyOutputs(double x) => 1e-250 * Math.Exp(x);

    [Differentiable]
    public static double HugeOutputs(double x, double y) => 1e250 * ((x * x) + (y * y) + 1);

    /// <summary>log(1 + eˣ) without overflow, and without the rounding of 1 + eˣ where eˣ is tiny (then it is eˣ).</summary>
    [Differentiable, Domain(-700, 700)]
    public static double StableSoftplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : x > -15 ? Math.Log(1 + Math.Exp(x)) : Math.Exp(x);

    [Differentiable, Domain(-500, 500)]
    public static double StableLogSumExp(double x, double y)
    {
        var m = Math.Max(x, y);
        return m + Math.Log(Math.Exp(x - m) + Math.Exp(y - m));
    }
}
