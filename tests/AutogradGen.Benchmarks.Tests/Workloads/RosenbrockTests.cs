using AutogradGen.Benchmarks.Tests.Support;
using AutogradGen.Benchmarks.Workloads;

namespace AutogradGen.Benchmarks.Tests.Workloads;

public class RosenbrockTests
{
    [Fact]
    public void Rosenbrock2D_is_zero_with_a_zero_gradient_at_its_minimum()
    {
        double value = Rosenbrock2D.ValueAndGradient(1.0, 1.0, out double gx, out double gy);

        Assert.Equal((0.0, 0.0, 0.0), (value, gx, gy));
    }

    [Fact]
    public void Rosenbrock2D_at_the_classic_start_has_the_textbook_value_and_gradient()
    {
        // f(-1.2, 1) = 24.2, ∇f = (-215.6, -88).
        double value = Rosenbrock2D.ValueAndGradient(-1.2, 1.0, out double gx, out double gy);

        Assert.Equal(24.2, value, 1e-12);
        Assert.Equal(-215.6, gx, 1e-12);
        Assert.Equal(-88.0, gy, 1e-12);
    }

    [Theory]
    [InlineData(-1.2, 1.0)]
    [InlineData(0.3, -0.7)]
    [InlineData(2.5, 6.0)]
    public void Rosenbrock2D_gradient_matches_central_differences(double x, double y)
    {
        Rosenbrock2D.ValueAndGradient(x, y, out double gx, out double gy);

        FiniteDifferences.AssertGradientMatches(
            p => Rosenbrock2D.Value(p[0], p[1]), [x, y], [gx, gy], [0, 1], tolerance: 1e-8);
    }

    [Fact]
    public void Extended_Rosenbrock_of_one_pair_is_the_2D_function()
    {
        Assert.Equal(Rosenbrock2D.Value(0.4, -1.1), ExtendedRosenbrock.Value([0.4, -1.1]));
    }

    [Fact]
    public void Extended_Rosenbrock_sums_independent_pairs()
    {
        // 500 pairs at (-1.2, 1), each worth 24.2.
        double[] x = [.. Enumerable.Range(0, 1000).Select(i => i % 2 == 0 ? -1.2 : 1.0)];

        Assert.Equal(500 * 24.2, ExtendedRosenbrock.Value(x), 1e-9);
    }

    [Fact]
    public void Extended_Rosenbrock_gradient_matches_central_differences_in_every_entry()
    {
        var random = new SplitMix64(3);
        double[] x = [.. Enumerable.Range(0, 1000).Select(_ => 2.0 * random.NextNormal())];
        var gradient = new double[x.Length];

        ExtendedRosenbrock.ValueAndGradient(x, gradient);

        // f sums 500 terms of up to 1e5 each; rounding in the differences of f, not the gradient, sets the tolerance.
        FiniteDifferences.AssertGradientMatches(p => ExtendedRosenbrock.Value(p), x, gradient, Enumerable.Range(0, x.Length), tolerance: 1e-7);
    }

    [Fact]
    public void Extended_Rosenbrock_returns_its_value_with_the_gradient()
    {
        double[] x = [0.5, 0.2, -0.3, 1.4];

        Assert.Equal(ExtendedRosenbrock.Value(x), ExtendedRosenbrock.ValueAndGradient(x, new double[4]));
    }

    [Fact]
    public void Extended_Rosenbrock_rejects_an_odd_length()
    {
        var error = Assert.Throws<ArgumentException>(() => ExtendedRosenbrock.Value([1.0, 2.0, 3.0]));

        Assert.StartsWith("The extended Rosenbrock function pairs neighbouring entries, so x needs an even length, but it has 3.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extended_Rosenbrock_gradient_call_allocates_nothing()
    {
        var x = new double[1000];
        var gradient = new double[1000];
        ExtendedRosenbrock.ValueAndGradient(x, gradient);

        long before = GC.GetAllocatedBytesForCurrentThread();
        ExtendedRosenbrock.ValueAndGradient(x, gradient);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
