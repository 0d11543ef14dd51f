namespace AutogradGen.Tests.Checking;

/// <summary>The xunit example of docs/api-gradcheck.md, kept compiling and passing here.</summary>
public class DocumentationExampleTests
{
    private sealed class Softsign : Function
    {
        protected override Tensor Forward(FunctionContext ctx, Tensor[] inputs)
        {
            ctx.SaveForBackward(inputs[0]);
            return inputs[0] / (inputs[0].Abs() + 1);
        }

        protected override Tensor?[] Backward(FunctionContext ctx, Tensor grad)
        {
            var x = ctx.SavedTensors[0];
            var denominator = x.Abs() + 1;
            return [grad / (denominator * denominator)];
        }
    }

    [Fact]
    public void Softsign_backward_matches_central_differences()
    {
        var x = Tensor.From([-2.0, -0.5, 0.25, 3.0], requiresGrad: true);
        GradCheck.Assert(inputs => new Softsign().Apply(inputs[0]), [x]);
        GradGradCheck.Assert(inputs => new Softsign().Apply(inputs[0]), [x]);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Softsign_gradient_is_reported_with_its_error()
    {
        var x = Tensor.From([-2.0, -0.5, 0.25, 3.0], requiresGrad: true);
        var result = GradCheck.Check(inputs => new Softsign().Apply(inputs[0]), [x]);
        Assert.True(result.Passed, result.Message);
        Assert.True(result.MaxAbsoluteError < 1e-8, $"max abs error {result.MaxAbsoluteError}");
    }
}
