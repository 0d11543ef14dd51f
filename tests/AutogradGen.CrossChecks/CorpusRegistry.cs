using System.Reflection;
using AutogradGen.CrossChecks.Corpus;
using AutogradGen.CrossChecks.Harness;

namespace AutogradGen.CrossChecks;

/// <summary>
/// Every corpus function by name: the scalar [Differentiable] methods of the Corpus namespace found by reflection,
/// and the span methods through explicit adapters.
/// </summary>
public static partial class CorpusRegistry
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusFunction>> s_functions = new(Build);

    public static IReadOnlyDictionary<string, CorpusFunction> Functions => s_functions.Value;

    private static Dictionary<string, CorpusFunction> Build()
    {
        var functions = new Dictionary<string, CorpusFunction>(StringComparer.Ordinal);
        var scalarMethods = typeof(Arithmetic).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Arithmetic).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<DifferentiableAttribute>() is not null)
            // Void helpers and helpers with ref/out parameters are inlined where they are called: no code of their own.
            .Where(m => m.ReturnType != typeof(void) && m.GetParameters().All(p => !p.ParameterType.IsByRef || p.IsIn))
            .Where(m => m.GetParameters().All(p => !IsDifferentiated(m, p) || !IsSpanOrArrayOfNumbers(p.ParameterType) && !IsStructOfNumbers(p.ParameterType) && !IsDifferentiatedJagged(m, p)))
            .Where(m => !IsStructOfNumbers(m.ReturnType));
        foreach (var method in scalarMethods)
        {
            if (method.IsGenericMethodDefinition)
            {
                // Generic math: its double and float instances, each checked like a method written for that type.
                foreach (var instance in new[] { typeof(double), typeof(float) })
                {
                    var name = method.DeclaringType!.Name + "." + method.Name + "[" + (instance == typeof(double) ? "double" : "float") + "]";
                    functions.Add(name, ReflectedFunction.Create(method.MakeGenericMethod(instance)) with { Name = name });
                }

                continue;
            }

            functions.Add(method.DeclaringType!.Name + "." + method.Name, ReflectedFunction.Create(method));
        }

        foreach (var function in SpanFunctions().Concat(StructFunctions()).Concat(GenericSpanFunctions()).Concat(MatrixFunctions()).Concat(JaggedFunctions()).Concat(UserStyleFunctions()).Concat(StructArrayFunctions()).Concat(BlockMemberFunctions()).Concat(ComplexFunctions()))
        {
            functions.Add(function.Name, function);
        }

        return functions;
    }

    /// <summary>Differentiable arrays, 2-D arrays, spans and arrays of structs need the explicit adapters of <see cref="SpanFunctions"/>, <see cref="MatrixFunctions"/> and <see cref="StructArrayFunctions"/>; any other parameter is scalar or passed through.</summary>
    private static bool IsSpanOrArrayOfNumbers(Type type) =>
        type == typeof(double[]) || type == typeof(float[]) || type == typeof(double[,]) || type == typeof(float[,]) || type is { IsArray: true, GenericTypeArguments: [] } && type.GetElementType()!.IsGenericParameter || type.IsByRefLike
        || type is { IsArray: true } && IsStructOfNumbers(type.GetElementType()!);

    /// <summary>A jagged array the method differentiates (its twin takes one tensor per row): checked through <see cref="JaggedFunctions"/>; one it only reads is passed through.</summary>
    private static bool IsDifferentiatedJagged(MethodInfo method, ParameterInfo parameter) =>
        parameter.ParameterType is { IsArray: true } type && type.GetElementType()!.IsArray
        && method.GetCustomAttribute<DifferentiableAttribute>()!.WithRespectTo is var named && (named.Count == 0 || named.Contains(parameter.Name!));

    /// <summary>
    /// Whether the method's [Differentiable] names the parameter (or names none): an array, span or struct it does not
    /// differentiate is passed through, so the method can be bound by reflection with a [With] value for it.
    /// </summary>
    private static bool IsDifferentiated(MethodInfo method, ParameterInfo parameter) =>
        parameter.ParameterType.IsByRefLike
        || method.GetCustomAttribute<DifferentiableAttribute>()!.WithRespectTo is var named && (named.Count == 0 || named.Contains(parameter.Name!));

    /// <summary>Struct parameters and results are checked through the adapters of the struct corpus (their leaves as a flat vector).</summary>
    private static bool IsStructOfNumbers(Type type) =>
        type.IsValueType && !type.IsPrimitive && !type.IsEnum && !type.IsByRefLike && Nullable.GetUnderlyingType(type) is null;

    private static IEnumerable<CorpusFunction> SpanFunctions()
    {
        yield return SpanFunction.Create("Spans.SumOfSquares", 5, (-3, 3),
            Spans.SumOfSquares, Spans.SumOfSquaresGradient, Spans.SumOfSquaresDerivative, Spans.SumOfSquaresTape);
        yield return SpanFunction.Create("Spans.LogSumExp", 4, (-5, 5),
            Spans.LogSumExp, Spans.LogSumExpGradient, Spans.LogSumExpDerivative, Spans.LogSumExpTape);
        yield return SpanFunction.Create("Spans.SmoothedDifferences", 6, (-2, 2),
            Spans.SmoothedDifferences, Spans.SmoothedDifferencesGradient, Spans.SmoothedDifferencesDerivative, Spans.SmoothedDifferencesTape);
        yield return SpanFunction.Create("Spans.FloatNorm", 4, (-2, 2),
            Spans.FloatNorm, Spans.FloatNormGradient, Spans.FloatNormDerivative, Spans.FloatNormTape);

        const double Scale = 0.7;
        yield return SpanFunction.Create("Spans.WeightedByScalar", 4, (-2, 2),
            v => Spans.WeightedByScalar(v, Scale),
            (v, g) => Spans.WeightedByScalarGradient(v, Scale, g, out _),
            (v, t) => Spans.WeightedByScalarDerivative(v, Scale, t, 0),
            v => Spans.WeightedByScalarTape(v, Tensor.Scalar(Scale, false, DType.Float64)));

        var (xs, ys) = LogisticData();
        yield return SpanFunction.Create("Spans.LogisticRegressionLoss", 4, (-2, 2),
            w => Spans.LogisticRegressionLoss(w, xs, ys),
            (w, g) => Spans.LogisticRegressionLossGradient(w, xs, ys, g),
            (w, t) => Spans.LogisticRegressionLossDerivative(w, xs, ys, t),
            w => Spans.LogisticRegressionLossTape(w, xs, ys));

        yield return GaussianMixtureFunction();

        foreach (var function in LinqFunctions())
        {
            yield return function;
        }
    }

    /// <summary>The LINQ corpus takes double[] (LINQ needs an IEnumerable): the harness's spans are copied into arrays.</summary>
    private static IEnumerable<CorpusFunction> LinqFunctions()
    {
        yield return SpanFunction.Create("Linq.SumOfSquares", 5, (-2, 2),
            v => Linq.SumOfSquares(v.ToArray()), (v, g) => Linq.SumOfSquaresGradient(v.ToArray(), g),
            (v, t) => Linq.SumOfSquaresDerivative(v.ToArray(), t), Linq.SumOfSquaresTape);
        yield return SpanFunction.Create("Linq.MeanMaxMin", 4, (-2, 2),
            v => Linq.MeanMaxMin(v.ToArray()), (v, g) => Linq.MeanMaxMinGradient(v.ToArray(), g),
            (v, t) => Linq.MeanMaxMinDerivative(v.ToArray(), t), Linq.MeanMaxMinTape);
        yield return SpanFunction.Create("Linq.LogSumExpByLinq", 4, (-3, 3),
            v => Linq.LogSumExpByLinq(v.ToArray()), (v, g) => Linq.LogSumExpByLinqGradient(v.ToArray(), g),
            (v, t) => Linq.LogSumExpByLinqDerivative(v.ToArray(), t), Linq.LogSumExpByLinqTape);
        yield return SpanFunction.Create("Linq.IndexedSelect", 4, (-1, 1),
            v => Linq.IndexedSelect(v.ToArray()), (v, g) => Linq.IndexedSelectGradient(v.ToArray(), g),
            (v, t) => Linq.IndexedSelectDerivative(v.ToArray(), t), Linq.IndexedSelectTape);
        yield return SpanFunction.Create("Linq.RangeSumAndAverage", 5, (-1.5, 1.5),
            v => Linq.RangeSumAndAverage(v.ToArray()), (v, g) => Linq.RangeSumAndAverageGradient(v.ToArray(), g),
            (v, t) => Linq.RangeSumAndAverageDerivative(v.ToArray(), t), Linq.RangeSumAndAverageTape);
        yield return SpanFunction.Create("ParameterModifiers.Norm", 3, (-2, 2),
            v => ParameterModifiers.Norm(v.ToArray()), (v, g) => ParameterModifiers.NormGradient(v.ToArray(), g),
            (v, t) => ParameterModifiers.NormDerivative(v.ToArray(), t), ParameterModifiers.NormTape);
    }

    /// <summary>Eight samples of three features, labelled by a fixed rule: data for the logistic-regression loss.</summary>
    private static (double[] Xs, double[] Ys) LogisticData()
    {
        var random = new Random(7);
        var xs = Enumerable.Range(0, 24).Select(_ => (random.NextDouble() * 4) - 2).ToArray();
        var ys = Enumerable.Range(0, 8).Select(i => xs[i * 3] + (0.5 * xs[(i * 3) + 1]) > 0 ? 1.0 : 0.0).ToArray();
        return (xs, ys);
    }

    /// <summary>
    /// ADBench's GMM with d = 2, k = 3 and n = 5 fixed points, differentiated in all its parameters at once
    /// (alphas, means and icf concatenated into one vector of 3 + 6 + 9 coordinates).
    /// </summary>
    private static CorpusFunction GaussianMixtureFunction()
    {
        const int D = 2, K = 3, N = 5, M = 0;
        const double Gamma = 1.0, Wishart = 0.0;
        var random = new Random(11);
        var x = Enumerable.Range(0, N * D).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        int alphaCount = K, meanCount = K * D, icfCount = K * D * (D + 1) / 2;

        return SpanFunction.Create("GaussianMixture.Objective", alphaCount + meanCount + icfCount, (-1, 1),
            p => GaussianMixture.Objective(p[..alphaCount], p.Slice(alphaCount, meanCount), p[(alphaCount + meanCount)..], x, D, K, N, Gamma, M, Wishart),
            (p, g) => GaussianMixture.ObjectiveGradient(p[..alphaCount], p.Slice(alphaCount, meanCount), p[(alphaCount + meanCount)..], x, D, K, N, Gamma, M, Wishart,
                g[..alphaCount], g.Slice(alphaCount, meanCount), g[(alphaCount + meanCount)..]),
            (p, t) => GaussianMixture.ObjectiveDerivative(p[..alphaCount], p.Slice(alphaCount, meanCount), p[(alphaCount + meanCount)..], x, D, K, N, Gamma, M, Wishart,
                t[..alphaCount], t.Slice(alphaCount, meanCount), t[(alphaCount + meanCount)..]),
            p => GaussianMixture.ObjectiveTape(p[..alphaCount], p[alphaCount..(alphaCount + meanCount)], p[(alphaCount + meanCount)..], x, D, K, N, Gamma, M, Wishart));
    }
}
