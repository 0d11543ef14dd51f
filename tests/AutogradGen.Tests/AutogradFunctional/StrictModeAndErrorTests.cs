namespace AutogradGen.Tests.AutogradFunctional;

/// <summary>PyTorch's argument checks and strict-mode errors, word for word (checked against torch.autograd.functional).</summary>
public class StrictModeAndErrorTests
{
    private static Tensor X() => Tensor.From([0.5, -1.0, 2.0, 0.25], [2, 2]);

    [Fact]
    public void A_v_of_the_wrong_size_names_both_sizes()
    {
        var error = Assert.Throws<AutogradException>(() => Autograd.Functional.Vjp(x => x.Exp().Sum(1), X(), Tensor.From([1.0, 1.0, 1.0])));
        Assert.Equal("v has invalid size: should be torch.Size([2]) but got torch.Size([3]).", error.Message);
    }

    [Fact]
    public void A_v_entry_of_the_wrong_size_names_the_entry()
    {
        var error = Assert.Throws<AutogradException>(() => Autograd.Functional.Vjp(xs => [xs[0], xs[1]], [X(), X()], [Tensor.Ones([2, 2], dtype: DType.Float64), Tensor.Ones([3], dtype: DType.Float64)]));
        Assert.Equal("Entry 1 in v has invalid size: should be torch.Size([2, 2]) but got torch.Size([3]).", error.Message);
    }

    [Fact]
    public void A_v_with_the_wrong_number_of_entries()
    {
        var error = Assert.Throws<AutogradException>(() => Autograd.Functional.Jvp(xs => xs[0] * xs[1], [X(), X()], [Tensor.Ones([2, 2], dtype: DType.Float64)]));
        Assert.Equal("v is a tuple of invalid length: should be 2 but got 1.", error.Message);
    }

    [Fact]
    public void V_may_be_omitted_only_for_one_element_inputs()
    {
        var error = Assert.Throws<AutogradException>(() => Autograd.Functional.Jvp(x => x.Exp().Sum(1), X()));
        Assert.Equal("The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.", error.Message);

        var (_, jvp) = Autograd.Functional.Jvp(x => x * x, Tensor.Scalar(3.0, dtype: DType.Float64));
        Assert.Equal(6, jvp.Item(), 12);
    }

    [Fact]
    public void Strict_vjp_refuses_an_input_the_output_ignores()
    {
        var error = Assert.Throws<AutogradException>(() => Autograd.Functional.Vjp(xs => xs[0].Sum(), [X(), X()], strict: true));
        Assert.Equal("The output of the user-provided function is independent of input 1. This is not allowed in strict mode.", error.Message);

        var (_, vjp) = Autograd.Functional.Vjp(xs => xs[0].Sum(), [X(), X()]);
        Assert.Equal(new double[4], vjp[1].ToArray());
    }

    [Fact]
    public void Strict_jacobian_refuses_an_input_the_output_ignores()
    {
        var error = Assert.Throws<AutogradException>(() => Autograd.Functional.Jacobian(xs => xs[0], [X(), X()], strict: true));
        Assert.Equal("Output 0 of the user-provided function is independent of input 1. This is not allowed in strict mode.", error.Message);
    }

    [Fact]
    public void Strict_mode_refuses_an_output_that_does_not_require_grad()
    {
        var error = Assert.Throws<AutogradException>(() => Autograd.Functional.Vjp(_ => Tensor.Zeros([2], dtype: DType.Float64), X(), Tensor.Ones([2], dtype: DType.Float64), strict: true));
        Assert.Equal("Output 0 of the user-provided function does not require gradients. The outputs must be computed in a differentiable manner from the input when running in strict mode.", error.Message);
    }

    [Fact]
    public void Strict_hessian_refuses_a_linear_function()
    {
        var error = Assert.Throws<AutogradException>(() => Autograd.Functional.Hessian(x => x.Sum(), X(), strict: true));
        Assert.Equal("While computing the hessian, found that the jacobian of the user-provided function with respect to input 0 is independent of the input. This is not allowed in strict mode. You should ensure that your function is twice differentiable and that the jacobian depends on the inputs (this would be violated by a linear function for example).", error.Message);

        // Not strict: the Hessian of a linear function is zero.
        Assert.Equal(new double[16], Autograd.Functional.Hessian(x => x.Sum(), X()).ToArray());
    }

