using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Functions;
using static AutogradGen.Generator.Tests.Checking.Cases;

namespace AutogradGen.Generator.Tests;

/// <summary>Compile-and-run: loops (recorded trip counts, branch decisions, overwritten values) and local arrays.</summary>
public class LoopAndArrayDerivativeTests
{
    private static readonly Dictionary<string, DerivativeCase> s_cases = new DerivativeCase[]
    {
        Span("SumOfSquares", 5, LoopFunctions.SumOfSquares, LoopFunctions.SumOfSquaresGradient, LoopFunctions.SumOfSquaresDerivative),
        Span("ProductOfAll", 4, v => LoopFunctions.ProductOfAll(v.ToArray()), (v, dv) => LoopFunctions.ProductOfAllGradient(v.ToArray(), dv), (v, dv) => LoopFunctions.ProductOfAllDerivative(v.ToArray(), dv)),
        Span("Polynomial", 5, v => LoopFunctions.Polynomial(v[0], v[1..]), (v, dv) =>
        {
            var value = LoopFunctions.PolynomialGradient(v[0], v[1..], out var dx, dv[1..]);
            dv[0] += dx;
            return value;
        }, (v, dv) => LoopFunctions.PolynomialDerivative(v[0], v[1..], dv[0], dv[1..])),
        Span("NestedLoops", 6, v => LoopFunctions.NestedLoops(v, 2), (v, dv) => LoopFunctions.NestedLoopsGradient(v, 2, dv), (v, dv) => LoopFunctions.NestedLoopsDerivative(v, 2, dv)),
        Span("BreakAndContinue", 8, LoopFunctions.BreakAndContinue, LoopFunctions.BreakAndContinueGradient, LoopFunctions.BreakAndContinueDerivative),
        One("WhileDataDependent", LoopFunctions.WhileDataDependent, LoopFunctions.WhileDataDependentGradient, LoopFunctions.WhileDataDependentDerivative),
        Two("DoWhile", LoopFunctions.DoWhile, LoopFunctions.DoWhileGradient, LoopFunctions.DoWhileDerivative),
        Span("ReturnInsideLoop", 6, LoopFunctions.ReturnInsideLoop, LoopFunctions.ReturnInsideLoopGradient, LoopFunctions.ReturnInsideLoopDerivative),
        Span("NonCountedFor", 6, LoopFunctions.NonCountedFor, LoopFunctions.NonCountedForGradient, LoopFunctions.NonCountedForDerivative),
        Span("ResetThenIncrementThenNonLinear", 6, LoopFunctions.ResetThenIncrementThenNonLinear, LoopFunctions.ResetThenIncrementThenNonLinearGradient,
            LoopFunctions.ResetThenIncrementThenNonLinearDerivative),
        Span("ReadBetweenResetAndIncrements", 5, LoopFunctions.ReadBetweenResetAndIncrements, LoopFunctions.ReadBetweenResetAndIncrementsGradient,
            LoopFunctions.ReadBetweenResetAndIncrementsDerivative),
        Span("ExtendedRosenbrock", 6, LoopFunctions.ExtendedRosenbrock, LoopFunctions.ExtendedRosenbrockGradient, LoopFunctions.ExtendedRosenbrockDerivative),
        Span("ReadBeforeRedefinition", 5, LoopFunctions.ReadBeforeRedefinition, LoopFunctions.ReadBeforeRedefinitionGradient, LoopFunctions.ReadBeforeRedefinitionDerivative),
        Span("StridedPairs", 6, LoopFunctions.StridedPairs, LoopFunctions.StridedPairsGradient, LoopFunctions.StridedPairsDerivative),
        Span("RunningIndex", 6, v => LoopFunctions.RunningIndex(v, 2), (v, dv) => LoopFunctions.RunningIndexGradient(v, 2, dv), (v, dv) => LoopFunctions.RunningIndexDerivative(v, 2, dv)),
        Span("WrappingCounter", 5, LoopFunctions.WrappingCounter, LoopFunctions.WrappingCounterGradient, LoopFunctions.WrappingCounterDerivative),
        Span("OuterIndexInInnerDefinition", 6, LoopFunctions.OuterIndexInInnerDefinition, LoopFunctions.OuterIndexInInnerDefinitionGradient,
            LoopFunctions.OuterIndexInInnerDefinitionDerivative),
        Span("ReservedRecords", 5, LoopFunctions.ReservedRecords, LoopFunctions.ReservedRecordsGradient, LoopFunctions.ReservedRecordsDerivative),
        Span("RewrittenScratch", 5, LoopFunctions.RewrittenScratch, LoopFunctions.RewrittenScratchGradient, LoopFunctions.RewrittenScratchDerivative),
        Span("RewriteThatReadsItsArray", 5, LoopFunctions.RewriteThatReadsItsArray, LoopFunctions.RewriteThatReadsItsArrayGradient,
            LoopFunctions.RewriteThatReadsItsArrayDerivative),
        Span("TwoRecordsFromOne", 6, LoopFunctions.TwoRecordsFromOne, LoopFunctions.TwoRecordsFromOneGradient, LoopFunctions.TwoRecordsFromOneDerivative),
        Span("InvariantIndexInInnerLoop", 6, LoopFunctions.InvariantIndexInInnerLoop, LoopFunctions.InvariantIndexInInnerLoopGradient,
            LoopFunctions.InvariantIndexInInnerLoopDerivative),
        Span("ResultsReadBack", 5, LoopFunctions.ResultsReadBack, LoopFunctions.ResultsReadBackGradient, LoopFunctions.ResultsReadBackDerivative),
        Span("OperandWrittenInLoop", 4, LoopFunctions.OperandWrittenInLoop, LoopFunctions.OperandWrittenInLoopGradient, LoopFunctions.OperandWrittenInLoopDerivative),
        new DerivativeCase
        {
            Name = "FloatLoop",
            Dimension = 4,
            Function = p => LoopFunctions.FloatLoop(p.Select(x => (float)x).ToArray()),
            Gradient = p =>
            {
                var gradient = new float[p.Length];
                var value = LoopFunctions.FloatLoopGradient(p.Select(x => (float)x).ToArray(), gradient);
                return (value, gradient.Select(g => (double)g).ToArray());
            },
            Derivative = (p, d) => LoopFunctions.FloatLoopDerivative(p.Select(x => (float)x).ToArray(), d.Select(x => (float)x).ToArray()),
            Tolerance = 1e-4,
            Step = 2e-2,
        },
        Span("ForEachOverSpan", 5, LoopFunctions.ForEachOverSpan, LoopFunctions.ForEachOverSpanGradient, LoopFunctions.ForEachOverSpanDerivative),
        Span("InclusiveAndDescending", 5, v => LoopFunctions.InclusiveAndDescending(v, 3), (v, dv) => LoopFunctions.InclusiveAndDescendingGradient(v, 3, dv),
            (v, dv) => LoopFunctions.InclusiveAndDescendingDerivative(v, 3, dv)),
        Span("CumulativeSum", 5, ArrayFunctions.CumulativeSum, ArrayFunctions.CumulativeSumGradient, ArrayFunctions.CumulativeSumDerivative),
        Span("HeapBufferReusedAcrossIterations", 4, v => ArrayFunctions.HeapBufferReusedAcrossIterations(v.ToArray(), 3),
            (v, dv) => ArrayFunctions.HeapBufferReusedAcrossIterationsGradient(v.ToArray(), 3, dv),
            (v, dv) => ArrayFunctions.HeapBufferReusedAcrossIterationsDerivative(v.ToArray(), 3, dv)),
        Span("AccumulateIntoElements", 7, ArrayFunctions.AccumulateIntoElements, ArrayFunctions.AccumulateIntoElementsGradient, ArrayFunctions.AccumulateIntoElementsDerivative),
        Span("LogSumExp", 5, ArrayFunctions.LogSumExp, ArrayFunctions.LogSumExpGradient, ArrayFunctions.LogSumExpDerivative),
        Span("OverwrittenElementsInLoop", 5, ArrayFunctions.OverwrittenElementsInLoop, ArrayFunctions.OverwrittenElementsInLoopGradient, ArrayFunctions.OverwrittenElementsInLoopDerivative),
    }.ToDictionary(c => c.Name);

