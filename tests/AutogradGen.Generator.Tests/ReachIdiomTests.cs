using System.Globalization;
using AutogradGen.Generator.Tests.Driver;
using F = AutogradGen.Generator.Tests.Functions.ReachIdiomFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Indices from the end, ref locals naming an element and switch expressions on tuples: every generated gradient
/// against central differences of the original, forward mode against reverse, and the tape twin where it exists.
/// </summary>
public class ReachIdiomTests
{
    private const double H = 1e-6;

    private delegate double SpanFunction(double[] x);

    private static double[] CentralDifferences(SpanFunction f, double[] x)
    {
        var g = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[i] += H;
            minus[i] -= H;
            g[i] = (f(plus) - f(minus)) / (2 * H);
        }

        return g;
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");


    [Fact]
    public void Indices_from_the_end_of_an_array_parameter()
    {
        double[] x = [0.3, -1.2, 0.8, 1.7];
        var gradient = new double[4];
        Assert.Equal(F.LastTimesSecondLast(x), F.LastTimesSecondLastGradient(x, gradient), 12);
        var expected = CentralDifferences(F.LastTimesSecondLast, x);
        for (int i = 0; i < 4; i++)
        {
            AssertClose(expected[i], gradient[i], $"reverse, x[{i}]");
            var tangent = new double[4];
            tangent[i] = 1;
            AssertClose(expected[i], F.LastTimesSecondLastDerivative(x, tangent).Derivative, $"forward, x[{i}]");
        }

        var leaf = Tensor.From(x, requiresGrad: true);
        F.LastTimesSecondLastTape(leaf).Backward();
        Assert.Equal(gradient, leaf.Grad!.ToArray<double>());
        Assert.Equal([-Math.Cos(0.3), 0, 1.7, 0.8], gradient);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Indices_from_the_end_of_a_span_with_a_computed_distance(int back)
    {
        double[] x = [0.3, -1.2, 0.8];
        var gradient = new double[3];
        F.FromEndOfSpanGradient(x, back, gradient);
        var expected = CentralDifferences(v => F.FromEndOfSpan(v, back), x);
        for (int i = 0; i < 3; i++)
        {
            AssertClose(expected[i], gradient[i], $"reverse, x[{i}]");
            var tangent = new double[3];
            tangent[i] = 1;
            AssertClose(expected[i], F.FromEndOfSpanDerivative(x, back, tangent).Derivative, $"forward, x[{i}]");
        }

        Assert.Throws<IndexOutOfRangeException>(() => F.FromEndOfSpanGradient(x, 4, gradient));
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(-1.3)]
    public void Writes_from_the_end_of_a_local_array(double x)
    {
        // b = [x² + eˣ, eˣ, x²]; f = (x² + eˣ)·x².
        double expected = (2 * x + Math.Exp(x)) * x * x + (x * x + Math.Exp(x)) * 2 * x;
        Assert.Equal(F.LocalFromEnd(x), F.LocalFromEndGradient(x, out var dx), 12);
        Assert.Equal(expected, dx, 10);
        Assert.Equal(expected, F.LocalFromEndDerivative(x, 1).Derivative, 10);
        var leaf = Tensor.Scalar(x, requiresGrad: true, dtype: DType.Float64);
        F.LocalFromEndTape(leaf).Backward();
        Assert.Equal(expected, leaf.Grad!.Item(), 10);
    }

    [Theory]
    [InlineData(-1.0, new[] { 1.0, 0, 0, 0 })]
    [InlineData(0.25, new[] { 0.75, 0.25, 0, 0 })]
    [InlineData(2.0, new[] { 0, 0, 1.0, 0 })]
    [InlineData(9.0, new[] { 0, 0, 0, 1.0 })]
    public void Interpolation_reads_the_last_value_from_the_end(double t, double[] expected)
    {
        double[] grid = [0, 1, 2, 3];
        double[] values = [1.0, 4.0, -2.0, 0.5];
        var gradient = new double[4];
        Assert.Equal(F.Interpolate(grid, values, t), F.InterpolateGradient(grid, values, t, gradient), 12);
        Assert.Equal(expected, gradient);
    }

    [Fact]
    public void A_ref_local_naming_a_scratch_element_is_that_element()
    {
        double[] x = [0.3, -1.2, 0.8];
        var gradient = new double[3];
        Assert.Equal(F.SmoothedNorm(x), F.SmoothedNormGradient(x, gradient), 12);
        for (int i = 0; i < 3; i++)
        {
            // d/dx √(x² + 1) = x / √(x² + 1).
            Assert.Equal(x[i] / Math.Sqrt(x[i] * x[i] + 1), gradient[i], 12);
            var tangent = new double[3];
            tangent[i] = 1;
            Assert.Equal(gradient[i], F.SmoothedNormDerivative(x, tangent).Derivative, 12);
        }
    }

    [Fact]
    public void A_ref_local_updated_in_a_loop_is_the_element_it_names()
    {
        double[] x = [0.3, -1.2, 0.8];
        var gradient = new double[3];
        Assert.Equal(F.RunningProduct(x), F.RunningProductGradient(x, gradient), 12);
        for (int i = 0; i < 3; i++)
        {
            // f = Σ log(1 + xᵢ²).
            Assert.Equal(2 * x[i] / (1 + x[i] * x[i]), gradient[i], 12);
        }

        var leaf = Tensor.From(x, requiresGrad: true);
        F.RunningProductTape(leaf).Backward();
        var tape = leaf.Grad!.ToArray<double>();
        for (int i = 0; i < 3; i++) Assert.Equal(gradient[i], tape[i], 12);
    }

    [Theory]
    [InlineData(0.7, 0, false, 1.0)]
    [InlineData(-0.7, 0, true, 0.0)]
    [InlineData(-0.7, 1, true, 0.01)]
    [InlineData(0.7, 1, false, 0.0)]
    [InlineData(0.7, 5, false, 1.4)]
    public void A_switch_on_a_tuple_takes_the_arm_its_positional_pattern_matches(double x, int kind, bool leaky, double expected)
    {
        if (kind == 1 && !leaky) expected = 1 - Math.Tanh(x) * Math.Tanh(x);
        Assert.Equal(F.Activation(x, kind, leaky), F.ActivationGradient(x, kind, leaky, out var dx), 12);
        Assert.Equal(expected, dx, 12);
        Assert.Equal(expected, F.ActivationDerivative(x, kind, leaky, 1).Derivative, 12);
        var leaf = Tensor.Scalar(x, requiresGrad: true, dtype: DType.Float64);
        F.ActivationTape(leaf, kind, leaky).Backward();
        Assert.Equal(expected, leaf.Grad!.Item(), 12);
    }

    [Theory]
    [InlineData(-0.5, 1.5, 0)]
    [InlineData(0.5, 1.5, 7)]
    [InlineData(2.5, 1.5, 2)]
    [InlineData(2.5, 1.5, 3)]
    public void Relational_patterns_in_a_tuple_switch_on_a_differentiated_value(double x, double y, int mode)
    {
        F.PiecewiseGradient(x, y, mode, out var dx, out var dy);
        AssertClose((F.Piecewise(x + H, y, mode) - F.Piecewise(x - H, y, mode)) / (2 * H), dx, "x");
        AssertClose((F.Piecewise(x, y + H, mode) - F.Piecewise(x, y - H, mode)) / (2 * H), dy, "y");
        Assert.Equal(dx, F.PiecewiseDerivative(x, y, mode, 1, 0).Derivative, 12);
        Assert.Equal(dy, F.PiecewiseDerivative(x, y, mode, 0, 1).Derivative, 12);
    }

    [Fact]
    public void A_refused_ref_local_is_one_diagnostic_however_often_it_is_used()
    {
        var run = GeneratorHarness.Run("using System;\nusing AutogradGen;\npublic static partial class Functions\n{\n    [Differentiable]\n    public static double F(double x)\n    {\n"
            + "        Span<double> a = stackalloc double[2];\n        int i = 0;\n        ref double r = ref a[i];\n        i = 1;\n        r = x;\n        r += x * x;\n        return a[0] + r;\n    }\n}\n");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("AGD0005", diagnostic.Id);
    }

    [Fact]
    public void A_complex_local_is_differentiated_through_its_parts()
    {
        var run = GeneratorHarness.Run("using System;\nusing System.Numerics;\nusing AutogradGen;\npublic static partial class Functions\n{\n    [Differentiable]\n    public static double F(double a, double b)\n    {\n"
            + "        var z = new Complex(a, b);\n        return Complex.Abs(Complex.Exp(z)) + z.Real;\n    }\n}\n");
        Assert.Empty(run.Diagnostics);
        Assert.True(run.HasCodeFor("F"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_call_into_a_referenced_assembly_says_to_write_a_DerivativeOf_not_to_mark_it()
    {
        var run = GeneratorHarness.Run("using System;\nusing AutogradGen;\npublic static partial class Functions\n{\n    [Differentiable]\n    public static double F(double x, double y) => double.BitIncrement(x + y);\n}\n");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("AGD0007", diagnostic.Id);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("[DerivativeOf(typeof(double), nameof(double.BitIncrement))]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("mark it [Differentiable]", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Enumerable_range_sum_and_average_with_a_lambda(int from)
    {
        double[] x = [0.7, -1.2, 0.8, 1.5, -0.4];
        var gradient = new double[5];
        Assert.Equal(F.RangeSumAndAverage(x, from), F.RangeSumAndAverageGradient(x, from, gradient), 12);
        var expected = CentralDifferences(v => F.RangeSumAndAverage(v, from), x);
        for (int i = 0; i < 5; i++)
        {
            AssertClose(expected[i], gradient[i], $"reverse, x[{i}]");
            var tangent = new double[5];
            tangent[i] = 1;
            AssertClose(expected[i], F.RangeSumAndAverageDerivative(x, from, tangent).Derivative, $"forward, x[{i}]");
        }

        // The tape twin runs the same loop over the range on tensors.
        var tensor = Tensor.From(x).To(DType.Float64).RequiresGrad_();
        var value = F.RangeSumAndAverageTape(tensor, from);
        Assert.Equal(F.RangeSumAndAverage(x, from), value.Item(), 12);
        value.Backward();
        var twin = tensor.Grad!.ToArray<double>();
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(gradient[i], twin[i], 12);
        }
    }

    [Fact]
    public void Enumerable_range_with_a_negative_count_throws_in_the_twin_as_linq_does()
    {
        double[] x = [0.7, -1.2, 0.8];
        Assert.Throws<ArgumentOutOfRangeException>(() => F.RangeSumAndAverage(x, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => F.RangeSumAndAverageTape(Tensor.From(x).To(DType.Float64).RequiresGrad_(), 4));
    }
}
