namespace AutogradGen.GradBench.Evals.Lse;

/// <summary>GradBench's lse eval (<c>cpp/gradbench/evals/lse.hpp</c>).</summary>
public static partial class LseFunctions
{
    /// <summary>
    /// log Σ exp(xᵢ), computed as A + log Σ exp(xᵢ − A) with A = max x so that exp cannot overflow. The value does
    /// not depend on A, so A is held constant for differentiation (no derivative through the maximum).
    /// </summary>
    [Differentiable]
    public static double Primal(ReadOnlySpan<double> x)
    {
        double max = x[0];
        for (int i = 1; i < x.Length; i++) max = Math.Max(max, x[i]);
        double shift = Differentiation.WithoutDerivative(max);

        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += Math.Exp(x[i] - shift);
        return Math.Log(sum) + shift;
    }
}