    public static TheoryData<string> Names => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_central_finite_differences(string function) =>
        DerivativeChecker.GradientMatchesFiniteDifferences(s_cases[function]);

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_mode_equals_the_gradient_dotted_with_the_direction(string function) =>
        DerivativeChecker.ForwardModeMatchesGradientDotDirection(s_cases[function]);

    [Fact]
    public void Span_gradients_are_added_to_what_the_caller_passed()
    {
        double[] v = [1, 2, 3];
        double[] gradient = [10, 20, 30];
        LoopFunctions.SumOfSquaresGradient(v, gradient);
        Assert.Equal([12.0, 24.0, 36.0], gradient);
    }

    [Fact]
    public void A_gradient_span_of_the_wrong_length_is_rejected_with_both_lengths()
    {
        var exception = Assert.Throws<ArgumentException>(() => LoopFunctions.SumOfSquaresGradient([1.0, 2.0, 3.0], new double[2]));
        Assert.Contains("same length as 'v' (3), but has 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gradient_span_of_the_wrong_length_is_reported_under_the_name_the_user_passed()
    {
        var exception = Assert.Throws<ArgumentException>(() => LoopFunctions.SumOfSquaresGradient([1.0, 2.0, 3.0], new double[2]));
        Assert.Equal("vGradient", exception.ParamName);
        Assert.DoesNotContain("Adjoint", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tangent_span_of_the_wrong_length_is_rejected_with_both_lengths()
    {
        var exception = Assert.Throws<ArgumentException>(() => LoopFunctions.SumOfSquaresDerivative([1.0, 2.0, 3.0], new double[4]));
        Assert.Contains("The tangent must have the same length as 'v' (3), but has 4.", exception.Message, StringComparison.Ordinal);
        Assert.Equal("vTangent", exception.ParamName);
    }
}
