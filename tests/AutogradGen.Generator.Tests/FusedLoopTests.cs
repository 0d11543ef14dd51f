using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Driver;
using AutogradGen.Generator.Tests.Functions;
using static AutogradGen.Generator.Tests.Checking.Cases;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// One-pass loops: gradients of loops that run forward and reverse together (and of near misses that must not)
/// against finite differences, and which of them the generator fuses, read from the code it generates for
/// <c>Functions/FusedLoopFunctions.cs</c>.
/// </summary>
public class FusedLoopTests
{
    private const string FusedMarker = "// Runs once, each iteration's reverse right after its forward";

    private static readonly Dictionary<string, DerivativeCase> s_cases = new DerivativeCase[]
    {
        Span("ScaledAccumulator", 5, FusedLoopFunctions.ScaledAccumulator, FusedLoopFunctions.ScaledAccumulatorGradient, FusedLoopFunctions.ScaledAccumulatorDerivative),
        Span("ActiveCoefficientFixedBefore", 4, FusedLoopFunctions.ActiveCoefficientFixedBefore, FusedLoopFunctions.ActiveCoefficientFixedBeforeGradient,
            FusedLoopFunctions.ActiveCoefficientFixedBeforeDerivative),
        Span("TwoAccumulators", 5, FusedLoopFunctions.TwoAccumulators, FusedLoopFunctions.TwoAccumulatorsGradient, FusedLoopFunctions.TwoAccumulatorsDerivative),
        Span("NestedLoopWithRecords", 4, FusedLoopFunctions.NestedLoopWithRecords, FusedLoopFunctions.NestedLoopWithRecordsGradient,
            FusedLoopFunctions.NestedLoopWithRecordsDerivative),
        Span("AccumulatorSquaredAfter", 4, FusedLoopFunctions.AccumulatorSquaredAfter, FusedLoopFunctions.AccumulatorSquaredAfterGradient,
            FusedLoopFunctions.AccumulatorSquaredAfterDerivative),
        Span("AccumulatorReadInside", 4, FusedLoopFunctions.AccumulatorReadInside, FusedLoopFunctions.AccumulatorReadInsideGradient,
            FusedLoopFunctions.AccumulatorReadInsideDerivative),
        Span("CoefficientComputedInLoop", 4, FusedLoopFunctions.CoefficientComputedInLoop, FusedLoopFunctions.CoefficientComputedInLoopGradient,
            FusedLoopFunctions.CoefficientComputedInLoopDerivative),
        Span("InputReassignedAfterLoop", 4, FusedLoopFunctions.InputReassignedAfterLoop, FusedLoopFunctions.InputReassignedAfterLoopGradient,
            FusedLoopFunctions.InputReassignedAfterLoopDerivative),
        Span("AccumulatedCall", 5, FusedLoopFunctions.AccumulatedCall, FusedLoopFunctions.AccumulatedCallGradient, FusedLoopFunctions.AccumulatedCallDerivative),
        Span("AccumulatorInLoopCondition", 4, FusedLoopFunctions.AccumulatorInLoopCondition, FusedLoopFunctions.AccumulatorInLoopConditionGradient,
            FusedLoopFunctions.AccumulatorInLoopConditionDerivative),
    }.ToDictionary(c => c.Name);

    private static readonly Lazy<Dictionary<string, string>> s_generated = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "AutogradGen.Generator.Tests", "Functions", "FusedLoopFunctions.cs");
        var run = GeneratorHarness.Run("using System;\nusing AutogradGen;\n" + File.ReadAllText(path));
        return run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    });

    public static TheoryData<string> Names => new(s_cases.Keys);

    public static TheoryData<string> OnePass => new("ScaledAccumulator", "ActiveCoefficientFixedBefore", "TwoAccumulators", "NestedLoopWithRecords", "AccumulatedCall");

    public static TheoryData<string> TwoSweeps => new("AccumulatorSquaredAfter", "AccumulatorReadInside", "CoefficientComputedInLoop", "InputReassignedAfterLoop", "AccumulatorInLoopCondition");

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_central_finite_differences(string function) =>
        DerivativeChecker.GradientMatchesFiniteDifferences(s_cases[function]);

    [Theory]
    [MemberData(nameof(OnePass))]
    public void A_loop_whose_accumulator_adjoint_is_known_before_it_runs_once(string function)
    {
        var pullback = Pullback(function);
        Assert.Contains(FusedMarker, pullback, StringComparison.Ordinal);
        Assert.Contains("// (reversed with its forward sweep above)", pullback, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TwoSweeps))]
    public void A_near_miss_keeps_its_reverse_loop(string function) =>
        Assert.DoesNotContain(FusedMarker, Pullback(function), StringComparison.Ordinal);

    [Fact]
    public void The_exit_adjoint_is_the_seed_times_the_coefficient_of_the_accumulator_in_the_result() =>
        Assert.Contains("double sumBarAtExit = seed * -2.5;", Pullback("ScaledAccumulator"), StringComparison.Ordinal);

    [Fact]
    public void Each_accumulator_gets_its_own_exit_adjoint()
    {
        var pullback = Pullback("TwoAccumulators");
        Assert.Contains("double squaresBarAtExit = seed;", pullback, StringComparison.Ordinal);
        Assert.Contains("double sinesBarAtExit = seed * -3.0;", pullback, StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_coefficient_is_read_before_the_loop_and_still_receives_its_adjoint()
    {
        var pullback = Pullback("ActiveCoefficientFixedBefore");
        Assert.Contains("double sumBarAtExit = seed * (scale / 4.0);", pullback, StringComparison.Ordinal);
        Assert.Contains("scaleBar +=", pullback, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accumulated_call_is_replaced_by_its_pullback_which_returns_the_value()
    {
        var pullback = Pullback("AccumulatedCall");
        Assert.Contains("total = total - global::AutogradGen.Generator.Tests.Functions.FusedLoopFunctions.SmoothMaximumPullback(terms, -totalBarAtExit, ",
            pullback, StringComparison.Ordinal);
        Assert.DoesNotContain("FusedLoopFunctions.SmoothMaximum(terms)", pullback, StringComparison.Ordinal);
    }

    [Fact]
    public void A_buffer_rewritten_whole_in_each_iteration_saves_nothing_in_a_one_pass_loop() =>
        Assert.DoesNotContain("recordedDoubles", Pullback("AccumulatedCall"), StringComparison.Ordinal);

    [Fact]
    public void The_gradient_of_a_one_pass_loop_is_added_to_what_the_caller_passed()
    {
        double[] v = [0.5, -1.0, 2.0];
        double[] gradient = [1, 2, 3];
        double[] alone = new double[3];
        FusedLoopFunctions.ScaledAccumulatorGradient(v, alone);
        FusedLoopFunctions.ScaledAccumulatorGradient(v, gradient);
        Assert.Equal([1 + alone[0], 2 + alone[1], 3 + alone[2]], gradient);
    }

    /// <summary>The generated pullback of one function: from its signature to the tape twin that follows it.</summary>
    private static string Pullback(string function)
    {
        var text = s_generated.Value["AutogradGen.Generator.Tests.Functions.FusedLoopFunctions.Derivatives.g.cs"];
        var start = text.IndexOf(" " + function + "Pullback(", StringComparison.Ordinal);
        Assert.True(start >= 0, "no pullback for " + function);
        var end = text.IndexOf(function + "Tape(", start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }
}
