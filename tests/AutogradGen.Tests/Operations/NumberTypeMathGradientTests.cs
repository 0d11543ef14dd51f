using AutogradGen.CompilerServices;
using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Operations;

/// <summary>
/// Asinh, Acosh, Atanh, Exp2, Deg2rad, Rad2deg, Fmax, Fmin and Lerp (Tensor.NumberTypeMath.cs), and TapeMath's
/// compositions of the functions PyTorch lacks: values, grad_fn names and backward rules against central differences.
/// </summary>
public class NumberTypeMathGradientTests
{
    public static TheoryData<string> Operations => [.. Unary.Keys];

    private static readonly Dictionary<string, (Func<Tensor, Tensor> Operation, Func<double, double> Reference, string GradFn)> Unary = new()
    {
        ["asinh"] = (x => x.Asinh(), Math.Asinh, "AsinhBackward0"),
        ["acosh"] = (x => (x.Abs() + 1.5).Acosh(), x => Math.Acosh(Math.Abs(x) + 1.5), "AcoshBackward0"),
        ["atanh"] = (x => (x * 0.3).Atanh(), x => Math.Atanh(x * 0.3), "AtanhBackward0"),
        ["exp2"] = (x => x.Exp2(), double.Exp2, "Exp2Backward0"),
        ["deg2rad"] = (x => x.Deg2rad(), double.DegreesToRadians, "Deg2RadBackward0"),
        ["rad2deg"] = (x => x.Rad2deg(), double.RadiansToDegrees, "Rad2DegBackward0"),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Gradient_matches_central_differences(string operation) =>
        GradientCheck.AssertMatches(inputs => Unary[operation].Operation(inputs[0]), GradientCheck.Input([2, 3]));

    [Theory]
    [MemberData(nameof(Operations))]
    public void Values_are_the_number_types_values_element_by_element(string operation)
    {
        var x = GradientCheck.Input([2, 3]);
        TensorAssert.Equal(x.ToArray().Select(Unary[operation].Reference).ToArray(), Unary[operation].Operation(x));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void The_recorded_node_has_PyTorch_s_name(string operation) =>
        Assert.Equal(Unary[operation].GradFn, Unary[operation].Operation(Tensor.From([0.25, 0.5], requiresGrad: true)).GradFn!.Name);

    [Fact]
    public void Fmax_fmin_and_lerp_match_central_differences_and_reduce_broadcasts()
    {
        var a = GradientCheck.Input([2, 3], offset: 0.1);
        var b = GradientCheck.Input([3], offset: -0.2, scale: 0.8);
        GradientCheck.AssertMatches(inputs => inputs[0].Fmax(inputs[1]), a, b);
        GradientCheck.AssertMatches(inputs => inputs[0].Fmin(inputs[1]), a, b);
        var weight = GradientCheck.Input([2, 1], offset: 0.4, scale: 0.3);
        GradientCheck.AssertMatches(inputs => inputs[0].Lerp(inputs[1], inputs[2]), a, b, weight);
    }

    [Fact]
    public void Fmax_gives_ties_and_nans_to_self_as_torch_fmax()
    {
        var self = Tensor.From([1.0, 2.0, double.NaN, 0.5], requiresGrad: true);
        var other = Tensor.From([1.0, double.NaN, 3.0, 4.0], requiresGrad: true);
        var result = self.Fmax(other);
        TensorAssert.Equal([1.0, 2.0, 3.0, 4.0], result);
        result.Sum().Backward();
        TensorAssert.Equal([1.0, 1.0, 0.0, 0.0], self.Grad!);
        TensorAssert.Equal([0.0, 0.0, 1.0, 1.0], other.Grad!);
    }

    public static TheoryData<string> Composed => [.. Compositions.Keys];

    private static readonly Dictionary<string, (Func<Tensor, Tensor> Tape, Func<double, double> Reference)> Compositions = new()
    {
        ["Exp10"] = (TapeMath.Exp10, double.Exp10),
        ["Exp2M1"] = (TapeMath.Exp2M1, double.Exp2M1),
        ["Exp10M1"] = (TapeMath.Exp10M1, double.Exp10M1),
        ["Log2P1"] = (TapeMath.Log2P1, double.Log2P1),
        ["Log10P1"] = (TapeMath.Log10P1, double.Log10P1),
        ["SinPi"] = (TapeMath.SinPi, double.SinPi),
        ["CosPi"] = (TapeMath.CosPi, double.CosPi),
        ["TanPi"] = (TapeMath.TanPi, double.TanPi),
        ["AsinPi"] = (TapeMath.AsinPi, double.AsinPi),
        ["AcosPi"] = (TapeMath.AcosPi, double.AcosPi),
        ["AtanPi"] = (TapeMath.AtanPi, double.AtanPi),
        ["RootN3"] = (x => TapeMath.RootN(x, 3), x => double.RootN(x, 3)),
    };

    [Theory]
    [MemberData(nameof(Composed))]
    public void TapeMath_compositions_have_the_functions_value_and_derivative(string function)
    {
        foreach (var at in new[] { -0.35, 0.2, 0.45 })
        {
            var (tape, reference) = Compositions[function];
            var x = Tensor.Scalar(at, requiresGrad: true, dtype: DType.Float64);
            var value = tape(x);
            Assert.Equal(reference(at), value.Item());
            value.Backward();
            const double h = 1e-6;
            var expected = (reference(at + h) - reference(at - h)) / (2 * h);
            Assert.Equal(expected, x.Grad!.Item(), 1e-6 * Math.Max(1, Math.Abs(expected)));
        }
    }

    [Fact]
    public void SinPi_is_exact_at_integers_and_differentiates_twice()
    {
        var x = Tensor.Scalar(1.0, requiresGrad: true, dtype: DType.Float64);
        var value = TapeMath.SinPi(x);
        Assert.Equal(0.0, value.Item());
        var first = Autograd.Grad([value], [x], createGraph: true)[0]!;
        Assert.Equal(-Math.PI, first.Item(), 12);
        var second = Autograd.Grad([first], [x])[0]!;
        Assert.Equal(0.0, second.Item(), 12);
    }
}
