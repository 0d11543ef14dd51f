namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// Direct and mutual recursion: each depth calls its own Derivative (forward) and Pullback (reverse), so the
/// derivative is right at depth 0 (no recursive call), 1 and many.
/// </summary>
public static partial class Recursion
{
    /// <summary>xⁿ by repeated multiplication; n = 0 is the base case (no recursive call at all).</summary>
    [Differentiable, With(0)]
    public static double PowerDepth0(double x, int n) => Power(x, n);

    [Differentiable, With(1)]
    public static double PowerDepth1(double x, int n) => Power(x, n);

    [Differentiable, Domain(-1.5, 1.5), With(9)]
    public static double Power(double x, int n) => n == 0 ? 1 : x * Power(x, n - 1);

    /// <summary>xⁿ by squaring: log₂ n recursive calls, each squaring its callee's result.</summary>
    [Differentiable, Domain(0.5, 1.5), With(13)]
    public static double PowerBySquaring(double x, int n)
    {
        if (n == 0)
        {
            return 1;
        }

        var half = PowerBySquaring(x, n / 2);
        return n % 2 == 0 ? half * half : half * half * x;
    }

    /// <summary>Σ_{k≤n} xᵏ/k!, the Taylor series of exp, one term per depth.</summary>
    [Differentiable, Domain(-2, 2), With(12)]
    public static double ExpSeries(double x, int n) => n < 0 ? 0 : ExpSeries(x, n - 1) + (Power(x, n) / Factorial(n));

    /// <summary>The continued fraction tanh(x) = x / (1 + x² / (3 + x² / (5 + ...))), <paramref name="depth"/> levels.</summary>
    [Differentiable, Domain(-1, 1), With(8)]
    public static double TanhFraction(double x, int depth) => x / ContinuedTail(x * x, 1, depth);

    [Differentiable, Domain(0, 1), With(1, 6)]
    public static double ContinuedTail(double x2, int k, int depth) =>
        depth == 0 ? (2 * k) - 1 : (2 * k) - 1 + (x2 / ContinuedTail(x2, k + 1, depth - 1));

    /// <summary>Mutual recursion: even and odd steps of a damped oscillation call each other.</summary>
    [Differentiable, Domain(-1, 1), With(7)]
    public static double EvenStep(double x, int n) => n == 0 ? x : Math.Cos(OddStep(x, n - 1)) * 0.9;

    [Differentiable, Domain(-1, 1), With(6)]
    public static double OddStep(double x, int n) => n == 0 ? Math.Sin(x) : EvenStep(x, n - 1) + (x * 0.5);

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
