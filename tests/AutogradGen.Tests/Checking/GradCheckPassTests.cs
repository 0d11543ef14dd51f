namespace AutogradGen.Tests.Checking;

/// <summary>GradCheck passes on correct tape functions and reports how close the Jacobians were.</summary>
public class GradCheckPassTests
{
    private static Tensor Leaf(double[] values, int[] shape) => Tensor.From(values, shape, requiresGrad: true);

    [Fact]
    public void Composition_of_elementwise_operations_passes()
    {
        var x = Leaf([0.3, -1.2, 2.0, 0.7], [4]);
        var result = GradCheck.Check(a => (a[0].Sin() * a[0].Exp() + a[0].Tanh().Pow(2) + (a[0] * a[0] + 1).Log()).Sigmoid(), [x]);
        Assert.True(result.Passed, result.Message);
        Assert.Equal(string.Empty, result.Message);
    }

    [Fact]
    public void Broadcasting_a_row_against_a_matrix_passes_for_both_inputs()
    {
        var matrix = Leaf([1, 2, 3, 4, 5, 6], [2, 3]);
        var row = Leaf([0.5, -1, 2], [3]);
        var result = GradCheck.Check(a => (a[0] * a[1] - a[1] / (a[0] + 10)).Sum(1), [matrix, row]);
        Assert.True(result.Passed, result.Message);
        Assert.Equal(2, result.Jacobians.Count);
    }

    [Fact]
    public void Matrix_product_and_reduction_pass()
    {
        var a = Leaf([0.1, -0.4, 0.9, 1.3, -2.0, 0.5], [2, 3]);
        var b = Leaf([1.5, -0.3, 0.2, 0.8, -1.1, 0.6], [3, 2]);
        var result = GradCheck.Check(t => t[0].MatMul(t[1]).Tanh().Mean(), [a, b]);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Multi_output_function_is_checked_output_by_output()
    {
        var x = Leaf([0.5, 1.5, -0.25], [3]);
        var y = Leaf([2, -1, 0.75], [3]);
        var result = GradCheck.Check(t => [t[0] * t[1], t[0].Exp().Sum(), t[1].Pow(3)], [x, y]);
        Assert.True(result.Passed, result.Message);
        Assert.Equal([(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)], result.Jacobians.Select(c => (c.OutputIndex, c.InputIndex)));
    }

    [Fact]
    public void Float32_inputs_pass_at_the_default_tolerances_because_differences_are_taken_in_float64()
    {
        // PyTorch perturbs float32 inputs in float32 and fails this check (numerical 1.9670 for 2.).
        var x = Tensor.From([1f, 2f], requiresGrad: true);
        var result = GradCheck.Check(a => a[0] * a[0], [x]);
        Assert.True(result.Passed, result.Message);
        Assert.True(result.MaxAbsoluteError < 1e-6, $"max abs error {result.MaxAbsoluteError}");
    }

    [Fact]
    public void Mixed_float32_and_float64_inputs_pass()
    {
        var weights = Tensor.From([0.5f, -1.5f, 2f], requiresGrad: true);
        var features = Leaf([1, 2, 3], [3]);
        var result = GradCheck.Check(a => (a[0] * a[1]).Sum().Sigmoid(), [weights, features]);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Inputs_that_do_not_require_grad_are_passed_through_and_not_checked()
    {
        var constant = Tensor.From([4.0, 5.0, 6.0]);
        var x = Leaf([1, 2, 3], [3]);
        var result = GradCheck.Check(a => a[0] * a[1], [constant, x]);
        Assert.True(result.Passed, result.Message);
        var only = Assert.Single(result.Jacobians);
        Assert.Equal((0, 1), (only.InputIndex, only.ArgumentIndex));
    }

    [Fact]
    public void Integer_index_inputs_are_passed_through_unchanged()
    {
        var x = Leaf([0.1, 0.2, 0.3, 0.4], [4]);
        var index = Tensor.From([3L, 0L, 3L]);
        var result = GradCheck.Check(a => a[0].IndexSelect(0, a[1]).Exp(), [x, index]);
        Assert.True(result.Passed, result.Message);
        Assert.Single(result.Jacobians);
    }

    [Fact]
    public void Outputs_that_do_not_require_grad_are_not_compared()
    {
        var x = Leaf([0.1, 0.5, 0.3], [3]);
        var result = GradCheck.Check(a => [a[0].ArgMax(), a[0].Exp()], [x]);
        Assert.True(result.Passed, result.Message);
        var only = Assert.Single(result.Jacobians);
        Assert.Equal(0, only.OutputIndex);
    }

    [Fact]
    public void Input_that_is_itself_a_result_of_the_graph_is_checked_like_a_leaf()
    {
        var scaled = Leaf([0.1, 0.2, 0.3], [3]) * 3;
        var result = GradCheck.Check(a => a[0].Sin(), [scaled]);
        Assert.True(result.Passed, result.Message);
        Assert.Single(result.Jacobians);
    }

    [Fact]
    public void Passing_check_reports_errors_far_inside_the_tolerance()
    {
        var x = Leaf([0.2, 0.4, 0.6], [3]);
        var result = GradCheck.Check(a => a[0].Exp(), [x]);
        Assert.True(result.MaxAbsoluteError < 1e-8, $"max abs error {result.MaxAbsoluteError}");
        Assert.True(result.MaxRelativeError < 1e-8, $"max relative error {result.MaxRelativeError}");
        Assert.True(result.Worst!.WorstExcess < 1, $"worst excess {result.Worst.WorstExcess}");
    }

    [Fact]
    public void Check_leaves_the_inputs_grad_and_values_untouched()
    {
        var x = Leaf([0.2, 0.4, 0.6], [3]);
        GradCheck.Check(a => a[0].Pow(2).Sum(), [x]);
        Assert.Null(x.Grad);
        Assert.Equal([0.2, 0.4, 0.6], x.ToArray());
    }

    [Fact]
    public void Function_without_differentiable_outputs_that_ignores_its_inputs_passes()
    {
        var x = Leaf([1, 2, 3], [3]);
        var result = GradCheck.Check(_ => Tensor.Ones([2], dtype: DType.Float64), [x]);
        Assert.True(result.Passed, result.Message);
        Assert.Empty(result.Jacobians);
    }

    [Fact]
    public void Correct_custom_function_passes()
    {
        var x = Leaf([0.5, -1, 2], [3]);
        var result = GradCheck.Check(a => new PlantedFunctions.Cube().Apply(a[0]), [x]);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Assert_returns_the_result_when_the_check_passes()
    {
        var x = Leaf([0.5, -1, 2], [3]);
        var result = GradCheck.Assert(a => a[0].Tanh(), [x]);
        Assert.True(result.Passed);
        Assert.Equal("passed", result.ToString());
    }
}
