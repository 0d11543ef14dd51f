namespace AutogradGen.GradBench.Evals.Saddle;

/// <summary>
/// GradBench's saddle eval (<c>evals/saddle/README.md</c>, <c>cpp/gradbench/evals/saddle.hpp</c>, the finite tool's
/// <c>R1Cost</c> and <c>R2Cost</c>): min over p1 of max over p2 of f(p1, p2), both by GradBench's gradient descent
/// started at the same point. The max is itself a gradient descent (an argmax over p2, with the generated
/// <c>ObjectiveGradient</c> or <c>ObjectiveDerivative</c>: the inner mode) inside the function the outer descent
/// differentiates (with its own generated Gradient or Derivative: the outer mode).
/// </summary>
public static partial class SaddleFunctions
{
    /// <summary>
    /// saddle's f(p, q) = (p₀² + p₁²) − (q₀² + q₁²) (<c>saddle::objective</c>). Differentiated with respect to all
    /// four: the argmax takes its gradient in q (and discards the one in p), and the value that <see cref="Max"/>
    /// returns carries the derivative in p that the outer descent needs.
    /// </summary>
    [Differentiable(SecondOrder = true)]
    public static double Objective(double p0, double p1, double q0, double q1) => (p0 * p0 + p1 * p1) - (q0 * q0 + q1 * q1);

    /// <summary>
    /// <c>R1Cost::objective</c>: max over q of f(p, q), the argmax found from (s0, s1) by <c>multivariate_argmax</c>'s
    /// steps (the argmin of −f) with the inner reverse mode, <c>ObjectiveGradient</c>: the rr and fr objective.
    /// </summary>
    [Differentiable(nameof(p0), nameof(p1))]
    public static double Max(double p0, double p1, double s0, double s1)
    {
        double x0 = s0, x1 = s1;
        double fx = -Objective(p0, p1, x0, x1);
        ObjectiveGradient(p0, p1, x0, x1, out _, out _, out double g0, out double g1);
        g0 = -g0;
        g1 = -g1;
        int i = 0;
        double eta = 1e-5;
        while (true)
        {
            if (Math.Sqrt(g0 * g0 + g1 * g1) <= 1e-5)
            {
                break;
            }

            if (i == 10)
            {
                eta *= 2;
                i = 0;
            }
            else
            {
                double xp0 = x0 - eta * g0;
                double xp1 = x1 - eta * g1;
                if (Math.Sqrt((x0 - xp0) * (x0 - xp0) + (x1 - xp1) * (x1 - xp1)) <= 1e-5)
                {
                    break;
                }

                double fxp = -Objective(p0, p1, xp0, xp1);
                if (fxp < fx)
                {
                    x0 = xp0;
                    x1 = xp1;
                    fx = fxp;
                    ObjectiveGradient(p0, p1, x0, x1, out _, out _, out g0, out g1);
                    g0 = -g0;
                    g1 = -g1;
                    i++;
                }
                else
                {
                    eta /= 2;
                    i = 0;
                }
            }
        }

        return Objective(p0, p1, x0, x1);
    }

    /// <summary><see cref="Max"/> with the inner forward mode, <c>ObjectiveDerivative</c> along each axis of q: the ff and rf objective.</summary>
    [Differentiable(nameof(p0), nameof(p1))]
    public static double MaxByDerivatives(double p0, double p1, double s0, double s1)
    {
        double x0 = s0, x1 = s1;
        double fx = -Objective(p0, p1, x0, x1);
        double g0 = -ObjectiveDerivative(p0, p1, x0, x1, 0.0, 0.0, 1.0, 0.0).Derivative;
        double g1 = -ObjectiveDerivative(p0, p1, x0, x1, 0.0, 0.0, 0.0, 1.0).Derivative;
        int i = 0;
        double eta = 1e-5;
        while (true)
        {
            if (Math.Sqrt(g0 * g0 + g1 * g1) <= 1e-5)
            {
                break;
            }

            if (i == 10)
            {
                eta *= 2;
                i = 0;
            }
            else
            {
                double xp0 = x0 - eta * g0;
                double xp1 = x1 - eta * g1;
                if (Math.Sqrt((x0 - xp0) * (x0 - xp0) + (x1 - xp1) * (x1 - xp1)) <= 1e-5)
                {
                    break;
                }

                double fxp = -Objective(p0, p1, xp0, xp1);
                if (fxp < fx)
                {
                    x0 = xp0;
                    x1 = xp1;
                    fx = fxp;
                    g0 = -ObjectiveDerivative(p0, p1, x0, x1, 0.0, 0.0, 1.0, 0.0).Derivative;
                    g1 = -ObjectiveDerivative(p0, p1, x0, x1, 0.0, 0.0, 0.0, 1.0).Derivative;
                    i++;
                }
                else
                {
                    eta /= 2;
                    i = 0;
                }
            }
        }

        return Objective(p0, p1, x0, x1);
    }
}
