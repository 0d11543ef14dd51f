namespace AutogradGen.GradBench.Tests;

/// <summary>Gradients by Richardson-extrapolated central differences, the independent check of generated ones.</summary>
internal static class CentralDifferences
{
    /// <summary>∂f/∂xᵢ for every i, with step h·max(1, |xᵢ|).</summary>
    public static double[] Gradient(Func<double[], double> f, double[] x, double h = 1e-4)
    {
        var gradient = new double[x.Length];
        var probe = (double[])x.Clone();
        for (int i = 0; i < x.Length; i++)
        {
            double step = h * Math.Max(1, Math.Abs(x[i]));
            double Difference(double s)
            {
                probe[i] = x[i] + s;
                double up = f(probe);
                probe[i] = x[i] - s;
                double down = f(probe);
                probe[i] = x[i];
                return (up - down) / (2 * s);
            }

            gradient[i] = (4 * Difference(step / 2) - Difference(step)) / 3;
        }

        return gradient;
    }

    /// <summary>Asserts |a − b| ≤ tolerance·max(1, |a| + |b|) entry by entry (GradBench's own comparison, tighter).</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance = 1e-7)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            double scale = Math.Max(1, Math.Abs(expected[i]) + Math.Abs(actual[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale,
                $"entry {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
