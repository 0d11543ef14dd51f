using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Driver;
using AutogradGen.Generator.Tests.Functions;
using static AutogradGen.Generator.Tests.Checking.Cases;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Compile-and-run: the reverse sweep reads back what the forward sweep computed (a held cos or sin, a small callee's
/// inlined exp), and the derivatives are what they were: against central differences and forward mode.
/// </summary>
public class ReadBackTests
{
    private static readonly Dictionary<string, DerivativeCase> s_cases = new DerivativeCase[]
    {
        Two("Rotated", ReadBackFunctions.Rotated, ReadBackFunctions.RotatedGradient, ReadBackFunctions.RotatedDerivative),
        Two("RotatedOrCos", ReadBackFunctions.RotatedOrCos, ReadBackFunctions.RotatedOrCosGradient, ReadBackFunctions.RotatedOrCosDerivative),
        Span("Gates", 5, ReadBackFunctions.Gates, ReadBackFunctions.GatesGradient, ReadBackFunctions.GatesDerivative),
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

    [Theory]
    [InlineData(0.7, 1.3)]
    [InlineData(-2.1, -0.4)]
    [InlineData(0.3, 12.0)]
    public void The_early_return_variant_takes_either_path_right(double angle, double x)
    {
        ReadBackFunctions.RotatedOrCosGradient(angle, x, out var dAngle, out var dx);
        double cos = Math.Cos(angle), sin = Math.Sin(angle);
        var expected = x > 10 ? (-sin * x, cos) : (x * (cos * cos - sin * sin) + cos, cos * sin);
        Assert.Equal(expected.Item1, dAngle, 1e-12);
        Assert.Equal(expected.Item2, dx, 1e-12);
    }

    [Fact]
    public void The_rotation_calls_neither_cos_nor_sin_again_in_its_reverse_sweep()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using AutogradGen;
            public static partial class F
            {
                [Differentiable]
                public static double Rotated(double angle, double x)
                {
                    double cos = Math.Cos(angle);
                    double sin = Math.Sin(angle);
                    return x * cos - sin;
                }
            }
            """);
        var pullback = PullbackText(run, "RotatedPullback");
        Assert.Equal(1, Occurrences(pullback, "System.Math.Cos("));
        Assert.Equal(1, Occurrences(pullback, "System.Math.Sin("));
    }

    [Fact]
    public void A_small_callee_with_a_math_call_is_inlined_not_called_through_its_pullback()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using AutogradGen;
            public static partial class F
            {
                [Differentiable]
                public static double Logistic(double x)
                {
                    double decay = Math.Exp(-x);
                    return 1 / (1 + decay);
                }

                [Differentiable]
                public static double Sum(ReadOnlySpan<double> v)
                {
                    double total = 0;
                    for (int i = 0; i < v.Length; i++) total += Logistic(v[i]);
                    return total;
                }
            }
            """);
        var pullback = PullbackText(run, "SumPullback");
        // Its pullback would run its forward (one exp) again; inlined, the loop's own reverse decides (here a loop-local
        // value it does not record, so it evaluates the exp once more: what LSTM avoids is the call's extra forward).
        Assert.DoesNotContain("LogisticPullback", pullback);
    }

    private static string PullbackText(GeneratorRun run, string name)
    {
        Assert.Empty(run.CompilationProblems);
        var text = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        var start = text.IndexOf("static double " + name + "(", StringComparison.Ordinal);
        Assert.True(start >= 0, name + " was not generated");
        var end = text.IndexOf("/// <summary>", start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static int Occurrences(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
