namespace AutogradGen.Tests.Checking;

/// <summary>GradCheck.Scalar: generated-style gradient and forward-mode methods checked through delegates.</summary>
public class ScalarGradCheckTests
{
    private static readonly double[] Start = [-1.2, 1.0];

    private static double Function(ReadOnlySpan<double> x) => Objectives.Rosenbrock(x[0], x[1]);

    private static double Gradient(ReadOnlySpan<double> x, Span<double> g) => Objectives.RosenbrockGradient(x[0], x[1], out g[0], out g[1]);

    private static double Derivative(ReadOnlySpan<double> x, ReadOnlySpan<double> t) => Objectives.RosenbrockDerivative(x[0], x[1], t[0], t[1]).Derivative;

    [Fact]
    public void Hand_written_Rosenbrock_gradient_and_derivative_pass()
    {
        var result = GradCheck.Scalar(
            x => Objectives.Rosenbrock(x[0], x[1]),
            (x, g) => Objectives.RosenbrockGradient(x[0], x[1], out g[0], out g[1]),
            (x, t) => Objectives.RosenbrockDerivative(x[0], x[1], t[0], t[1]).Derivative,
            [-1.2, 1.0]);
        Assert.True(result.Passed, result.Message);
        Assert.Equal(2, result.Jacobians.Count);
        Assert.Equal(3, result.Directions.Count);
    }

    [Fact]
    public void Gradient_entries_are_compared_with_central_differences()
    {
        var result = GradCheck.Scalar(Function, Gradient, null, Start);
        // ∇f(−1.2, 1) = (−215.6, −88).
        Assert.Equal(-215.6, result.Jacobians[0].Worst.Analytical, 10);
        Assert.Equal(-88, result.Jacobians[1].Worst.Analytical, 10);
        Assert.Equal(-215.6, result.Jacobians[0].Worst.Numerical, 5);
        Assert.True(result.MaxRelativeError < 1e-8, $"max relative error {result.MaxRelativeError}");
    }

    [Fact]
    public void Directions_are_seeded_and_compared_with_the_gradient()
    {
        var first = GradCheck.Scalar(Function, Gradient, Derivative, Start, directions: 5, seed: 3);
        var second = GradCheck.Scalar(Function, Gradient, Derivative, Start, directions: 5, seed: 3);
        Assert.Equal(5, first.Directions.Count);
        Assert.Equal(first.Directions.Select(d => d.Direction.ToArray()), second.Directions.Select(d => d.Direction.ToArray()));
        foreach (var direction in first.Directions)
        {
            double expected = (-215.6 * direction.Direction[0]) + (-88 * direction.Direction[1]);
            Assert.Equal(expected, direction.Reverse, 9);
            Assert.Equal(expected, direction.Forward, 9);
        }
    }

    [Fact]
    public void Planted_wrong_gradient_fails_with_both_gradients_printed()
    {
        var result = GradCheck.Scalar(Function, (x, g) => Objectives.RosenbrockWrongGradient(x[0], x[1], out g[0], out g[1]), null, Start);
        Assert.False(result.Passed);
        Assert.Equal(
            "Gradient mismatch with respect to input 1 at the point tensor([-1.2000,  1.0000], dtype=torch.float64),\n" +
            "numerical:tensor([-215.6000,  -88.0000], dtype=torch.float64)\n" +
            "analytical:tensor([-215.6000,  -44.0000], dtype=torch.float64)\n",
            result.Message);
        Assert.Equal([true, false], result.Jacobians.Select(c => c.Passed));
    }

    [Fact]
    public void AssertScalar_throws_on_a_planted_wrong_gradient()
    {
        var exception = Assert.Throws<GradCheckException>(() =>
            GradCheck.AssertScalar(Function, (x, g) => Objectives.RosenbrockWrongGradient(x[0], x[1], out g[0], out g[1]), null, Start));
        Assert.StartsWith("Gradient mismatch with respect to input 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_mode_check_catches_a_wrong_directional_derivative()
    {
        var result = GradCheck.Scalar(Function, Gradient,
            (x, t) => Objectives.RosenbrockWrongDerivative(x[0], x[1], t[0], t[1]).Derivative, Start);
        Assert.True(result.Jacobians.All(c => c.Passed));
        Assert.All(result.Directions, d => Assert.False(d.Passed));
        Assert.StartsWith(
            "Directional derivative mismatch along direction 0 at the point tensor([-1.2000,  1.0000], dtype=torch.float64),\nforward mode:",
            result.Message, StringComparison.Ordinal);
        Assert.Contains("\nreverse mode <gradient, direction>:", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gradient_that_returns_a_different_value_than_the_function_fails()
    {
        var result = GradCheck.Scalar(Function, (x, g) => Gradient(x, g) + 1, null, [0.0, 0.0]);
        Assert.Equal(
            "The gradient function returned the value 2.0 but the function gives 1.0 at the point tensor([0., 0.], dtype=torch.float64): both must compute the same function.",
            result.Message);
    }

    [Fact]
    public void Gradient_that_changes_between_calls_fails_as_not_deterministic()
    {
        int calls = 0;
        var result = GradCheck.Scalar(Function, (x, g) =>
        {
            double value = Gradient(x, g);
            g[0] += ++calls * 1e-12;
            return value;
        }, null, Start);
        Assert.StartsWith("The gradient function is not deterministic: two calls at the same point gave different gradients,\nfirst:", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Float_Rosenbrock_passes_at_the_float_defaults()
    {
        var result = GradCheck.Scalar(
            x => Objectives.RosenbrockF(x[0], x[1]),
            (x, g) => Objectives.RosenbrockFGradient(x[0], x[1], out g[0], out g[1]),
            (x, t) => Objectives.RosenbrockFDerivative(x[0], x[1], t[0], t[1]).Derivative,
            [-1.2f, 1.0f]);
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Float_planted_wrong_gradient_fails_with_float_tensors_printed()
    {
        var result = GradCheck.Scalar(
            x => Objectives.RosenbrockF(x[0], x[1]),
            (x, g) => { float value = Objectives.RosenbrockFGradient(x[0], x[1], out g[0], out g[1]); g[0] *= 1.1f; return value; },
            null,
            [-1.2f, 1.0f]);
        Assert.StartsWith("Gradient mismatch with respect to input 0 at the point tensor([-1.2000,  1.0000]),\n", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Span_parameter_methods_fit_the_delegates()
    {
        var result = GradCheck.Scalar(Objectives.LogisticLoss, Objectives.LogisticLossGradient, null, [0.3, -0.7, 1.1, 0.2]);
        Assert.True(result.Passed, result.Message);
        Assert.Equal(4, result.Jacobians.Count);
    }

    [Fact]
    public void Span_and_scalar_parameters_fit_by_slicing_and_accumulating_gradients_start_from_zero()
    {
        var result = GradCheck.Scalar(
            x => Objectives.BiasedLogisticLoss(x[..3], x[3]),
            (x, g) => Objectives.BiasedLogisticLossGradient(x[..3], x[3], g[..3], out g[3]),
            null,
            [0.3, -0.7, 1.1, 0.2]);
        Assert.True(result.Passed, result.Message);
    }
}
