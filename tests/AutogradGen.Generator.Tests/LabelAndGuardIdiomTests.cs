using F = AutogradGen.Generator.Tests.Functions.LabelAndGuardIdiomFunctions;
using PayoffSide = AutogradGen.Generator.Tests.Functions.PayoffSide;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Switch expressions with throwing arms, switches on strings and chars, and null tests of array parameters: each
/// generated gradient against central differences of the original, forward mode against reverse, the tape twin
/// against both, and each mode throwing what the original throws where it throws it.
/// </summary>
public class LabelAndGuardIdiomTests
{
    private const double H = 1e-6;

    private static double[] CentralDifferences(Func<double[], double> f, double[] x)
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

    /// <summary>Reverse against central differences, forward along each axis against reverse, the tape twin against reverse.</summary>
    private static void AssertAllModes(double[] point, Func<double[], double> value, Func<double[], double[]> gradient,
        Func<double[], double[], double> forward, Func<Tensor[], Tensor> tape)
    {
        var reverse = gradient(point);
        var expected = CentralDifferences(value, point);
        var leaves = point.Select(p => Tensor.Scalar(p, requiresGrad: true, DType.Float64)).ToArray();
        var twin = tape(leaves);
        twin.Backward();
        Assert.Equal(value(point), twin.Item(), 12);
        for (int i = 0; i < point.Length; i++)
        {
            AssertClose(expected[i], reverse[i], $"reverse, coordinate {i}");
            var direction = new double[point.Length];
            direction[i] = 1;
            AssertClose(reverse[i], forward(point, direction), $"forward, coordinate {i}");
            AssertClose(reverse[i], leaves[i].Grad?.Item() ?? 0, $"tape, coordinate {i}");
        }
    }

    [Theory]
    [InlineData(PayoffSide.Call, 105.0)]
    [InlineData(PayoffSide.Put, 97.0)]
    public void A_switch_expression_whose_last_arm_throws(PayoffSide side, double spot) => AssertAllModes([spot, 100, 0.05],
        p => F.Digital(p[0], p[1], p[2], side),
        p => { F.DigitalGradient(p[0], p[1], p[2], side, out var a, out var b, out var c); return [a, b, c]; },
        (p, v) => F.DigitalDerivative(p[0], p[1], p[2], side, v[0], v[1], v[2]).Derivative,
        l => F.DigitalTape(l[0], l[1], l[2], side));

