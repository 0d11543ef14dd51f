using AutogradGen.CodeFixes;
using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AutogradGen.Generator.Tooling.Tests.CodeFixes;

/// <summary>
/// The one-edit fixes of the reach diagnostics (docs/DIAGNOSTICS.md, "Code fix" under each id), as two tables: a fix
/// that is offered (the source before and after, and after the fix the generator differentiates the method with no
/// error left), and a shape of the diagnostic that has no one-edit fix (nothing is offered).
/// </summary>
public class ReachCodeFixTests
{
    /// <summary>A fix that is offered: <see cref="After"/> is the whole fixed file, or a part of it when <see cref="Whole"/> is false.</summary>
    private sealed record FixCase(Func<CodeFixProvider> Provider, string Id, string Before, string After, bool Whole, string Method);

    private static readonly Dictionary<string, FixCase> Fixes = new()
    {
        ["AGD0017_ref_readonly_becomes_in"] = new(() => new DeclareParameterInCodeFixProvider(), "AGD0017", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Square(ref readonly double x, double y) => x * x * y;
            }
            """,
            """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Square(in double x, double y) => x * x * y;
            }
            """,
            Whole: true, "Square"),
        ["AGD0076_marks_the_callee_second_order"] = new(() => new MarkCalleeSecondOrderCodeFixProvider(), "AGD0076", """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable]
                public static double Square(double x) => x * x;

                [Differentiable(SecondOrder = true)]
                public static double Energy(double x, double y) => Square(x - y) + x * y;
            }
            """,
            """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable(SecondOrder = true)]
                public static double Square(double x) => x * x;

                [Differentiable(SecondOrder = true)]
                public static double Energy(double x, double y) => Square(x - y) + x * y;
            }
            """,
            Whole: true, "Energy"),
        ["AGD0076_keeps_the_callees_list_and_adds_SecondOrder_after_it"] = new(() => new MarkCalleeSecondOrderCodeFixProvider(), "AGD0076", """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable(nameof(x))]
                public static double Scale(double x, double k) => k * x * x;

                [Differentiable(SecondOrder = true)]
                public static double Energy(double x) => Scale(x, 3.0) + x;
            }
            """,
            "[Differentiable(nameof(x), SecondOrder = true)]\n    public static double Scale", Whole: false, "Energy"),
        ["AGD0090_marks_the_nested_derivatives_method_second_order"] = new(() => new MarkCalleeSecondOrderCodeFixProvider(), "AGD0090", """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable]
                public static double Bowl(double x, double y) => x * x + 3 * y * y;

                [Differentiable]
                public static double Steepness(double x, double y)
                {
                    BowlGradient(x, y, out double gx, out double gy);
                    return gx * gx + gy * gy;
                }
            }
            """,
            """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable(SecondOrder = true)]
                public static double Bowl(double x, double y) => x * x + 3 * y * y;

                [Differentiable]
                public static double Steepness(double x, double y)
                {
                    BowlGradient(x, y, out double gx, out double gy);
                    return gx * gx + gy * gy;
                }
            }
            """,
            Whole: true, "Steepness"),
        ["AGD0091_out_var_becomes_out_double"] = new(() => new DeclareGradientDoubleCodeFixProvider(), "AGD0091", """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable(SecondOrder = true)]
                public static double Bowl(double x, double y) => x * x + 3 * y * y;

                [Differentiable]
                public static double Steepness(double x, double y)
                {
                    BowlGradient(x, y, out double gx, out var gy);
                    return gx * gx + gy * gy;
                }
            }
            """,
            "BowlGradient(x, y, out double gx, out double gy);", Whole: false, "Steepness"),
        ["AGD0093_removes_SecondOrder_from_the_calling_method"] = new(() => new RemoveSecondOrderCodeFixProvider(), "AGD0093", """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable(SecondOrder = true)]
                public static double Bowl(double x, double y) => x * x + 3 * y * y;

                [Differentiable(nameof(x), SecondOrder = true)]
                public static double Steepness(double x, double y)
                {
                    BowlGradient(x, y, out double gx, out double gy);
                    return gx * gx + gy * gy;
                }
            }
            """,
            """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable(SecondOrder = true)]
                public static double Bowl(double x, double y) => x * x + 3 * y * y;

                [Differentiable(nameof(x))]
                public static double Steepness(double x, double y)
                {
                    BowlGradient(x, y, out double gx, out double gy);
                    return gx * gx + gy * gy;
                }
            }
            """,
            Whole: true, "Steepness"),
        ["AGD0003_removes_the_parameter_from_the_list"] = new(() => new DifferentiableListCodeFixProvider(), "AGD0003", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable(nameof(n), nameof(x))]
                public static double Power(double x, int n) => x * n;
            }
            """,
            "[AutogradGen.Differentiable(nameof(x))]", Whole: false, "Power"),
        ["AGD0072_removes_the_results_span_from_the_list"] = new(() => new DifferentiableListCodeFixProvider(), "AGD0072", """
            using System;
            using AutogradGen;

            public static partial class Transforms
            {
                [Differentiable("p", "r")]
                public static void Double(ReadOnlySpan<double> p, Span<double> r)
                {
                    r[0] = 2 * p[0];
                }
            }
            """,
            "[Differentiable(\"p\")]", Whole: false, "Double"),
    };

    /// <summary>A shape of the diagnostic with no one-edit fix.</summary>
    private sealed record NoFixCase(Func<CodeFixProvider> Provider, string Id, string Source);

    private static readonly Dictionary<string, NoFixCase> NoFixes = new()
    {
        ["AGD0017_has_no_fix_for_a_method_without_a_body_or_a_tensor_parameter_by_reference"] = new(() => new DeclareParameterInCodeFixProvider(), "AGD0017", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static extern double Square(double x);

                [AutogradGen.Differentiable]
                public static AutogradGen.Tensor Loss(ref readonly AutogradGen.Tensor x) => x * x;
            }
            """),
        ["AGD0076_has_no_fix_when_the_callee_takes_a_span"] = new(() => new MarkCalleeSecondOrderCodeFixProvider(), "AGD0076", """
            using System;
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable]
                public static double Norm(ReadOnlySpan<double> v) => v[0] * v[0];

                [Differentiable(SecondOrder = true)]
                public static double Energy(ReadOnlySpan<double> v) => Norm(v) + v[0];
            }
            """),
        // An empty list means every floating-point parameter: not what was written.
        ["AGD0003_has_no_fix_when_the_list_would_be_left_empty"] = new(() => new DifferentiableListCodeFixProvider(), "AGD0003", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable(nameof(n))]
                public static double Power(double x, int n) => x * n;
            }
            """),
        ["AGD0010_guesses_no_parameter_for_a_name_unlike_all_of_them"] = new(() => new DifferentiableListCodeFixProvider(), "AGD0010", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable("z")]
                public static double Product(double x, double y) => x * y;
            }
            """),
    };

    public static TheoryData<string> FixNames() => [.. Fixes.Keys];

    public static TheoryData<string> NoFixNames() => [.. NoFixes.Keys];

    [Theory]
    [MemberData(nameof(FixNames))]
    public async Task The_fix_rewrites_the_source_and_the_method_is_then_differentiated(string name)
    {
        var fix = Fixes[name];
        var after = (await ApplyAsync(fix.Provider(), fix.Id, fix.Before)).ReplaceLineEndings("\n");
        var expected = fix.After.ReplaceLineEndings("\n");
        if (fix.Whole)
        {
            Assert.Equal(expected, after);
        }
        else
        {
            Assert.Contains(expected, after, StringComparison.Ordinal);
        }

        await AssertDifferentiatedAsync(after, fix.Method);
    }

    [Theory]
    [MemberData(nameof(NoFixNames))]
    public async Task No_fix_is_offered_where_one_edit_cannot_fix_it(string name)
    {
        var shape = NoFixes[name];
        Assert.Empty(await TitlesAsync(shape.Provider(), shape.Id, shape.Source));
    }

    [Fact]
    public async Task AGD0010_offers_nameof_of_the_misspelt_parameter_and_removing_the_name()
    {
        const string Before = """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable("x", "scael")]
                public static double Scaled(double x, double scale, double offset) => x * scale + offset;
            }
            """;

        var titles = await TitlesAsync(new DifferentiableListCodeFixProvider(), "AGD0010", Before);
        var after = await ApplyAsync(new DifferentiableListCodeFixProvider(), "AGD0010", Before, "Use nameof(scale)");
        var removed = await ApplyAsync(new DifferentiableListCodeFixProvider(), "AGD0010", Before, "Remove 'scael' from the [Differentiable] list");

        Assert.Equal(["Use nameof(scale)", "Remove 'scael' from the [Differentiable] list"], titles);
        Assert.Contains("[AutogradGen.Differentiable(\"x\", nameof(scale))]", after, StringComparison.Ordinal);
        Assert.Contains("[AutogradGen.Differentiable(\"x\")]", removed, StringComparison.Ordinal);
        await AssertDifferentiatedAsync(after, "Scaled");
        await AssertDifferentiatedAsync(removed, "Scaled");
    }

    private static async Task<string> ApplyAsync(CodeFixProvider provider, string id, string source, string? title = null)
    {
        var texts = await new CodeFixHarness(("/src/A.cs", source)).ApplyAsync(provider, id, title);
        return texts["/src/A.cs"];
    }

    private static Task<IReadOnlyList<string>> TitlesAsync(CodeFixProvider provider, string id, string source) =>
        new CodeFixHarness(("/src/A.cs", source)).OfferedTitlesAsync(provider, id);

    /// <summary>After the fix: no AutogradGen error (nor any other) and the method has its generated members.</summary>
    private static async Task AssertDifferentiatedAsync(string fixedSource, string method)
    {
        var diagnostics = await new CodeFixHarness(("/src/A.cs", fixedSource)).GeneratorDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

        var run = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/A.cs", fixedSource)));
        Assert.True(run.HasCodeFor(method), $"{method} got no generated members.");
        Assert.DoesNotContain(run.OutputCompilation.GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }
}
