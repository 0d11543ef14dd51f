namespace AutogradGen.Tests.Checking;

/// <summary>GradGradCheck: second derivatives through createGraph, as torch.autograd.gradgradcheck.</summary>
public class GradGradCheckTests
{
    private static Tensor X() => Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);

    [Fact]
    public void Tanh_passes()
    {
        var result = GradGradCheck.Check(a => a[0].Tanh(), [Tensor.From([-0.8, 0.1, 1.3], requiresGrad: true)]);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Cube_through_pow_passes()
    {
        var result = GradGradCheck.Check(a => a[0].Pow(3), [X()]);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Cube_as_a_custom_function_with_a_differentiable_backward_passes()
    {
        var result = GradGradCheck.Check(a => new PlantedFunctions.Cube().Apply(a[0]), [X()]);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Two_inputs_with_broadcasting_and_two_outputs_pass()
    {
        var matrix = Tensor.From([0.2, -0.5, 1.1, 0.7, -1.3, 0.4], [2, 3], requiresGrad: true);
        var row = Tensor.From([0.3, 0.9, -0.6], requiresGrad: true);
        var result = GradGradCheck.Check(a => [(a[0] * a[1]).Sigmoid(), (a[0].Exp() * a[1]).Sum()], [matrix, row]);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Jacobians_cover_the_inputs_and_the_grad_outputs()
    {
        var result = GradGradCheck.Check(a => a[0].Pow(3), [X()]);
        Assert.Equal([(0, 0), (0, 1)], result.Jacobians.Select(c => (c.OutputIndex, c.InputIndex)));
    }

    [Fact]
    public void Backward_computed_from_detached_values_fails_with_PyTorchs_message()
    {
        // PyTorch: gradgradcheck(Det.apply, (x,), (v,)) with the same x and v.
        var v = Tensor.From([1.0, -0.5, 0.25], requiresGrad: true);
        var result = GradGradCheck.Check(a => new PlantedFunctions.DetachedCube().Apply(a[0]), [X()], gradOutputs: [v]);
        Assert.Equal(
            "Jacobian mismatch for output 0 with respect to input 0,\n" +
            "numerical:tensor([[ 6.0000,  0.0000,  0.0000],\n" +
            "        [ 0.0000, -6.0000,  0.0000],\n" +
            "        [ 0.0000,  0.0000,  4.5000]], dtype=torch.float64)\n" +
            "analytical:tensor([[0., 0., 0.],\n" +
            "        [0., 0., 0.],\n" +
            "        [0., 0., 0.]], dtype=torch.float64)\n",
            result.Message);
    }

    [Fact]
    public void Detached_backward_passes_the_first_order_check_it_fails_at_second_order()
    {
        var first = GradCheck.Check(a => new PlantedFunctions.DetachedCube().Apply(a[0]), [X()]);
        Assert.True(first.Passed, first.Message);
    }

    [Fact]
    public void Random_grad_outputs_fail_the_detached_backward_too()
    {
        var exception = Assert.Throws<GradCheckException>(() => GradGradCheck.Assert(a => new PlantedFunctions.DetachedCube().Apply(a[0]), [X()]));
        Assert.StartsWith("Jacobian mismatch for output 0 with respect to input 0,\n", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_seed_draws_the_same_grad_outputs()
    {
        var first = GradGradCheck.Check(a => new PlantedFunctions.DetachedCube().Apply(a[0]), [X()], seed: 7);
        var second = GradGradCheck.Check(a => new PlantedFunctions.DetachedCube().Apply(a[0]), [X()], seed: 7);
        var other = GradGradCheck.Check(a => new PlantedFunctions.DetachedCube().Apply(a[0]), [X()], seed: 8);
        Assert.Equal(first.Message, second.Message);
        Assert.NotEqual(first.Message, other.Message);
    }

    [Fact]
    public void Grad_outputs_of_the_wrong_count_are_rejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => GradGradCheck.Check(a => a[0].Pow(3), [X()], gradOutputs: []));
        Assert.Equal("gradOutputs", exception.ParamName);
    }
}