    [Fact]
    public void Second_order_functions_need_a_one_element_result()
    {
        var hessian = Assert.Throws<AutogradException>(() => Autograd.Functional.Hessian(x => x.Exp(), X()));
        Assert.Equal("The Tensor returned by the function given to hessian should contain a single element", hessian.Message);
        var vhp = Assert.Throws<AutogradException>(() => Autograd.Functional.Vhp(x => x.Exp(), X(), X()));
        Assert.Equal("The Tensor returned by the function given to vhp should contain a single element", vhp.Message);
        var hvp = Assert.Throws<AutogradException>(() => Autograd.Functional.Hvp(x => x.Exp(), X(), X()));
        Assert.Equal("The Tensor returned by the function given to hvp should contain a single element", hvp.Message);
    }

    [Fact]
    public void Vectorize_and_strict_do_not_go_together()
    {
        var error = Assert.Throws<AutogradException>(() => Autograd.Functional.Jacobian(x => x * 2, X(), strict: true, vectorize: true));
        Assert.Equal("torch.autograd.functional.jacobian: `strict=True` and `vectorized=True` are not supported together. Please either set `strict=False` or `vectorize=False`.", error.Message);
    }

    [Fact]
    public void Forward_mode_needs_vectorize_and_allows_neither_strict_nor_createGraph()
    {
        var noVectorize = Assert.Throws<NotSupportedException>(() => Autograd.Functional.Jacobian(x => x * 2, X(), strategy: JacobianStrategy.ForwardMode));
        Assert.Equal("Computing Jacobian using forward-AD or forward-over-reverse Hessian is only implemented for `vectorize=True`.", noVectorize.Message);

        var strict = Assert.Throws<AutogradException>(() => Autograd.Functional.Jacobian(x => x * 2, X(), strict: true, vectorize: true, strategy: JacobianStrategy.ForwardMode));
        Assert.Equal("torch.autograd.functional.jacobian: `strict=True` and `strategy=\"forward-mode\"` are not supported together (yet). Please either set `strict=False` or `strategy=\"reverse-mode\"`.", strict.Message);

        var createGraph = Assert.Throws<NotSupportedException>(() => Autograd.Functional.Jacobian(x => x * 2, X(), createGraph: true, vectorize: true, strategy: JacobianStrategy.ForwardMode));
        Assert.Equal("torch.autograd.functional.jacobian: `create_graph=True` and `strategy=\"forward-mode\"` are not supported together (yet). Please either set `create_graph=False` or `strategy=\"reverse-mode\"`.", createGraph.Message);
    }

    [Fact]
    public void A_missing_input_or_output_is_named()
    {
        var input = Assert.Throws<ArgumentException>(() => Autograd.Functional.Jacobian(xs => xs[0], [X(), null!]));
        Assert.StartsWith("The inputs given to jacobian must be either a Tensor or a tuple of Tensors but the value at index 1 has type NoneType.", input.Message);

        var output = Assert.Throws<ArgumentException>(() => Autograd.Functional.Vjp(_ => (Tensor)null!, X()));
        Assert.StartsWith("The outputs of the user-provided function given to vjp must be either a Tensor or a tuple of Tensors but the given outputs of the user-provided function has type NoneType.", output.Message);
    }

    [Fact]
    public void A_failed_call_changes_no_gradient()
    {
        var x = Tensor.From([0.5, -1.0], requiresGrad: true);
        (x * 2).Sum().Backward();

        Assert.Throws<AutogradException>(() => Autograd.Functional.Vjp(a => a.Exp(), x, Tensor.From([1.0, 1.0, 1.0])));
        Assert.Throws<AutogradException>(() => Autograd.Functional.Hessian(a => a.Exp(), x));
        Assert.Equal([2.0, 2.0], x.Grad!.ToArray());
    }
}
