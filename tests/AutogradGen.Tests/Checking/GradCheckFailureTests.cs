namespace AutogradGen.Tests.Checking;

/// <summary>
/// GradCheck catches wrong backward rules with PyTorch's messages: the test of the checker itself. The expected
/// messages are PyTorch 1.13.1's, from torch.autograd.gradcheck on the same functions and values.
/// </summary>
public class GradCheckFailureTests
{
    private const string WrongProductRuleMessage =
        "Jacobian mismatch for output 0 with respect to input 1,\n" +
        "numerical:tensor([[1.0000, 0.0000, 0.0000],\n" +
        "        [0.0000, 2.0000, 0.0000],\n" +
        "        [0.0000, 0.0000, 3.0000]], dtype=torch.float64)\n" +
        "analytical:tensor([[ 1.,  0.,  0.],\n" +
        "        [-0., -2., -0.],\n" +
        "        [ 0.,  0.,  4.]], dtype=torch.float64)\n";

    private static Tensor X() => Tensor.From([1.0, 2.0, 3.0], requiresGrad: true);

    private static Tensor Y() => Tensor.From([0.5, -1.0, 2.0], requiresGrad: true);

    private static Tensor WrongProduct(Tensor x, Tensor y) => new PlantedFunctions.WrongProductRule().Apply(x, y);

    [Fact]
    public void Planted_wrong_backward_rule_fails_with_PyTorchs_message()
    {
        var result = GradCheck.Check(a => WrongProduct(a[0], a[1]), [X(), Y()]);
        Assert.False(result.Passed);
        Assert.Equal(WrongProductRuleMessage, result.Message);
    }

    [Fact]
    public void Planted_wrong_rule_fails_only_the_block_of_the_wrong_input()
    {
        var result = GradCheck.Check(a => WrongProduct(a[0], a[1]), [X(), Y()]);
        Assert.Equal([true, false], result.Jacobians.Select(c => c.Passed));
    }

    [Fact]
    public void Result_names_the_worst_entry_of_the_failing_block()
    {
        var result = GradCheck.Check(a => WrongProduct(a[0], a[1]), [X(), Y()]);
        var worst = result.Worst!;
        Assert.Equal(1, worst.InputIndex);
        Assert.Equal(new JacobianEntry(InputElement: 1, OutputElement: 1, Numerical: 2, Analytical: -2), worst.Worst with { Numerical = Math.Round(worst.Worst.Numerical, 6) });
        Assert.Equal(4, worst.MaxAbsoluteError, 6);
        Assert.Equal(2, worst.MaxRelativeError, 6);
    }

    [Fact]
    public void Assert_throws_GradCheckException_with_the_message_and_the_result()
    {
        var exception = Assert.Throws<GradCheckException>(() => GradCheck.Assert(a => WrongProduct(a[0], a[1]), [X(), Y()]));
        Assert.Equal(WrongProductRuleMessage, exception.Message);
        Assert.False(exception.Result!.Passed);
    }

    [Fact]
    public void Indices_in_the_message_count_only_differentiable_outputs_and_inputs()
    {
        // PyTorch: gradcheck(lambda c, x, y: (x * 2, Bad.apply(x, y) + c), (c, x, y)) reports output 1, input 1 (y).
        var constant = Tensor.From([4.0, 5.0, 6.0]);
        var result = GradCheck.Check(a => [a[1] * 2, WrongProduct(a[1], a[2]) + a[0]], [constant, X(), Y()]);
        Assert.Equal(WrongProductRuleMessage.Replace("output 0", "output 1", StringComparison.Ordinal), result.Message);
        var failing = Assert.Single(result.Jacobians, c => !c.Passed);
        Assert.Equal((1, 1, 2), (failing.OutputIndex, failing.InputIndex, failing.ArgumentIndex));
    }

