namespace AutogradGen.Tests.Graph;

/// <summary>User-defined operations through <see cref="Function"/>, like torch.autograd.Function.</summary>
public class CustomFunctionTests
{
    private sealed class Cube : Function
    {
        protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs)
        {
            ctx.SaveForBackward(inputs[0]);
            return inputs[0] * inputs[0] * inputs[0];
        }

        protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad)
        {
            var x = ctx.SavedTensors[0];
            return [grad * 3 * x * x];
        }
    }

    private sealed class ScaledSum : Function
    {
        public bool[] NeedsGrad { get; } = new bool[2];

        protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs)
        {
            NeedsGrad[0] = ctx.NeedsInputGrad(0);
            return inputs[0] * 2 + inputs[1];
        }

        protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad)
        {
            NeedsGrad[0] = ctx.NeedsInputGrad(0);
            NeedsGrad[1] = ctx.NeedsInputGrad(1);
            return [grad * 2, ctx.NeedsInputGrad(1) ? grad : null];
        }
    }

    private sealed class WrongArity : Function
    {
        protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs) => inputs[0] + inputs[1];

        protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad) => [grad];
    }

    [Fact]
    public void Custom_function_records_a_node_named_after_the_class()
    {
        var x = Tensor.Scalar(2, requiresGrad: true);
        var y = new Cube().Apply(x);
        Assert.Equal(8, y.Item());
        Assert.Equal("CubeBackward", y.GradFn!.Name);
    }

    [Fact]
    public void Custom_function_backward_gives_the_gradient()
    {
        var x = Tensor.Scalar(2, requiresGrad: true);
        new Cube().Apply(x).Backward();
        Assert.Equal(12, x.Grad!.Item());
    }

    [Fact]
    public void Custom_function_can_be_differentiated_twice()
    {
        var x = Tensor.Scalar(2, requiresGrad: true);
        var first = Autograd.Grad(new Cube().Apply(x), x, createGraph: true)[0]!;
        Assert.Equal(12, Autograd.Grad(first, x)[0]!.Item());
    }

    [Fact]
    public void Context_reports_which_inputs_need_gradients()
    {
        var x = Tensor.Scalar(1, requiresGrad: true);
        var constant = Tensor.Scalar(5);
        var function = new ScaledSum();
        function.Apply(x, constant).Backward();
        Assert.Equal([true, false], function.NeedsGrad);
        Assert.Equal(2, x.Grad!.Item());
    }

    [Fact]
    public void Custom_function_without_inputs_that_require_grad_is_not_recorded()
    {
        var y = new Cube().Apply(Tensor.Scalar(2));
        Assert.Null(y.GradFn);
        Assert.False(y.RequiresGrad);
    }

    [Fact]
    public void Wrong_number_of_gradients_fails_with_pytorch_wording()
    {
        var a = Tensor.Scalar(1, requiresGrad: true);
        var b = Tensor.Scalar(1, requiresGrad: true);
        var y = new WrongArity().Apply(a, b);
        var error = Assert.Throws<AutogradException>(() => y.Backward());
        Assert.Equal("function WrongArityBackward returned an incorrect number of gradients (expected 2, got 1)", error.Message);
    }

    [Fact]
    public void Saved_tensors_of_a_custom_function_are_checked_for_in_place_changes()
    {
        var x = Tensor.Scalar(2, requiresGrad: true);
        var y = x * 1;
        var z = new Cube().Apply(y);
        y.Mul_(3);
        var error = Assert.Throws<AutogradException>(() => z.Backward());
        Assert.Contains("which is output 0 of MulBackward0, is at version 1; expected version 0 instead.", error.Message);
    }
}
