using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Functions;
using static AutogradGen.Generator.Tests.Checking.Cases;

namespace AutogradGen.Generator.Tests;

/// <summary>Compile-and-run: the lowered constructs of <see cref="StatementFunctions"/> against central differences, both modes.</summary>
public class StatementDerivativeTests
{
    private static readonly Dictionary<string, DerivativeCase> s_cases = new DerivativeCase[]
    {
        Span("SwitchInLoop", 7, StatementFunctions.SwitchInLoop, StatementFunctions.SwitchInLoopGradient, StatementFunctions.SwitchInLoopDerivative),
        Two("TupleRecurrenceWithLocalFunction", StatementFunctions.TupleRecurrenceWithLocalFunction,
            StatementFunctions.TupleRecurrenceWithLocalFunctionGradient, StatementFunctions.TupleRecurrenceWithLocalFunctionDerivative),
        One("Power", x => StatementFunctions.Power(x, 7), (double x, out double dx) => StatementFunctions.PowerGradient(x, 7, out dx),
            (x, dx) => StatementFunctions.PowerDerivative(x, 7, dx)),
        Span("LinqMoments", 5, v => StatementFunctions.LinqMoments(v.ToArray()), (v, dv) => StatementFunctions.LinqMomentsGradient(v.ToArray(), dv),
            (v, dv) => StatementFunctions.LinqMomentsDerivative(v.ToArray(), dv)),
        Two("PatternsAndTuplesMode0", (x, y) => StatementFunctions.PatternsAndTuples(x, y, 0),
            (double x, double y, out double dx, out double dy) => StatementFunctions.PatternsAndTuplesGradient(x, y, 0, out dx, out dy),
            (x, y, dx, dy) => StatementFunctions.PatternsAndTuplesDerivative(x, y, 0, dx, dy)),
        Two("PatternsAndTuplesMode7", (x, y) => StatementFunctions.PatternsAndTuples(x, y, 7),
            (double x, double y, out double dx, out double dy) => StatementFunctions.PatternsAndTuplesGradient(x, y, 7, out dx, out dy),
            (x, y, dx, dy) => StatementFunctions.PatternsAndTuplesDerivative(x, y, 7, dx, dy)),
        One("EvenOdd", x => StatementFunctions.EvenOdd(x, 5), (double x, out double dx) => StatementFunctions.EvenOddGradient(x, 5, out dx),
            (x, dx) => StatementFunctions.EvenOddDerivative(x, 5, dx)),
        Span("LocalFunctionsOverArrays", 4, v => StatementFunctions.LocalFunctionsOverArrays(v[..3].ToArray(), v[3]),
            (v, dv) => StatementFunctions.LocalFunctionsOverArraysGradient(v[..3].ToArray(), v[3], dv[..3], out dv[3]),
            (v, dv) => StatementFunctions.LocalFunctionsOverArraysDerivative(v[..3].ToArray(), v[3], dv[..3], dv[3])),
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
}