    [Fact]
    public void Backward_that_ignores_grad_output_fails_even_where_the_Jacobian_matches()
    {
        var x = Tensor.Scalar(1.5, requiresGrad: true, dtype: DType.Float64);
        var result = GradCheck.Check(a => new PlantedFunctions.CubeIgnoringGradOutput().Apply(a[0]), [x]);
        Assert.True(result.Jacobians.All(c => c.Passed));
        Assert.Equal("backward not multiplied by grad_output", result.Message);
    }

    [Fact]
    public void Backward_that_differs_between_two_runs_fails_as_not_reentrant()
    {
        var x = X();
        var drifting = new PlantedFunctions.DriftingDouble();
        var result = GradCheck.Check(a => drifting.Apply(a[0]), [x]);
        Assert.True(result.Jacobians.All(c => c.Passed));
        Assert.StartsWith(
            "Backward is not reentrant, i.e., running backward with same input and grad_output multiple times gives different values, " +
            "although analytical gradient matches numerical gradient.The tolerance for nondeterminism was 0.0.",
            result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nondeterminism_within_nondetTol_passes()
    {
        var drifting = new PlantedFunctions.DriftingDouble();
        var result = GradCheck.Check(a => drifting.Apply(a[0]), [X()], nondetTol: 1e-6);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Function_that_computes_in_float32_is_told_to_keep_float64()
    {
        var result = GradCheck.Check(a => a[0].Float().Exp(), [X()]);
        Assert.Equal(
            "Output 0 is Float32 even when every input that requires grad is a Float64 copy, so central differences with eps=1e-06 " +
            "lose most of their digits. Keep the computation in float64 (avoid Float() and To(DType.Float32) inside the function) so that gradcheck can compare the Jacobians.",
            result.Message);
    }

    [Fact]
    public void Output_cut_from_the_graph_that_still_depends_on_the_input_fails_as_PyTorch_does()
    {
        var result = GradCheck.Check(a => (a[0] * 2).Detach(), [X()]);
        Assert.Equal("Numerical gradient for function expected to be zero", result.Message);
    }

    [Fact]
    public void No_input_that_requires_grad_is_an_argument_error_with_PyTorchs_message()
    {
        var exception = Assert.Throws<ArgumentException>(() => GradCheck.Check(a => a[0] * 2, [Tensor.From([1.0, 2.0])]));
        Assert.StartsWith("gradcheck expects at least one input tensor to require gradient, but none of them have requires_grad=True.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tolerances_loose_enough_let_the_planted_rule_pass()
    {
        var result = GradCheck.Check(a => WrongProduct(a[0], a[1]), [X(), Y()], atol: 5);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Non_positive_eps_is_rejected()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => GradCheck.Check(a => a[0], [X()], eps: 0));
        Assert.Equal("eps", exception.ParamName);
    }

    [Fact]
    public void Function_returning_a_null_output_is_an_argument_error()
    {
        var exception = Assert.Throws<ArgumentException>(() => GradCheck.Check(a => [a[0], null!], [X()]));
        Assert.StartsWith("Output 1 of the function is null; return a tensor for every output.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Float32_failure_prints_the_Jacobians_as_float32_tensors()
    {
        var x = Tensor.From([1f, 2f, 3f], requiresGrad: true);
        var y = Tensor.From([0.5f, -1f, 2f], requiresGrad: true);
        var result = GradCheck.Check(a => WrongProduct(a[0], a[1]), [x, y]);
        // Differences taken in float64 and rounded to float32 are exact here, so they print with PyTorch's integer layout.
        Assert.Equal(
            "Jacobian mismatch for output 0 with respect to input 1,\n" +
            "numerical:tensor([[1., 0., 0.],\n" +
            "        [0., 2., 0.],\n" +
            "        [0., 0., 3.]])\n" +
            "analytical:tensor([[ 1.,  0.,  0.],\n" +
            "        [-0., -2., -0.],\n" +
            "        [ 0.,  0.,  4.]])\n",
            result.Message);
    }
}
