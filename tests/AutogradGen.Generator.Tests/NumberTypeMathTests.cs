using System.Globalization;
using AutogradGen.Generator.Tests.Driver;
using F = AutogradGen.Generator.Tests.Functions.NumberTypeMathFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// The statics of Math, MathF, double and float added by the audit: every mode against central differences, the
/// tape twin against the fused gradient, float beside double, generic T, second order, and the edges
/// (derivatives.yaml's where PyTorch has the function: acosh and atanh infinite at 1, log1p at −1, fmax's ties).
/// </summary>
public class NumberTypeMathTests
{
    private const double H = 1e-6;

    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.45)]
    public void Inverse_hyperbolic_functions_match_differences_in_every_mode(double x)
    {
        AssertUnary(F.InverseHyperbolic, F.InverseHyperbolicGradient, F.InverseHyperbolicDerivative, F.InverseHyperbolicTape, x);
        AssertUnaryFloat(F.InverseHyperbolicF, F.InverseHyperbolicFGradient, F.InverseHyperbolicFDerivative, F.InverseHyperbolicFTape, x);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.7)]
    public void Exponentials_match_differences_in_every_mode(double x)
    {
        AssertUnary(F.Exponentials, F.ExponentialsGradient, F.ExponentialsDerivative, F.ExponentialsTape, x);
        AssertUnaryFloat(F.ExponentialsF, F.ExponentialsFGradient, F.ExponentialsFDerivative, F.ExponentialsFTape, x);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.2)]
    [InlineData(1.7)]
    public void Logarithms_of_one_plus_x_match_differences_in_every_mode(double x)
    {
        AssertUnary(F.Logarithms, F.LogarithmsGradient, F.LogarithmsDerivative, F.LogarithmsTape, x);
        AssertUnaryFloat(F.LogarithmsF, F.LogarithmsFGradient, F.LogarithmsFDerivative, F.LogarithmsFTape, x);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(-1.3)]
    public void Angles_and_roots_match_differences_in_every_mode(double x)
    {
        AssertUnary(F.Angles, F.AnglesGradient, F.AnglesDerivative, F.AnglesTape, x);
        AssertUnary(F.Roots, F.RootsGradient, F.RootsDerivative, F.RootsTape, x);
        AssertUnaryFloat(F.RootsF, F.RootsFGradient, F.RootsFDerivative, F.RootsFTape, x);
    }

    [Theory]
    [InlineData(0.737)]
    [InlineData(-1.2437)]
    public void Round_overloads_have_a_zero_derivative_and_the_product_rule_elsewhere(double x)
    {
        AssertUnary(F.Rounding, F.RoundingGradient, F.RoundingDerivative, F.RoundingTape, x);
        AssertUnaryFloat(F.RoundingF, F.RoundingFGradient, F.RoundingFDerivative, F.RoundingFTape, x);
    }

    [Theory]
    [InlineData(0.3, 0.4)]
    [InlineData(-0.6, 1.1)]
    public void Pi_trigonometry_matches_differences_in_every_mode(double x, double y)
    {
        AssertBinary(F.PiTrigonometry, F.PiTrigonometryGradient, F.PiTrigonometryDerivative, F.PiTrigonometryTape, x, y);
        AssertBinaryFloat(F.PiTrigonometryF, F.PiTrigonometryFGradient, F.PiTrigonometryFTape, x, y);
    }

    [Theory]
    [InlineData(0.7, -0.4)]
    [InlineData(-1.3, 2.1)]
    public void Lerp_and_the_selections_match_differences_in_every_mode(double x, double y)
    {
        AssertBinary(F.Lerp, F.LerpGradient, F.LerpDerivative, F.LerpTape, x, y);
        AssertBinaryFloat(F.LerpF, F.LerpFGradient, F.LerpFTape, x, y);
        AssertBinary(F.Selections, F.SelectionsGradient, F.SelectionsDerivative, F.SelectionsTape, x, y);
        AssertBinaryFloat(F.SelectionsF, F.SelectionsFGradient, F.SelectionsFTape, x, y);
    }

    [Theory]
    [InlineData(0.7, 0.3)]
    [InlineData(-1.2, 0.8)]
    public void IEEE_remainders_match_differences_in_every_mode(double x, double y)
    {
        AssertBinary(F.Remainders, F.RemaindersGradient, F.RemaindersDerivative, F.RemaindersTape, x, y);
        AssertBinaryFloat(F.RemaindersF, F.RemaindersFGradient, F.RemaindersFTape, x, y);
    }

    [Theory]
    [InlineData(0.3, 0.4)]
    [InlineData(-0.6, 1.1)]
    public void SinCos_deconstructed_is_sin_and_cos_in_every_mode(double x, double y)
    {
        AssertBinary(F.SinCos, F.SinCosGradient, F.SinCosDerivative, F.SinCosTape, x, y);
        AssertBinaryFloat(F.SinCosF, F.SinCosFGradient, F.SinCosFTape, x, y);
        var (ex, ey) = Differences(F.GenericSinCos, x, y);
        F.GenericSinCosGradient(x, y, out var dx, out var dy);
        Assert.Equal(ex, dx, 7);
        Assert.Equal(ey, dy, 7);
        F.GenericSinCosGradient((float)x, (float)y, out float fx, out float fy);
        Assert.Equal(ex, fx, 3);
        Assert.Equal(ey, fy, 3);
    }

    [Theory]
    [InlineData(1.0, double.PositiveInfinity)]
    [InlineData(0.5, double.NaN)]
    public void Acosh_at_one_has_an_infinite_gradient_and_below_one_nan_as_pytorch(double x, double expected)
    {
        // derivatives.yaml: acosh's grad * (self.pow(2) - 1).rsqrt().
        AssertEdge(F.AcoshAtGradient, F.AcoshAtDerivative, F.AcoshAtTape, x, expected);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void Atanh_at_plus_or_minus_one_has_an_infinite_gradient_as_pytorch(double x) =>
        AssertEdge(F.AtanhAtGradient, F.AtanhAtDerivative, F.AtanhAtTape, x, double.PositiveInfinity);

    [Fact]
    public void LogP1_at_minus_one_and_a_cube_root_at_zero_have_infinite_gradients()
    {
        AssertEdge(F.LogP1AtGradient, F.LogP1AtDerivative, F.LogP1AtTape, -1.0, double.PositiveInfinity);
        AssertEdge(F.CubeRootAtGradient, F.CubeRootAtDerivative, F.CubeRootAtTape, 0.0, double.PositiveInfinity);
    }

    [Theory]
    [InlineData(1.0, 1.0, 1.0, 0.0)]
    [InlineData(2.0, double.NaN, 1.0, 0.0)]
    [InlineData(double.NaN, 2.0, 0.0, 1.0)]
    [InlineData(1.0, 3.0, 0.0, 1.0)]
    public void MaxNumber_and_MinNumber_give_ties_and_nans_to_x_as_torch_fmax(double x, double y, double dx, double dy)
    {
        // derivatives.yaml: fmax's self gets grad where self >= other or other is NaN, other the rest (no split).
        AssertSelection(F.MaxNumberOfGradient, F.MaxNumberOfDerivative, F.MaxNumberOfTape, x, y, dx, dy);
        var (minDx, minDy) = x == y || double.IsNaN(x) || double.IsNaN(y) ? (dx, dy) : (dy, dx);
        AssertSelection(F.MinNumberOfGradient, F.MinNumberOfDerivative, F.MinNumberOfTape, x, y, minDx, minDy);
    }

    [Theory]
    [InlineData(0.5, 0.5, 0.5, 0.5)]
    [InlineData(2.0, -2.0, 1.0, 0.0)]
    [InlineData(-3.0, 2.0, 1.0, 0.0)]
    public void MaxMagnitude_gives_the_returned_argument_the_gradient_and_splits_equal_ones(double x, double y, double dx, double dy) =>
        AssertSelection(F.MaxMagnitudeOfGradient, F.MaxMagnitudeOfDerivative, F.MaxMagnitudeOfTape, x, y, dx, dy);

    [Fact]
    public void The_new_tensor_operations_record_pytorchs_grad_fn_names()
    {
        var (x, y) = (Leaf(0.3), Leaf(1.6));
        Assert.Equal("AsinhBackward0", x.Asinh().GradFn!.Name);
        Assert.Equal("AcoshBackward0", y.Acosh().GradFn!.Name);
        Assert.Equal("AtanhBackward0", x.Atanh().GradFn!.Name);
        Assert.Equal("Exp2Backward0", x.Exp2().GradFn!.Name);
        Assert.Equal("Deg2RadBackward0", x.Deg2rad().GradFn!.Name);
        Assert.Equal("Rad2DegBackward0", x.Rad2deg().GradFn!.Name);
        Assert.Equal("FmaxBackward0", x.Fmax(y).GradFn!.Name);
        Assert.Equal("FminBackward0", x.Fmin(y).GradFn!.Name);
        Assert.Equal("LerpBackward1", x.Lerp(y, Leaf(0.25)).GradFn!.Name);
        Assert.Equal("Expm1Backward0", x.Expm1().GradFn!.Name);
        Assert.Equal("Log1PBackward0", x.Log1p().GradFn!.Name);
    }

    [Theory]
    [InlineData(0.6, -0.3)]
    [InlineData(-0.5, 1.2)]
    public void Generic_members_match_differences_for_double_and_float(double x, double y)
    {
        var (ex, ey) = Differences(F.Generic, x, y);
        F.GenericGradient(x, y, out var dx, out var dy);
        Assert.Equal(ex, dx, 7);
        Assert.Equal(ey, dy, 7);
        Assert.Equal(ex, F.GenericDerivative(x, y, 1, 0).Derivative, 7);
        F.GenericGradient((float)x, (float)y, out float fx, out float fy);
        Assert.Equal(ex, fx, 3);
        Assert.Equal(ey, fy, 3);
    }

    [Theory]
    [InlineData(0.4, -0.2)]
    [InlineData(-0.7, 0.8)]
    public void Second_order_matches_differences_of_the_gradient(double x, double y)
    {
        (double, double) Gradient(double a, double b)
        {
            F.SecondOrderGradient(a, b, out var ga, out var gb);
            return (ga, gb);
        }

        var hessian = new double[4];
        F.SecondOrderHessian(x, y, hessian);
        var hxx = Difference(a => Gradient(a, y).Item1, x);
        var hxy = Difference(b => Gradient(x, b).Item1, y);
        var hyy = Difference(b => Gradient(x, b).Item2, y);
        Assert.Equal(hxx, hessian[0], 6);
        Assert.Equal(hxy, hessian[1], 6);
        Assert.Equal(hxy, hessian[2], 6);
        Assert.Equal(hyy, hessian[3], 6);
    }

    [Theory]
    [InlineData("Math.ReciprocalEstimate(x)", "write 1.0 / x")]
    [InlineData("double.ReciprocalSqrtEstimate(x)", "write 1.0 / Math.Sqrt(x)")]
    public void The_estimates_are_refused_with_what_to_write_instead(string call, string advice)
    {
        var run = GeneratorHarness.Run("using System;\nusing AutogradGen;\npublic static partial class Functions\n{\n    [Differentiable]\n    public static double F(double x) => " + call + ";\n}\n");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("AGD0007", diagnostic.Id);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("processor's approximation", message, StringComparison.Ordinal);
        Assert.Contains(advice, message, StringComparison.Ordinal);
        Assert.DoesNotContain("DerivativeOf(typeof", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generic_estimate_is_refused_with_what_to_write_instead()
    {
        var run = GeneratorHarness.Run("using System;\nusing System.Numerics;\nusing AutogradGen;\npublic static partial class Functions\n{\n    [Differentiable]\n    public static T F<T>(T x) where T : IFloatingPointIeee754<T> => T.ReciprocalSqrtEstimate(x);\n}\n");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("AGD0067", diagnostic.Id);
        Assert.Contains("write T.One / T.Sqrt(x)", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static void AssertUnary(Func<double, double> f, GradientOf gradient, Func<double, double, (double Value, double Derivative)> derivative, Func<Tensor, Tensor> tape, double x)
    {
        var expected = Difference(f, x);
        Assert.Equal(f(x), gradient(x, out var dx), 14);
        Assert.Equal(expected, dx, 7);
        Assert.Equal(dx, derivative(x, 1).Derivative, 12);
        var leaf = Leaf(x);
        var value = tape(leaf);
        Assert.Equal(f(x), value.Item(), 12);
        value.Backward();
        Assert.Equal(dx, leaf.Grad!.Item(), 10);
    }

    private static void AssertUnaryFloat(Func<float, float> f, GradientOfFloat gradient, Func<float, float, (float Value, float Derivative)> derivative, Func<Tensor, Tensor> tape, double x)
    {
        var expected = Difference(v => f((float)v), x, 1e-3);
        var point = (float)x;
        Assert.Equal(f(point), gradient(point, out var dx));
        Assert.Equal(expected, dx, 2);
        Assert.Equal(dx, derivative(point, 1f).Derivative, 4);
        var leaf = Tensor.Scalar(point, requiresGrad: true, dtype: DType.Float32);
        tape(leaf).Backward();
        Assert.Equal(dx, leaf.Grad!.Item(), 4);
    }

    private static void AssertBinary(Func<double, double, double> f, GradientOf2 gradient, Func<double, double, double, double, (double Value, double Derivative)> derivative, Func<Tensor, Tensor, Tensor> tape, double x, double y)
    {
        var (ex, ey) = Differences(f, x, y);
        Assert.Equal(f(x, y), gradient(x, y, out var dx, out var dy), 14);
        Assert.Equal(ex, dx, 7);
        Assert.Equal(ey, dy, 7);
        Assert.Equal(dx, derivative(x, y, 1, 0).Derivative, 12);
        Assert.Equal(dy, derivative(x, y, 0, 1).Derivative, 12);
        var (xt, yt) = (Leaf(x), Leaf(y));
        var value = tape(xt, yt);
        Assert.Equal(f(x, y), value.Item(), 12);
        value.Backward();
        Assert.Equal(dx, xt.Grad?.Item() ?? 0.0, 10);
        Assert.Equal(dy, yt.Grad?.Item() ?? 0.0, 10);
    }

    private static void AssertBinaryFloat(Func<float, float, float> f, GradientOf2Float gradient, Func<Tensor, Tensor, Tensor> tape, double x, double y)
    {
        var (ex, ey) = Differences((a, b) => f((float)a, (float)b), x, y, 1e-3);
        var (px, py) = ((float)x, (float)y);
        Assert.Equal(f(px, py), gradient(px, py, out var dx, out var dy));
        Assert.Equal(ex, dx, 2);
        Assert.Equal(ey, dy, 2);
        var (xt, yt) = (Tensor.Scalar(px, requiresGrad: true, dtype: DType.Float32), Tensor.Scalar(py, requiresGrad: true, dtype: DType.Float32));
        tape(xt, yt).Backward();
        Assert.Equal(dx, xt.Grad?.Item() ?? 0.0, 4);
        Assert.Equal(dy, yt.Grad?.Item() ?? 0.0, 4);
    }

    private static void AssertEdge(GradientOf gradient, Func<double, double, (double Value, double Derivative)> derivative, Func<Tensor, Tensor> tape, double x, double expected)
    {
        gradient(x, out var dx);
        Assert.Equal(expected, dx);
        Assert.Equal(expected, derivative(x, 1).Derivative);
        var leaf = Leaf(x);
        tape(leaf).Backward();
        Assert.Equal(expected, leaf.Grad!.Item());
    }

    private static void AssertSelection(GradientOf2 gradient, Func<double, double, double, double, (double Value, double Derivative)> derivative, Func<Tensor, Tensor, Tensor> tape, double x, double y, double dx, double dy)
    {
        gradient(x, y, out var gx, out var gy);
        Assert.Equal((dx, dy), (gx, gy));
        Assert.Equal(dx, derivative(x, y, 1, 0).Derivative);
        Assert.Equal(dy, derivative(x, y, 0, 1).Derivative);
        var (xt, yt) = (Leaf(x), Leaf(y));
        tape(xt, yt).Backward();
        Assert.Equal((dx, dy), (xt.Grad?.Item() ?? 0.0, yt.Grad?.Item() ?? 0.0));
    }

    private static (double, double) Differences(Func<double, double, double> f, double x, double y, double h = H) =>
        ((f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h));

    private static double Difference(Func<double, double> f, double at, double h = H) => (f(at + h) - f(at - h)) / (2 * h);

    private static Tensor Leaf(double value) => Tensor.Scalar(value, requiresGrad: true, dtype: DType.Float64);

    private delegate double GradientOf(double x, out double xGradient);

    private delegate float GradientOfFloat(float x, out float xGradient);

    private delegate double GradientOf2(double x, double y, out double xGradient, out double yGradient);

    private delegate float GradientOf2Float(float x, float y, out float xGradient, out float yGradient);
}
