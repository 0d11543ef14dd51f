using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Graph;

/// <summary>createGraph: the backward pass is recorded and can be differentiated again.</summary>
public class HigherOrderTests
{
    [Fact]
    public void Second_derivative_of_x_cubed_at_two_is_twelve()
    {
        var x = Tensor.Scalar(2, requiresGrad: true);
        var y = x.Pow(3);
        var first = Autograd.Grad(y, x, createGraph: true)[0]!;
        Assert.Equal(12, first.Item());
        var second = Autograd.Grad(first, x)[0]!;
        Assert.Equal(12, second.Item());
    }

    [Fact]
    public void Backward_with_create_graph_leaves_a_differentiable_grad()
    {
        var x = Tensor.Scalar(2, requiresGrad: true);
        (x * x * x).Backward(createGraph: true);
        var grad = x.Grad!;
        Assert.True(grad.RequiresGrad);
        Assert.Equal(12, grad.Item());
        x.Grad = null;
        grad.Backward();
        Assert.Equal(12, x.Grad!.Item());
    }

    [Fact]
    public void Third_derivative_of_sin_is_minus_cos()
    {
        var x = Tensor.Scalar(0.7, requiresGrad: true, dtype: DType.Float64);
        var d1 = Autograd.Grad(x.Sin(), x, createGraph: true)[0]!;
        var d2 = Autograd.Grad(d1, x, createGraph: true)[0]!;
        var d3 = Autograd.Grad(d2, x)[0]!;
        Assert.Equal(-Math.Cos(0.7), d3.Item(), 12);
    }

    [Fact]
    public void Hessian_vector_product_through_a_matrix_product()
    {
        // f(x) = 0.5 xᵀAx has gradient Ax (A symmetric) and Hessian A.
        var a = Tensor.From(new double[,] { { 2, 1 }, { 1, 3 } });
        var x = Tensor.From([1.0, -1.0], requiresGrad: true);
        var f = a.MatMul(x).Dot(x) * 0.5;
        var gradient = Autograd.Grad(f, x, createGraph: true)[0]!;
        TensorAssert.Equal([1, -2], gradient);
        var hessianRow = Autograd.Grad(gradient, x, Tensor.From([1.0, 0.0]))[0]!;
        TensorAssert.Equal([2, 1], hessianRow);
    }

    [Fact]
    public void Autograd_grad_leaves_grad_untouched()
    {
        var x = Tensor.Scalar(3, requiresGrad: true);
        var grads = Autograd.Grad(x * x, x);
        Assert.Equal(6, grads[0]!.Item());
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Autograd_grad_with_respect_to_a_non_leaf_returns_its_gradient()
    {
        var x = Tensor.Scalar(3, requiresGrad: true);
        var y = x * 2;
        var z = y * y;
        Assert.Equal(12, Autograd.Grad(z, y)[0]!.Item());
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Autograd_grad_runs_only_the_branches_that_lead_to_its_inputs()
    {
        var x = Tensor.Scalar(2, requiresGrad: true);
        var other = Tensor.Scalar(3, requiresGrad: true);
        var stale = other.Exp();
        stale.Mul_(1);
        var y = x * x + stale;
        // The stale branch would fail if it ran; autograd.grad with respect to x does not need it.
        Assert.Equal(4, Autograd.Grad(y, x, retainGraph: true)[0]!.Item());
        Assert.Throws<AutogradException>(() => y.Backward());
    }

    [Fact]
    public void Autograd_grad_of_several_outputs_sums_their_contributions()
    {
        var x = Tensor.Scalar(2, requiresGrad: true);
        var grads = Autograd.Grad([x * x, x * 3], [x], [Tensor.Scalar(1), Tensor.Scalar(10)]);
        Assert.Equal(34, grads[0]!.Item());
    }
}
