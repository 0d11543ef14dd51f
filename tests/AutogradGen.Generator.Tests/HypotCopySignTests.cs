using AutogradGen.Generator.Tests.Functions;
using F = AutogradGen.Generator.Tests.Functions.HypotCopySignFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// double.Hypot and CopySign: every mode against central differences, the tape twin against the fused gradient,
/// and the edges PyTorch decides (hypot at (0, 0) is NaN, copysign's derivative is 0 where x is 0).
/// </summary>
public class HypotCopySignTests
{
    private const double H = 1e-6;

    private static (double, double) Differences(Func<double, double, double> f, double x, double y) =>
        ((f(x + H, y) - f(x - H, y)) / (2 * H), (f(x, y + H) - f(x, y - H)) / (2 * H));

    [Theory]
    [InlineData(0.7, -0.4)]
    [InlineData(-1.3, 2.1)]
    public void Hypot_matches_differences_in_every_mode(double x, double y)
    {
        var (ex, ey) = Differences(F.Hypot, x, y);
        Assert.Equal(F.Hypot(x, y), F.HypotGradient(x, y, out var dx, out var dy), 14);
        Assert.Equal((ex, ey), (dx, dy), Close(1e-8));
        Assert.Equal(ex, F.HypotDerivative(x, y, 1, 0).Derivative, 8);
        Assert.Equal(ey, F.HypotDerivative(x, y, 0, 1).Derivative, 8);
        AssertTwin(F.HypotTape, x, y, dx, dy);

        F.HypotFGradient((float)x, (float)y, out float fx, out float fy);
        Assert.Equal(ex, fx, 4);
        Assert.Equal(ey, fy, 4);
        Assert.Equal(ex, F.HypotFDerivative((float)x, (float)y, 1f, 0f).Derivative, 4);
    }

    [Theory]
    [InlineData(0.7, -0.4)]
    [InlineData(-1.3, 2.1)]
    [InlineData(0.2, 0.9)]
    public void CopySign_matches_differences_in_every_mode(double x, double y)
    {
        var (ex, ey) = Differences(F.CopySign, x, y);
        Assert.Equal(F.CopySign(x, y), F.CopySignGradient(x, y, out var dx, out var dy), 14);
        Assert.Equal((ex, ey), (dx, dy), Close(1e-7));
        Assert.Equal(0.0, dy);
        Assert.Equal(ex, F.CopySignDerivative(x, y, 1, 0).Derivative, 8);
        Assert.Equal(0.0, F.CopySignDerivative(x, y, 0, 1).Derivative);
        AssertTwin(F.CopySignTape, x, y, dx, dy);

        F.CopySignFGradient((float)x, (float)y, out float fx, out float fy);
        Assert.Equal(ex, fx, 4);
        Assert.Equal(0f, fy);
    }

    [Fact]
    public void Hypot_at_the_origin_has_nan_gradient_as_pytorch()
    {
        // derivatives.yaml: hypot's self/other grads are grad * self / result, 0 / 0 at the origin.
        F.HypotAtOriginGradient(0, 0, out var dx, out var dy);
        Assert.True(double.IsNaN(dx) && double.IsNaN(dy));
        Assert.True(double.IsNaN(F.HypotAtOriginDerivative(0, 0, 1, 0).Derivative));
        var (xt, yt) = (Leaf(0), Leaf(0));
        F.HypotAtOriginTape(xt, yt).Backward();
        Assert.True(double.IsNaN(xt.Grad!.Item()) && double.IsNaN(yt.Grad!.Item()));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-0.0, -1.0)]
    public void CopySign_of_zero_has_zero_derivative_as_pytorch(double x, double y)
    {
        // copysign_tensor_self_backward: result / self, masked to 0 where self == 0.
        F.CopySignAtZeroGradient(x, y, out var dx, out var dy);
        Assert.Equal((0.0, 0.0), (dx, dy));
        Assert.Equal(0.0, F.CopySignAtZeroDerivative(x, y, 1, 1).Derivative);
        var (xt, yt) = (Leaf(x), Leaf(y));
        F.CopySignAtZeroTape(xt, yt).Backward();
        Assert.Equal(0.0, xt.Grad!.Item());
        Assert.Equal(0.0, yt.Grad!.Item());
    }

    [Fact]
    public void Copysign_and_hypot_record_pytorchs_grad_fn_names()
    {
        var (x, y) = (Leaf(0.3), Leaf(-0.8));
        Assert.Equal("HypotBackward0", x.Hypot(y).GradFn!.Name);
        Assert.Equal("CopysignBackward0", x.Copysign(y).GradFn!.Name);
    }

    [Theory]
    [InlineData(0.6, -0.3)]
    [InlineData(-0.5, 1.2)]
    public void Generic_hypot_and_copysign_match_differences_for_double_and_float(double x, double y)
    {
        var (ex, ey) = Differences(F.Generic, x, y);
        F.GenericGradient(x, y, out var dx, out var dy);
        Assert.Equal((ex, ey), (dx, dy), Close(1e-7));
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
        var (hxx, hxy) = (Difference(a => Gradient(a, y).Item1, x), Difference(b => Gradient(x, b).Item1, y));
        var hyy = Difference(b => Gradient(x, b).Item2, y);
        Assert.Equal(hxx, hessian[0], 6);
        Assert.Equal(hxy, hessian[1], 6);
        Assert.Equal(hxy, hessian[2], 6);
        Assert.Equal(hyy, hessian[3], 6);
    }

    private static double Difference(Func<double, double> f, double at) => (f(at + H) - f(at - H)) / (2 * H);

    private static Tensor Leaf(double value) => Tensor.Scalar(value, requiresGrad: true, dtype: DType.Float64);

    private static void AssertTwin(Func<Tensor, Tensor, Tensor> twin, double x, double y, double dx, double dy)
    {
        var (xt, yt) = (Leaf(x), Leaf(y));
        twin(xt, yt).Backward();
        Assert.Equal(dx, xt.Grad!.Item(), 12);
        Assert.Equal(dy, yt.Grad?.Item() ?? 0.0, 12);
    }

    private static IEqualityComparer<(double, double)> Close(double tolerance) =>
        EqualityComparer<(double, double)>.Create((a, b) => Math.Abs(a.Item1 - b.Item1) <= tolerance && Math.Abs(a.Item2 - b.Item2) <= tolerance);
}
