namespace AutogradGen.GradBench.Evals.Llsq;

/// <summary>GradBench's llsq eval (<c>cpp/gradbench/evals/llsq.hpp</c>).</summary>
public static partial class LlsqFunctions
{
    /// <summary>
    /// ½ Σᵢ (sign(tᵢ) − Σⱼ xⱼ tᵢʲ)² over n points tᵢ = −1 + 2i/(n − 1): the least-squares fit of a polynomial of
    /// degree m − 1 to the sign function.
    /// </summary>
    [Differentiable(nameof(x))]
    public static double Primal(ReadOnlySpan<double> x, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double t = -1 + i * 2.0 / (n - 1);
            double residual = Math.Sign(t);
            double power = 1;
            for (int j = 0; j < x.Length; j++)
            {
                residual -= x[j] * power;
                power *= t;
            }

            sum += residual * residual;
        }

        return sum / 2;
    }
}
