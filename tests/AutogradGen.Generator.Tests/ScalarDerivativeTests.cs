using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Functions;
using static AutogradGen.Generator.Tests.Checking.Cases;

namespace AutogradGen.Generator.Tests;

/// <summary>Compile-and-run: straight-line scalar code, branches, and the Math table, in both modes.</summary>
public class ScalarDerivativeTests
{
    private static readonly Dictionary<string, DerivativeCase> s_cases = new DerivativeCase[]
    {
        Two("Rosenbrock", ScalarFunctions.Rosenbrock, ScalarFunctions.RosenbrockGradient, ScalarFunctions.RosenbrockDerivative),
        Two("Reassigned", ScalarFunctions.Reassigned, ScalarFunctions.ReassignedGradient, ScalarFunctions.ReassignedDerivative),
        Two("RepeatedContributions", ScalarFunctions.RepeatedContributions, ScalarFunctions.RepeatedContributionsGradient, ScalarFunctions.RepeatedContributionsDerivative),
        One("ConstantsAndLiterals", ScalarFunctions.ConstantsAndLiterals, ScalarFunctions.ConstantsAndLiteralsGradient, ScalarFunctions.ConstantsAndLiteralsDerivative),
        TwoFloat("SinglePrecision", ScalarFunctions.SinglePrecision, ScalarFunctions.SinglePrecisionGradient, ScalarFunctions.SinglePrecisionDerivative),
        new DerivativeCase
        {
            Name = "MixedPrecision",
            Dimension = 2,
            Function = p => ScalarFunctions.MixedPrecision(p[0], (float)p[1]),
            Gradient = p => (ScalarFunctions.MixedPrecisionGradient(p[0], (float)p[1], out var dx, out var dy), [dx, dy]),
            Derivative = (p, d) => ScalarFunctions.MixedPrecisionDerivative(p[0], (float)p[1], d[0], (float)d[1]),
            Tolerance = 1e-4,
            Step = 2e-2,
        },
        new DerivativeCase
        {
            Name = "OnlyX",
            Dimension = 1,
            Function = p => ScalarFunctions.OnlyX(p[0], 1.7, 3),
            Gradient = p => (ScalarFunctions.OnlyXGradient(p[0], 1.7, 3, out var dx), [dx]),
            Derivative = (p, d) => ScalarFunctions.OnlyXDerivative(p[0], 1.7, 3, d[0]),
        },
        Two("ParameterReassigned", ScalarFunctions.ParameterReassigned, ScalarFunctions.ParameterReassignedGradient, ScalarFunctions.ParameterReassignedDerivative),
        Two("Negations", ScalarFunctions.Negations, ScalarFunctions.NegationsGradient, ScalarFunctions.NegationsDerivative),
        Two("UnusedIntermediate", ScalarFunctions.UnusedIntermediate, ScalarFunctions.UnusedIntermediateGradient, ScalarFunctions.UnusedIntermediateDerivative),
        Two("Piecewise", BranchFunctions.Piecewise, BranchFunctions.PiecewiseGradient, BranchFunctions.PiecewiseDerivative),
        Two("Ternary", BranchFunctions.Ternary, BranchFunctions.TernaryGradient, BranchFunctions.TernaryDerivative),
        Two("EarlyReturn", BranchFunctions.EarlyReturn, BranchFunctions.EarlyReturnGradient, BranchFunctions.EarlyReturnDerivative),
        Two("BranchOverwrites", BranchFunctions.BranchOverwrites, BranchFunctions.BranchOverwritesGradient, BranchFunctions.BranchOverwritesDerivative),
        Two("NestedTernary", BranchFunctions.NestedTernary, BranchFunctions.NestedTernaryGradient, BranchFunctions.NestedTernaryDerivative),
        One("Sin", MathFunctions.Sin, MathFunctions.SinGradient, MathFunctions.SinDerivative),
        One("Cos", MathFunctions.Cos, MathFunctions.CosGradient, MathFunctions.CosDerivative),
        One("Tan", MathFunctions.Tan, MathFunctions.TanGradient, MathFunctions.TanDerivative),
        One("Asin", MathFunctions.Asin, MathFunctions.AsinGradient, MathFunctions.AsinDerivative),
        One("Acos", MathFunctions.Acos, MathFunctions.AcosGradient, MathFunctions.AcosDerivative),
        One("Atan", MathFunctions.Atan, MathFunctions.AtanGradient, MathFunctions.AtanDerivative),
        Two("Atan2", MathFunctions.Atan2, MathFunctions.Atan2Gradient, MathFunctions.Atan2Derivative),
        One("Sinh", MathFunctions.Sinh, MathFunctions.SinhGradient, MathFunctions.SinhDerivative),
        One("Cosh", MathFunctions.Cosh, MathFunctions.CoshGradient, MathFunctions.CoshDerivative),
        One("Tanh", MathFunctions.Tanh, MathFunctions.TanhGradient, MathFunctions.TanhDerivative),
        One("Exp", MathFunctions.Exp, MathFunctions.ExpGradient, MathFunctions.ExpDerivative),
        One("Log", MathFunctions.Log, MathFunctions.LogGradient, MathFunctions.LogDerivative),
        Two("LogBase", MathFunctions.LogBase, MathFunctions.LogBaseGradient, MathFunctions.LogBaseDerivative),
        One("Log10", MathFunctions.Log10, MathFunctions.Log10Gradient, MathFunctions.Log10Derivative),
        One("Log2", MathFunctions.Log2, MathFunctions.Log2Gradient, MathFunctions.Log2Derivative),
        One("Sqrt", MathFunctions.Sqrt, MathFunctions.SqrtGradient, MathFunctions.SqrtDerivative),
        One("Cbrt", MathFunctions.Cbrt, MathFunctions.CbrtGradient, MathFunctions.CbrtDerivative),
        Two("Pow", MathFunctions.Pow, MathFunctions.PowGradient, MathFunctions.PowDerivative),
        Two("Abs", MathFunctions.Abs, MathFunctions.AbsGradient, MathFunctions.AbsDerivative),
        Two("Max", MathFunctions.Max, MathFunctions.MaxGradient, MathFunctions.MaxDerivative),
        Two("Min", MathFunctions.Min, MathFunctions.MinGradient, MathFunctions.MinDerivative),
        Two("Clamp", MathFunctions.Clamp, MathFunctions.ClampGradient, MathFunctions.ClampDerivative),
        Three("FusedMultiplyAdd", MathFunctions.FusedMultiplyAdd, MathFunctions.FusedMultiplyAddGradient, MathFunctions.FusedMultiplyAddDerivative),
        One("ScaleB", MathFunctions.ScaleB, MathFunctions.ScaleBGradient, MathFunctions.ScaleBDerivative),
        OneFloat("SinF", MathFunctions.SinF, MathFunctions.SinFGradient, MathFunctions.SinFDerivative),
        OneFloat("ExpLogF", MathFunctions.ExpLogF, MathFunctions.ExpLogFGradient, MathFunctions.ExpLogFDerivative),
        TwoFloat("PowF", MathFunctions.PowF, MathFunctions.PowFGradient, MathFunctions.PowFDerivative),
        OneFloat("TrigF", MathFunctions.TrigF, MathFunctions.TrigFGradient, MathFunctions.TrigFDerivative),
        TwoFloat("LogsF", MathFunctions.LogsF, MathFunctions.LogsFGradient, MathFunctions.LogsFDerivative),
        TwoFloat("PiecewiseF", MathFunctions.PiecewiseF, MathFunctions.PiecewiseFGradient, MathFunctions.PiecewiseFDerivative),
        Two("Composite", MathFunctions.Composite, MathFunctions.CompositeGradient, MathFunctions.CompositeDerivative),
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
