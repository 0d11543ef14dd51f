namespace AutogradGen.GradBench.Evals.Ode;

/// <summary>
/// GradBench's ode eval (<c>cpp/gradbench/evals/ode.hpp</c>): y(0) = 0, y₀′ = x₀, yᵢ′ = xᵢ·yᵢ₋₁, integrated to
/// t = 2 by s classic Runge–Kutta steps.
/// </summary>
public static partial class OdeFunctions
{
    /// <summary>
    /// y_{n−1}(2), the output whose gradient the eval asks for. A [Differentiable] method returns one number
    /// (a vector result is AGD0004, writing a span parameter AGD0008), so the eval's vector primal is
    /// <see cref="Primal"/>, the same integration into a caller's span; the tests hold the two equal.
    /// </summary>
    [Differentiable(nameof(x))]
    public static double LastOutput(ReadOnlySpan<double> x, int s)
    {
        int n = x.Length;
        double h = 2.0 / s;
        var y = new double[n];
        var k1 = new double[n];
        var k2 = new double[n];
        var k3 = new double[n];
        var k4 = new double[n];
        for (int step = 0; step < s; step++)
        {
            k1[0] = x[0];
            for (int i = 1; i < n; i++) k1[i] = x[i] * y[i - 1];
            k2[0] = x[0];
            for (int i = 1; i < n; i++) k2[i] = x[i] * (y[i - 1] + h * k1[i - 1] / 2);
            k3[0] = x[0];
            for (int i = 1; i < n; i++) k3[i] = x[i] * (y[i - 1] + h * k2[i - 1] / 2);
            k4[0] = x[0];
            for (int i = 1; i < n; i++) k4[i] = x[i] * (y[i - 1] + h * k3[i - 1]);
            for (int i = 0; i < n; i++) y[i] += h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
        }

        return y[n - 1];
    }

    /// <summary>y(2) into <paramref name="y"/>: the same steps as <see cref="LastOutput"/>, every output kept.</summary>
    public static void Primal(ReadOnlySpan<double> x, int s, Span<double> y)
    {
        int n = x.Length;
        double h = 2.0 / s;
        Span<double> k1 = new double[n], k2 = new double[n], k3 = new double[n], k4 = new double[n];
        y.Clear();
        for (int step = 0; step < s; step++)
        {
            k1[0] = x[0];
            for (int i = 1; i < n; i++) k1[i] = x[i] * y[i - 1];
            k2[0] = x[0];
            for (int i = 1; i < n; i++) k2[i] = x[i] * (y[i - 1] + h * k1[i - 1] / 2);
            k3[0] = x[0];
            for (int i = 1; i < n; i++) k3[i] = x[i] * (y[i - 1] + h * k2[i - 1] / 2);
            k4[0] = x[0];
            for (int i = 1; i < n; i++) k4[i] = x[i] * (y[i - 1] + h * k3[i - 1]);
            for (int i = 0; i < n; i++) y[i] += h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
        }
    }
}
