namespace AutogradGen.Benchmarks.Workloads.Generated;

/// <summary>
/// Objectives with second-order members, for the cost of a Hessian-vector product against a gradient
/// (<c>HessianVectorProductBenchmarks</c>): the goal is at most about 4×.
/// </summary>
public static partial class SecondOrderObjectives
{
    /// <summary>Extended Rosenbrock (the same body as <see cref="DifferentiableExtendedRosenbrock.Value"/>): polynomial, no transcendental calls.</summary>
    [Differentiable(SecondOrder = true)]
    public static double ExtendedRosenbrock(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        for (int i = 0; i < x.Length; i += 2)
        {
            double xi = x[i];
            double b = x[i + 1] - xi * xi;
            double a = 1.0 - xi;
            sum += 100.0 * b * b + a * a;
        }

        return sum;
    }

    /// <summary>Σ log(1 + exp(x_i x_{i+1})) + sin(x_i)² over neighbours: transcendental calls in a chained loop.</summary>
    [Differentiable(SecondOrder = true)]
    public static double SoftplusChain(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double z = x[i] * x[i + 1];
            double s = Math.Sin(x[i]);
            sum += Math.Log(1.0 + Math.Exp(z)) + s * s;
        }

        return sum;
    }
}