    [Fact]
    public void The_throwing_arm_throws_in_every_mode_with_the_original_exception()
    {
        var unknown = (PayoffSide)7;
        var original = Assert.Throws<ArgumentOutOfRangeException>(() => F.Digital(100, 100, 0.1, unknown));
        Assert.Equal(original.Message, Assert.Throws<ArgumentOutOfRangeException>(() => F.DigitalGradient(100, 100, 0.1, unknown, out _, out _, out _)).Message);
        Assert.Equal(original.Message, Assert.Throws<ArgumentOutOfRangeException>(() => F.DigitalDerivative(100, 100, 0.1, unknown, 1, 0, 0)).Message);
        Assert.Equal(original.Message, Assert.Throws<ArgumentOutOfRangeException>(() => F.DigitalTape(Tensor.Scalar(100.0), Tensor.Scalar(100.0), Tensor.Scalar(0.1), unknown)).Message);
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(2.5)]
    public void A_throwing_first_arm_on_the_differentiated_value(double x)
    {
        AssertAllModes([x], p => F.Rate(p[0]), p => { F.RateGradient(p[0], out var g); return [g]; },
            (p, v) => F.RateDerivative(p[0], v[0]).Derivative, l => F.RateTape(l[0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => F.RateGradient(-x, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => F.RateDerivative(-x, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(4)]
    public void A_throwing_middle_arm_leaves_the_other_arms_to_their_order(int tier)
    {
        AssertAllModes([1.7], p => F.Tiered(p[0], tier), p => { F.TieredGradient(p[0], tier, out var g); return [g]; },
            (p, v) => F.TieredDerivative(p[0], tier, v[0]).Derivative, l => F.TieredTape(l[0], tier));
        Assert.Throws<NotSupportedException>(() => F.TieredGradient(1.7, 2, out _));
        Assert.Throws<NotSupportedException>(() => F.TieredDerivative(1.7, 1, 1));
    }

    [Theory]
    [InlineData("relu", 0.8)]
    [InlineData("tanh", -0.3)]
    [InlineData("Tanh", 0.6)]
    [InlineData("smooth-relu", 1.2)]
    public void A_switch_statement_on_a_string(string kind, double x)
    {
        AssertAllModes([x], p => F.Activate(p[0], kind), p => { F.ActivateGradient(p[0], kind, out var g); return [g]; },
            (p, v) => F.ActivateDerivative(p[0], kind, v[0]).Derivative, l => F.ActivateTape(l[0], kind));
        var original = Assert.Throws<ArgumentException>(() => F.Activate(x, "gelu"));
        Assert.Equal(original.Message, Assert.Throws<ArgumentException>(() => F.ActivateGradient(x, "gelu", out _)).Message);
        Assert.Throws<ArgumentException>(() => F.ActivateDerivative(x, "RELU", 1));
    }

    [Theory]
    [InlineData("continuous")]
    [InlineData("annual")]
    [InlineData("linear")]
    public void A_switch_expression_on_a_string(string compounding)
    {
        AssertAllModes([0.03, 2.5], p => F.DiscountFactor(p[0], p[1], compounding),
            p => { F.DiscountFactorGradient(p[0], p[1], compounding, out var a, out var b); return [a, b]; },
            (p, v) => F.DiscountFactorDerivative(p[0], p[1], compounding, v[0], v[1]).Derivative,
            l => F.DiscountFactorTape(l[0], l[1], compounding));
        Assert.Throws<ArgumentException>(() => F.DiscountFactorGradient(0.03, 2.5, "monthly", out _, out _));
    }

    [Theory]
    [InlineData('k')]
    [InlineData('c')]
    [InlineData('m')]
    public void A_switch_expression_on_a_char(char unit) => AssertAllModes([1.25],
        p => F.InMetres(p[0], unit), p => { F.InMetresGradient(p[0], unit, out var g); return [g]; },
        (p, v) => F.InMetresDerivative(p[0], unit, v[0]).Derivative, l => F.InMetresTape(l[0], unit));

    [Fact]
    public void A_null_test_of_a_differentiated_array_in_a_guard()
    {
        double[] prices = [100, 101, 99.5, 102];
        var gradient = new double[4];
        Assert.Equal(F.Ewma(prices, 0.8), F.EwmaGradient(prices, 0.8, gradient, out var lambdaGradient), 12);
        var expected = CentralDifferences(p => F.Ewma(p[..4], p[4]), [.. prices, 0.8]);
        for (int i = 0; i < 4; i++)
        {
            AssertClose(expected[i], gradient[i], $"reverse, prices[{i}]");
        }

        AssertClose(expected[4], lambdaGradient, "reverse, lambda");
        AssertClose(expected[4], F.EwmaDerivative(prices, 0.8, new double[4], 1).Derivative, "forward, lambda");
        var leaf = Tensor.From(prices, requiresGrad: true);
        F.EwmaTape(leaf, Tensor.Scalar(0.8, requiresGrad: false, DType.Float64)).Backward();
        Assert.Equal(gradient, leaf.Grad!.ToArray<double>());

        // A null array meets the gradient's or tangent's length check before the guard (NullReferenceException); an
        // empty one reaches the guard.
        Assert.Throws<ArgumentException>(() => F.EwmaGradient([], 0.8, [], out _));
        Assert.Throws<ArgumentException>(() => F.EwmaDerivative([], 0.8, [], 1));
    }

    [Fact]
    public void Equality_with_null_on_a_pass_through_array_and_is_not_null_on_a_differentiated_one()
    {
        double[] x = [0.5, -1.5, 2];
        foreach (var weights in new double[]?[] { null, [1.0, 0.5, 2.0] })
        {
            var gradient = new double[3];
            Assert.Equal(F.WeightedOrPlain(x, weights), F.WeightedOrPlainGradient(x, weights!, gradient), 12);
            var expected = CentralDifferences(p => F.WeightedOrPlain(p, weights), x);
            for (int i = 0; i < 3; i++)
            {
                AssertClose(expected[i], gradient[i], $"reverse, x[{i}]");
                var tangent = new double[3];
                tangent[i] = 1;
                AssertClose(expected[i], F.WeightedOrPlainDerivative(x, weights!, tangent).Derivative, $"forward, x[{i}]");
            }
        }
    }
}
