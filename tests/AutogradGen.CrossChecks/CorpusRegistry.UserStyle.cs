using AutogradGen.CrossChecks.Corpus;
using AutogradGen.CrossChecks.Harness;

namespace AutogradGen.CrossChecks;

/// <summary>The user-style corpus's array methods (Corpus/UserStyle.*.cs): a curve's rates, weights, a params array.</summary>
public static partial class CorpusRegistry
{
    private static IEnumerable<CorpusFunction> UserStyleFunctions()
    {
        var times = UserQuant.CurveTimes;
        foreach (var t in new[] { 0.1, 0.75, 3.0, 12.0 })
        {
            yield return SpanFunction.Create("UserQuant.DiscountFactor@" + t.ToString(System.Globalization.CultureInfo.InvariantCulture), times.Length, (0.01, 0.05),
                r => UserQuant.DiscountFactor(t, times, r.ToArray()),
                (r, g) => UserQuant.DiscountFactorGradient(t, times, r.ToArray(), g),
                (r, d) => UserQuant.DiscountFactorDerivative(t, times, r.ToArray(), d),
                r => UserQuant.DiscountFactorTape(t, times, r));
            yield return SpanFunction.Create("UserQuant.ZeroRate@" + t.ToString(System.Globalization.CultureInfo.InvariantCulture), times.Length, (0.01, 0.05),
                r => UserQuant.ZeroRate(t, times, r.ToArray()),
                (r, g) => UserQuant.ZeroRateGradient(t, times, r.ToArray(), g),
                (r, d) => UserQuant.ZeroRateDerivative(t, times, r.ToArray(), d),
                r => UserQuant.ZeroRateTape(t, times, r));
        }

        yield return SpanFunction.Create("UserLearning.ZipDot", 3, (-1, 1),
            x => UserLearning.ZipDot(x.ToArray()), (x, g) => UserLearning.ZipDotGradient(x.ToArray(), g),
            (x, d) => UserLearning.ZipDotDerivative(x.ToArray(), d), UserLearning.ZipDotTape);

        yield return SpanFunction.Create("UserLabels.Ewma", 5, (90, 110),
            p => UserLabels.Ewma(p.ToArray(), 0.8), (p, g) => UserLabels.EwmaGradient(p.ToArray(), 0.8, g, out _),
            (p, d) => UserLabels.EwmaDerivative(p.ToArray(), 0.8, d, 0),
            p => UserLabels.EwmaTape(p, Tensor.Scalar(0.8, false, DType.Float64)));
        double[] weights = [1.0, 0.5, 2.0];
        foreach (var (label, w) in new[] { ("weighted", weights), ("plain", null!) })
        {
            yield return SpanFunction.Create("UserLabels.WeightedSumOfSquares@" + label, 3, (-1, 1),
                x => UserLabels.WeightedSumOfSquares(x.ToArray(), w), (x, g) => UserLabels.WeightedSumOfSquaresGradient(x.ToArray(), w, g),
                (x, d) => UserLabels.WeightedSumOfSquaresDerivative(x.ToArray(), w, d), x => UserLabels.WeightedSumOfSquaresTape(x, w));
        }

        // The scalar parameters are fixed here (their own derivatives are checked by the scalar corpus's style elsewhere).
        const double L1 = 0.1, L2 = 0.5, Lambda = 0.3;
        yield return SpanFunction.Create("UserLearning.ElasticNet", 4, (-1, 1),
            w => UserLearning.ElasticNet(w.ToArray(), L1, L2),
            (w, g) => UserLearning.ElasticNetGradient(w.ToArray(), L1, L2, g, out _, out _),
            (w, d) => UserLearning.ElasticNetDerivative(w.ToArray(), L1, L2, d, 0, 0),
            w => UserLearning.ElasticNetTape(w, Tensor.Scalar(L1, false, DType.Float64), Tensor.Scalar(L2, false, DType.Float64)));
        yield return SpanFunction.Create("UserLearning.Ridge", 3, (-1, 1),
            w => UserLearning.Ridge(Lambda, w.ToArray()),
            (w, g) => UserLearning.RidgeGradient(Lambda, w.ToArray(), out _, g),
            (w, d) => UserLearning.RidgeDerivative(Lambda, w.ToArray(), 0, d),
            w => UserLearning.RidgeTape(Tensor.Scalar(Lambda, false, DType.Float64), w));
    }
}
