using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// The tape twin of a method calling a [DerivativeOf] callee records the user's partials as numbers. First
/// derivatives stay right, also under createGraph; a second derivative through the call throws PyTorch's
/// once_differentiable error instead of silently leaving out the callee's curvature.
/// </summary>
public class TapeUserDerivativeSecondOrderTests
{
    private const string OnceDifferentiable = "trying to differentiate twice a function that was marked with @once_differentiable";

    [Fact]
    public void First_derivatives_under_create_graph_are_the_generated_gradient()
    {
        var x = Tensor.Scalar(0.7, requiresGrad: true, DType.Float64);
        var y = Tensor.Scalar(-1.2, requiresGrad: true, DType.Float64);
        var output = CallFunctions.CallsUserDerivativeTape(x, y);
        var grads = Autograd.Grad([output], [x, y], createGraph: true);

        CallFunctions.CallsUserDerivativeGradient(0.7, -1.2, out double gx, out double gy);
        Assert.Equal(gx, grads[0]!.Item(), 12);
        Assert.Equal(gy, grads[1]!.Item(), 12);
        Assert.True(grads[0]!.RequiresGrad);
    }

    [Fact]
    public void Hvp_and_Hessian_through_the_call_throw_and_say_what_to_use()
    {
        var x = Tensor.Scalar(0.7, dtype: DType.Float64);
        var y = Tensor.Scalar(-1.2, dtype: DType.Float64);
        Func<Tensor[], Tensor> twin = xs => CallFunctions.CallsUserDerivativeTape(xs[0], xs[1]);

        var hvp = Assert.Throws<AutogradException>(() => Autograd.Functional.Hvp(twin, [x, y], [Tensor.Scalar(1.0, dtype: DType.Float64), Tensor.Scalar(0.5, dtype: DType.Float64)]));
        Assert.StartsWith(OnceDifferentiable, hvp.Message);
        Assert.Contains("Softplus", hvp.Message);
        Assert.Contains("SecondOrder = true", hvp.Message);

        var hessian = Assert.Throws<AutogradException>(() => Autograd.Functional.Hessian(twin, [x, y]));
        Assert.StartsWith(OnceDifferentiable, hessian.Message);
    }

    [Fact]
    public void A_callee_reached_only_linearly_is_guarded_too()
    {
        // d²/dx² (softplus(x) + x²) = σ(x)(1 − σ(x)) + 2: the tape cannot give the first term, so it must not give 2.
        var x = Tensor.Scalar(0.3, requiresGrad: true, DType.Float64);
        var first = Autograd.Grad([CallFunctions.UserDerivativePlusSquareTape(x)], [x], createGraph: true)[0]!;
        CallFunctions.UserDerivativePlusSquareGradient(0.3, out double expected);
        Assert.Equal(expected, first.Item(), 12);

        var error = Assert.Throws<AutogradException>(() => Autograd.Grad([first], [x]));
        Assert.StartsWith(OnceDifferentiable, error.Message);
    }

    [Fact]
    public void A_failed_second_backward_leaves_grad_unchanged()
    {
        var x = Tensor.Scalar(0.3, requiresGrad: true, DType.Float64);
        var first = Autograd.Grad([CallFunctions.UserDerivativePlusSquareTape(x)], [x], createGraph: true)[0]!;
        Assert.Null(x.Grad);
        Assert.Throws<AutogradException>(() => first.Backward());
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Without_create_graph_nothing_is_guarded()
    {
        var x = Tensor.Scalar(0.3, requiresGrad: true, DType.Float64);
        CallFunctions.UserDerivativePlusSquareTape(x).Backward();
        CallFunctions.UserDerivativePlusSquareGradient(0.3, out double expected);
        Assert.Equal(expected, x.Grad!.Item(), 12);
        Assert.Null(x.Grad!.GradFn);
    }
}
