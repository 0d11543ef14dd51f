namespace AutogradGen.GradBench.Evals.Nested;

/// <summary>
/// GradBench's gradient-descent driver for particle and saddle (<c>cpp/gradbench/gd.hpp</c>,
/// <c>multivariate_argmin</c> and <c>multivariate_argmax</c>), followed step for step: the evals compare the final
/// point with hard-coded values, which only this exact sequence of steps reaches. Plain C#, not differentiated: the
/// objective and its gradient are the caller's (generated) functions. (saddle's inner argmax runs inside a
/// differentiated objective, so it is written there, in <c>SaddleFunctions</c>, with the same steps.)
/// </summary>
internal static class GradientDescent
{
    /// <summary>The objective's value at a point.</summary>
    public delegate double Objective(ReadOnlySpan<double> x);

    /// <summary>The objective's gradient at a point, written into <c>gradient</c>.</summary>
    public delegate void Gradient(ReadOnlySpan<double> x, Span<double> gradient);

    public static double[] Argmin(Objective objective, Gradient gradient, ReadOnlySpan<double> start)
    {
        int n = start.Length;
        double[] x = start.ToArray();
        double[] gx = new double[n];
        double[] xPrime = new double[n];
        double fx = objective(start);
        gradient(x, gx);
        int i = 0;
        double eta = 1e-5;
        while (true)
        {
            if (Magnitude(gx) <= 1e-5)
            {
                return x;
            }

            if (i == 10)
            {
                eta *= 2;
                i = 0;
                continue;
            }

            for (int j = 0; j < n; j++)
            {
                xPrime[j] = x[j] - eta * gx[j];
            }

            if (Distance(x, xPrime) <= 1e-5)
            {
                return x;
            }

            double fxPrime = objective(xPrime);
            if (fxPrime < fx)
            {
                xPrime.CopyTo(x, 0);
                fx = fxPrime;
                gradient(x, gx);
                i++;
            }
            else
            {
                eta /= 2;
                i = 0;
            }
        }
    }

    /// <summary><c>multivariate_argmax</c>: the argmin of −f with gradient −∇f.</summary>
    public static double[] Argmax(Objective objective, Gradient gradient, ReadOnlySpan<double> start) =>
        Argmin(x => -objective(x), (x, g) =>
        {
            gradient(x, g);
            for (int j = 0; j < g.Length; j++) g[j] *= -1;
        }, start);

    private static double Magnitude(ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        foreach (double e in v) sum += e * e;
        return Math.Sqrt(sum);
    }

    private static double Distance(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        for (int i = 0; i < u.Length; i++) sum += (u[i] - v[i]) * (u[i] - v[i]);
        return Math.Sqrt(sum);
    }
}
