using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Driver;
using AutogradGen.Generator.Tests.Functions;
using static AutogradGen.Generator.Tests.Checking.Cases;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Per-iteration checkpointing: gradients of time-stepping loops (RK4 and Euler over arrays and spans, with
/// data-dependent branches and live-in scalars) and of near misses against central differences, and which loops
/// the generator checkpoints, read from the code it generates for <c>Functions/CheckpointFunctions.cs</c>.
/// </summary>
public class CheckpointTests
{
    private const string CheckpointMarker = "// Checkpoint: ";

    private static readonly Dictionary<string, DerivativeCase> s_cases = new DerivativeCase[]
    {
        Span("Rk4Arrays", 5, CheckpointFunctions.Rk4Arrays, CheckpointFunctions.Rk4ArraysGradient, CheckpointFunctions.Rk4ArraysDerivative),
        Span("EulerSpans", 4, CheckpointFunctions.EulerSpans, CheckpointFunctions.EulerSpansGradient, CheckpointFunctions.EulerSpansDerivative),
        Span("BranchingStages", 6, CheckpointFunctions.BranchingStages, CheckpointFunctions.BranchingStagesGradient, CheckpointFunctions.BranchingStagesDerivative),
        Span("RewrittenTwice", 4, CheckpointFunctions.RewrittenTwice, CheckpointFunctions.RewrittenTwiceGradient, CheckpointFunctions.RewrittenTwiceDerivative),
        Span("PartlyRewrittenStage", 4, CheckpointFunctions.PartlyRewrittenStage, CheckpointFunctions.PartlyRewrittenStageGradient,
            CheckpointFunctions.PartlyRewrittenStageDerivative),
        Span("StageReadBeforeLoop", 4, CheckpointFunctions.StageReadBeforeLoop, CheckpointFunctions.StageReadBeforeLoopGradient,
            CheckpointFunctions.StageReadBeforeLoopDerivative),
        Span("MidpointSecondOrder", 4, CheckpointFunctions.MidpointSecondOrder, CheckpointFunctions.MidpointSecondOrderGradient,
            CheckpointFunctions.MidpointSecondOrderDerivative),
        Span("TranscendentalStages", 4, CheckpointFunctions.TranscendentalStages, CheckpointFunctions.TranscendentalStagesGradient,
            CheckpointFunctions.TranscendentalStagesDerivative),
        Span("ScalarRecurrence", 3, CheckpointFunctions.ScalarRecurrence, CheckpointFunctions.ScalarRecurrenceGradient, CheckpointFunctions.ScalarRecurrenceDerivative),
    }.ToDictionary(c => c.Name);

    private static readonly Lazy<Dictionary<string, string>> s_generated = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "AutogradGen.Generator.Tests", "Functions", "CheckpointFunctions.cs");
        var run = GeneratorHarness.Run("using System;\nusing AutogradGen;\n" + File.ReadAllText(path));
        return run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    });

    public static TheoryData<string> Names => new(s_cases.Keys);

    public static TheoryData<string> Checkpointed => new("Rk4Arrays", "EulerSpans", "BranchingStages", "RewrittenTwice", "MidpointSecondOrder");

    public static TheoryData<string> Recorded => new("PartlyRewrittenStage", "StageReadBeforeLoop", "TranscendentalStages", "ScalarRecurrence");

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_central_finite_differences(string function) =>
        DerivativeChecker.GradientMatchesFiniteDifferences(s_cases[function]);

    [Theory]
    [MemberData(nameof(Checkpointed))]
    public void A_step_loop_that_rewrites_its_stage_arrays_is_checkpointed(string function)
    {
        var pullback = Pullback(function);
        Assert.Contains(CheckpointMarker, pullback, StringComparison.Ordinal);
        Assert.Contains("// The iteration again, recording what its reverse needs:", pullback, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Recorded))]
    public void A_near_miss_keeps_recording(string function) =>
        Assert.DoesNotContain(CheckpointMarker, Pullback(function), StringComparison.Ordinal);

    [Fact]
    public void Only_the_live_in_state_is_saved()
    {
        // RK4: y is read before it is written in a step; k1…k4 are written whole before they are read.
        var rk4 = Pullback("Rk4Arrays");
        Assert.Contains("from the one before (y);", rk4, StringComparison.Ordinal);
        Assert.Contains("((global::System.ReadOnlySpan<double>)y).CopyTo(recordedDoubles.Reserve(y.Length));", rk4, StringComparison.Ordinal);
        Assert.DoesNotContain("Reserve(k1.Length)", rk4, StringComparison.Ordinal);

        // Euler: the running energy, a scalar, is live-in beside y.
        Assert.Contains("from the one before (energy, y);", Pullback("EulerSpans"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_iteration_of_a_loop_of_known_trip_count_records_instead_of_running_again()
    {
        var rk4 = Pullback("Rk4Arrays");
        Assert.Contains("int checkpointsLeft = steps - 1;", rk4, StringComparison.Ordinal);
        Assert.Contains("// The last iteration records what its reverse needs: the reverse sweep starts with it.", rk4, StringComparison.Ordinal);
        Assert.Contains("if (k + 1 < steps)", rk4, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hessian_vector_product_through_a_checkpointed_loop_matches_differences_of_the_gradient()
    {
        Assert.Contains("from the one before (parity, y);", Pullback("MidpointSecondOrder"), StringComparison.Ordinal);
        var random = new Random(5);
        for (var trial = 0; trial < 10; trial++)
        {
            var x = Enumerable.Range(0, 4).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var v = Enumerable.Range(0, 4).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var hv = new double[4];
            CheckpointFunctions.MidpointSecondOrderHessianVectorProduct(x, v, hv);
            const double h = 1e-4;
            var plus = new double[4];
            var minus = new double[4];
            CheckpointFunctions.MidpointSecondOrderGradient(x.Zip(v, (a, d) => a + h * d).ToArray(), plus);
            CheckpointFunctions.MidpointSecondOrderGradient(x.Zip(v, (a, d) => a - h * d).ToArray(), minus);
            for (var i = 0; i < 4; i++)
            {
                var expected = (plus[i] - minus[i]) / (2 * h);
                Assert.True(Math.Abs(hv[i] - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"(Hv)[{i}] is {hv[i]:R}, differences of the gradient give {expected:R}");
            }
        }
    }

    [Fact]
    public void A_checkpointed_gradient_on_spans_allocates_nothing()
    {
        var x = new[] { 0.3, -0.2, 0.5, 0.1 };
        var gradient = new double[4];
        for (var i = 0; i < 5; i++)
        {
            CheckpointFunctions.EulerSpansGradient(x, gradient);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            CheckpointFunctions.EulerSpansGradient(x, gradient);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string Pullback(string function)
    {
        var text = s_generated.Value["AutogradGen.Generator.Tests.Functions.CheckpointFunctions.Derivatives.g.cs"];
        var start = text.IndexOf(" " + function + "Pullback(", StringComparison.Ordinal);
        Assert.True(start >= 0, "no pullback for " + function);
        var end = text.IndexOf(function + "Tape(", start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }
}
