using AutogradGen.CrossChecks.Corpus;

namespace AutogradGen.CrossChecks.Checker;

/// <summary>The cross-check itself: plant a wrong derivative and see it reported, with the gradients side by side.</summary>
public class CheckerSelfTests
{
    private static CorpusFunction Planted => ReflectedFunction.Create(typeof(PlantedMistakes).GetMethod(nameof(PlantedMistakes.CubeThroughWrongDerivative))!);

    [Fact]
    public void A_wrong_user_derivative_is_caught_by_central_differences_at_every_random_point()
    {
        var failures = CrossCheck.Disagreements(Planted);

        Assert.Equal(CrossCheck.RandomPoints, failures.Count);
        Assert.All(failures, f => Assert.Contains("∂f/∂x0: generated and central differences differ; ∂f/∂x0: tape and central differences differ", f, StringComparison.Ordinal));
    }

    [Fact]
    public void The_failure_message_names_the_function_and_point_and_prints_the_three_gradients_side_by_side()
    {
        var failure = CrossCheck.Disagreements(Planted)[0];
        var lines = failure.Split('\n');

        Assert.StartsWith("CubeThroughWrongDerivative at (", lines[0], StringComparison.Ordinal);
        Assert.Contains("generated", lines[1], StringComparison.Ordinal);
        Assert.Contains("tape", lines[1], StringComparison.Ordinal);
        Assert.Contains("central differences", lines[1], StringComparison.Ordinal);
        var x = double.Parse(lines[0].Split('(', ')')[1], System.Globalization.CultureInfo.InvariantCulture);
        var columns = lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("x0", columns[0]);
        Assert.Equal((2 * x * x) + 1, double.Parse(columns[1], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal((2 * x * x) + 1, double.Parse(columns[2], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal((3 * x * x) + 1, double.Parse(columns[3], System.Globalization.CultureInfo.InvariantCulture), 6);
    }

    [Fact]
    public void A_gradient_corrupted_in_the_last_digits_is_caught_against_the_tape()
    {
        var honest = CorpusRegistry.Functions["Classic.Rosenbrock"];
        var corrupted = honest with
        {
            Gradient = point =>
            {
                var (value, gradient) = honest.Gradient(point);
                gradient[1] *= 1 + 1e-9;
                return (value, gradient);
            },
        };

        var failures = CrossCheck.Disagreements(corrupted);

        Assert.Equal(CrossCheck.RandomPoints, failures.Count);
        Assert.All(failures, f => Assert.Contains("∂f/∂x1: generated and tape differ beyond 1E-12", f, StringComparison.Ordinal));
    }

    [Fact]
    public void A_forward_mode_that_disagrees_with_reverse_mode_is_caught()
    {
        var honest = CorpusRegistry.Functions["Classic.Himmelblau"];
        var corrupted = honest with { Directional = (point, direction) => { var (v, d) = honest.Directional(point, direction); return (v, d + 1e-6); } };

        var failures = CrossCheck.Disagreements(corrupted);

        Assert.Equal(CrossCheck.RandomPoints, failures.Count);
        Assert.All(failures, f => Assert.Contains("forward mode: ⟨∇f, v⟩ =", f, StringComparison.Ordinal));
    }

    [Fact]
    public void An_infinite_gradient_on_one_side_only_is_caught()
    {
        var honest = CorpusRegistry.Functions["MathFunctions.SquareRoot"];
        var corrupted = honest with
        {
            Tape = point =>
            {
                var (value, gradient) = honest.Tape(point);
                return (value, point[0] == 0 ? [0.0] : gradient);
            },
        };

        var failures = CrossCheck.Disagreements(corrupted);

        var failure = Assert.Single(failures);
        Assert.Contains("∂f/∂x0: generated is Infinity but tape is 0", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_honest_functions_the_corruptions_start_from_pass()
    {
        Assert.Empty(CrossCheck.Disagreements(CorpusRegistry.Functions["Classic.Rosenbrock"]));
        Assert.Empty(CrossCheck.Disagreements(CorpusRegistry.Functions["Classic.Himmelblau"]));
        Assert.Empty(CrossCheck.Disagreements(CorpusRegistry.Functions["MathFunctions.SquareRoot"]));
    }
}
