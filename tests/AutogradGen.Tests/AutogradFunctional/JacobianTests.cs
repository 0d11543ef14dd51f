using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.AutogradFunctional;

/// <summary>Jacobians (PyTorch's <c>jacobian</c>): shapes, blocks per input and output, both strategies, central differences.</summary>
public class JacobianTests
{
    private static Tensor ExpReducer(Tensor x) => x.Exp().Sum(1);

    /// <summary>More outputs than inputs, every output depending on every input: where forward mode pays.</summary>
    private static Tensor Tall(Tensor x) => Tensor.Cat([x.Tanh() * x.Sum(), x * x * x[0], x.Sin().Sum().Unsqueeze(0)]);

    [Fact]
    public void The_jacobian_has_the_output_shape_followed_by_the_input_shape()
    {
        var x = Tensor.From([0.5, -1.0, 2.0, 0.25], [2, 2]);
        var jacobian = Autograd.Functional.Jacobian(ExpReducer, x);

        // Row i of the output depends only on row i of x.
        TensorAssert.Equal([Math.Exp(0.5), Math.Exp(-1), 0, 0, 0, 0, Math.Exp(2), Math.Exp(0.25)], jacobian, 12, [2, 2, 2]);
        Assert.False(jacobian.RequiresGrad);
    }

    [Fact]
    public void Several_inputs_give_one_block_per_input()
    {
        var blocks = Autograd.Functional.Jacobian(xs => (2 * xs[0].Exp()) + (3 * xs[1]), [Tensor.From([0.1, 0.2]), Tensor.From([1.0, 2.0])]);

        Assert.Equal(2, blocks.Length);
        TensorAssert.Equal([2 * Math.Exp(0.1), 0, 0, 2 * Math.Exp(0.2)], blocks[0], 12, [2, 2]);
        TensorAssert.Equal([3, 0, 0, 3], blocks[1], 12, [2, 2]);
    }

    [Fact]
    public void Several_outputs_give_one_block_per_output()
    {
        var blocks = Autograd.Functional.Jacobian(a => [a * a, a.Sum()], Tensor.From([1.0, 2.0, 3.0]));

        TensorAssert.Equal([2, 0, 0, 0, 4, 0, 0, 0, 6], blocks[0], 12, [3, 3]);
        TensorAssert.Equal([1, 1, 1], blocks[1], 12, [3]);
    }

    [Fact]
    public void Several_inputs_and_outputs_are_indexed_output_then_input()
    {
        var blocks = Autograd.Functional.Jacobian(xs => [xs[0] * xs[1], xs[1].Sum()], [Tensor.From([1.0, 2.0]), Tensor.From([3.0, 4.0])]);

        TensorAssert.Equal([3, 0, 0, 4], blocks[0][0], 12, [2, 2]);
        TensorAssert.Equal([1, 0, 0, 2], blocks[0][1], 12, [2, 2]);
        TensorAssert.Equal([0, 0], blocks[1][0], 12, [2]);
        TensorAssert.Equal([1, 1], blocks[1][1], 12, [2]);
    }

    [Fact]
    public void An_input_the_output_ignores_gets_a_zero_block()
    {
        var blocks = Autograd.Functional.Jacobian(xs => xs[0] * 2, [Tensor.From([1.0, 2.0]), Tensor.From([3.0, 4.0, 5.0])]);

        TensorAssert.Equal([2, 0, 0, 2], blocks[0], 12, [2, 2]);
        TensorAssert.Equal([0, 0, 0, 0, 0, 0], blocks[1], 12, [2, 3]);
    }

    [Theory]
    [InlineData(false, JacobianStrategy.ReverseMode)]
    [InlineData(true, JacobianStrategy.ReverseMode)]
    [InlineData(true, JacobianStrategy.ForwardMode)]
    public void Every_strategy_matches_central_differences(bool vectorize, JacobianStrategy strategy)
    {
        var x = Tensor.From([0.3, -0.7, 1.1]);
        var jacobian = Autograd.Functional.Jacobian(Tall, x, vectorize: vectorize, strategy: strategy);

        Assert.Equal([7, 3], jacobian.Shape);
        CentralDifferences.AssertClose(CentralDifferences.Jacobian(Tall, x), jacobian);
    }

    [Fact]
    public void Forward_mode_gives_reverse_modes_blocks_for_several_inputs_and_outputs()
    {
        Tensor[] F(Tensor[] xs) => [xs[0] * xs[1].Sum(), (xs[1] * xs[1]).Sum(0, keepDim: true), xs[0].Exp()];
        Tensor[] inputs = [Tensor.From([0.2, -0.4]), Tensor.From([1.5, 0.5, -2.0])];

        var reverse = Autograd.Functional.Jacobian(F, inputs);
        var forward = Autograd.Functional.Jacobian(F, inputs, vectorize: true, strategy: JacobianStrategy.ForwardMode);

        for (int i = 0; i < 3; i++)
        {
            for (int k = 0; k < 2; k++)
            {
                Assert.Equal(reverse[i][k].Shape, forward[i][k].Shape);
                TensorAssert.Equal(reverse[i][k].ToArray(), forward[i][k], 12);
            }
        }
    }

    [Fact]
    public void Float32_inputs_give_a_float32_jacobian()
    {
        var jacobian = Autograd.Functional.Jacobian(x => x * x, Tensor.From([1f, 2f]));

        Assert.Equal(DType.Float32, jacobian.DType);
        TensorAssert.Equal([2, 0, 0, 4], jacobian, 6, [2, 2]);
    }

    [Fact]
    public void With_createGraph_the_jacobian_is_differentiable()
    {
        var x = Tensor.From([0.5, -1.0, 2.0, 0.25], [2, 2], requiresGrad: true);
        var jacobian = Autograd.Functional.Jacobian(ExpReducer, x, createGraph: true);

        Assert.True(jacobian.RequiresGrad);
        Assert.Equal("ViewBackward0", jacobian.GradFn!.Name);
        // Σ J = Σ exp(x), whose gradient is exp(x).
        jacobian.Sum().Backward();
        TensorAssert.Equal([Math.Exp(0.5), Math.Exp(-1), Math.Exp(2), Math.Exp(0.25)], x.Grad, 12);
    }

    [Fact]
    public void The_callers_tensors_are_not_changed()
    {
        var x = Tensor.From([0.5, -1.0], requiresGrad: true);
        _ = Autograd.Functional.Jacobian(a => a.Exp(), x);

        Assert.True(x.IsLeaf);
        Assert.Null(x.Grad);
        TensorAssert.Equal([0.5, -1.0], x, 15);
    }

    [Fact]
    public void A_function_that_throws_leaves_every_gradient_as_it_was()
    {
        var x = Tensor.From([0.5, -1.0], requiresGrad: true);
        (x * 3).Sum().Backward();

        Func<Tensor, Tensor> failing = _ => throw new InvalidOperationException("user code");
        Assert.Throws<InvalidOperationException>(() => Autograd.Functional.Jacobian(failing, x));
        TensorAssert.Equal([3, 3], x.Grad, 15);
    }
}
