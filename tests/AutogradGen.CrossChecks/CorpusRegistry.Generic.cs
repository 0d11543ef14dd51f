using AutogradGen.CrossChecks.Corpus;
using AutogradGen.CrossChecks.Harness;

namespace AutogradGen.CrossChecks;

/// <summary>
/// The generic-math span corpus, each method through its double and float instances (spans cannot go through
/// reflection). A generic method's tape twin is its double instance's: the float instance is checked against it too.
/// </summary>
public static partial class CorpusRegistry
{
    private static IEnumerable<CorpusFunction> GenericSpanFunctions()
    {
        yield return SpanFunction.Create("GenericSpans.SumOfSquares[double]", 5, (-3, 3),
            GenericSpans.SumOfSquares<double>, GenericSpans.SumOfSquaresGradient, GenericSpans.SumOfSquaresDerivative, GenericSpans.SumOfSquaresTape);
        yield return SpanFunction.Create("GenericSpans.SumOfSquares[float]", 5, (-3, 3),
            GenericSpans.SumOfSquares<float>, GenericSpans.SumOfSquaresGradient, GenericSpans.SumOfSquaresDerivative, GenericSpans.SumOfSquaresTape);
        yield return SpanFunction.Create("GenericSpans.LogSumExp[double]", 4, (-5, 5),
            GenericSpans.LogSumExp<double>, GenericSpans.LogSumExpGradient, GenericSpans.LogSumExpDerivative, GenericSpans.LogSumExpTape);
        yield return SpanFunction.Create("GenericSpans.LogSumExp[float]", 4, (-5, 5),
            GenericSpans.LogSumExp<float>, GenericSpans.LogSumExpGradient, GenericSpans.LogSumExpDerivative, GenericSpans.LogSumExpTape);
        yield return SpanFunction.Create("GenericSpans.SmoothedDifferences[double]", 6, (-2, 2),
            v => GenericSpans.SmoothedDifferences(v.ToArray()), (v, g) => GenericSpans.SmoothedDifferencesGradient(v.ToArray(), g),
            (v, t) => GenericSpans.SmoothedDifferencesDerivative(v.ToArray(), t), GenericSpans.SmoothedDifferencesTape);
        yield return SpanFunction.Create("GenericSpans.SmoothedDifferences[float]", 6, (-2, 2),
            (ReadOnlySpan<float> v) => GenericSpans.SmoothedDifferences(v.ToArray()), (v, g) => GenericSpans.SmoothedDifferencesGradient(v.ToArray(), g),
            (v, t) => GenericSpans.SmoothedDifferencesDerivative(v.ToArray(), t), GenericSpans.SmoothedDifferencesTape);
        yield return SpanFunction.Create("GenericSpans.Norm[double]", 4, (-2, 2),
            GenericSpans.Norm<double>, GenericSpans.NormGradient, GenericSpans.NormDerivative, GenericSpans.NormTape);
        yield return SpanFunction.Create("GenericSpans.Norm[float]", 4, (-2, 2),
            GenericSpans.Norm<float>, GenericSpans.NormGradient, GenericSpans.NormDerivative, GenericSpans.NormTape);
    }
}
