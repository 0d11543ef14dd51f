using AutogradGen.CodeFixes;
using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AutogradGen.Generator.Tooling.Tests.CodeFixes;

/// <summary>
/// The one-edit fixes of the reach diagnostics (docs/DIAGNOSTICS.md, "Code fix" under each id): the source before and
/// after, and after the fix the generator differentiates the method with no AutogradGen error left.
/// </summary>
public class ReachCodeFixTests
{
    [Fact]
    public async Task AGD0017_ref_readonly_becomes_in()
    {
        var after = await ApplyAsync(new DeclareParameterInCodeFixProvider(), "AGD0017", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Square(ref readonly double x, double y) => x * x * y;
            }
            """);

        Assert.Equal("""
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Square(in double x, double y) => x * x * y;
            }
            """, after);
        await AssertDifferentiatedAsync(after, "Square");
    }

    [Fact]
    public async Task AGD0017_has_no_fix_for_a_method_without_a_body_or_a_tensor_parameter_by_reference()
    {
        var titles = await TitlesAsync(new DeclareParameterInCodeFixProvider(), "AGD0017", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static extern double Square(double x);

                [AutogradGen.Differentiable]
                public static AutogradGen.Tensor Loss(ref readonly AutogradGen.Tensor x) => x * x;
            }
            """);

        Assert.Empty(titles);
    }

    [Fact]
    public async Task AGD0076_marks_the_callee_second_order()
    {
        var after = await ApplyAsync(new MarkCalleeSecondOrderCodeFixProvider(), "AGD0076", """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable]
                public static double Square(double x) => x * x;

                [Differentiable(SecondOrder = true)]
                public static double Energy(double x, double y) => Square(x - y) + x * y;
            }
            """);

        Assert.Equal("""
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable(SecondOrder = true)]
                public static double Square(double x) => x * x;

                [Differentiable(SecondOrder = true)]
                public static double Energy(double x, double y) => Square(x - y) + x * y;
            }
            """, after);
        await AssertDifferentiatedAsync(after, "Energy");
    }

    [Fact]
    public async Task AGD0076_keeps_the_callees_list_and_adds_SecondOrder_after_it()
    {
        var after = await ApplyAsync(new MarkCalleeSecondOrderCodeFixProvider(), "AGD0076", """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable(nameof(x))]
                public static double Scale(double x, double k) => k * x * x;

                [Differentiable(SecondOrder = true)]
                public static double Energy(double x) => Scale(x, 3.0) + x;
            }
            """);

        Assert.Contains("[Differentiable(nameof(x), SecondOrder = true)]\n    public static double Scale", after.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        await AssertDifferentiatedAsync(after, "Energy");
    }

    [Fact]
    public async Task AGD0076_has_no_fix_when_the_callee_takes_a_span()
    {
        var titles = await TitlesAsync(new MarkCalleeSecondOrderCodeFixProvider(), "AGD0076", """
            using System;
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable]
                public static double Norm(ReadOnlySpan<double> v) => v[0] * v[0];

                [Differentiable(SecondOrder = true)]
                public static double Energy(ReadOnlySpan<double> v) => Norm(v) + v[0];
            }
            """);

        Assert.Empty(titles);
    }

    [Fact]
    public async Task AGD0090_marks_the_nested_derivatives_method_second_order()
    {
        var after = await ApplyAsync(new MarkCalleeSecondOrderCodeFixProvider(), "AGD0090", """
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
            """);

        Assert.Equal("""
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
            """, after);
        await AssertDifferentiatedAsync(after, "Steepness");
    }

    [Fact]
    public async Task AGD0091_out_var_becomes_out_double()
    {
        var after = await ApplyAsync(new DeclareGradientDoubleCodeFixProvider(), "AGD0091", """
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
            """);

        Assert.Contains("BowlGradient(x, y, out double gx, out double gy);", after, StringComparison.Ordinal);
        await AssertDifferentiatedAsync(after, "Steepness");
    }

    [Fact]
    public async Task AGD0093_removes_SecondOrder_from_the_calling_method()
    {
        var after = await ApplyAsync(new RemoveSecondOrderCodeFixProvider(), "AGD0093", """
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
            """);

        Assert.Equal("""
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
            """, after);
        await AssertDifferentiatedAsync(after, "Steepness");
    }

    [Fact]
    public async Task AGD0003_removes_the_parameter_from_the_list()
    {
        var after = await ApplyAsync(new DifferentiableListCodeFixProvider(), "AGD0003", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable(nameof(n), nameof(x))]
                public static double Power(double x, int n) => x * n;
            }
            """);

        Assert.Contains("[AutogradGen.Differentiable(nameof(x))]", after, StringComparison.Ordinal);
        await AssertDifferentiatedAsync(after, "Power");
    }

    [Fact]
    public async Task AGD0003_has_no_fix_when_the_list_would_be_left_empty()
    {
        // An empty list means every floating-point parameter: not what was written.
        var titles = await TitlesAsync(new DifferentiableListCodeFixProvider(), "AGD0003", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable(nameof(n))]
                public static double Power(double x, int n) => x * n;
            }
            """);

        Assert.Empty(titles);
    }

    [Fact]
    public async Task AGD0072_removes_the_results_span_from_the_list()
    {
        var after = await ApplyAsync(new DifferentiableListCodeFixProvider(), "AGD0072", """
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
            """);

        Assert.Contains("[Differentiable(\"p\")]", after, StringComparison.Ordinal);
        await AssertDifferentiatedAsync(after, "Double");
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

    [Fact]
    public async Task AGD0010_guesses_no_parameter_for_a_name_unlike_all_of_them()
    {
        var titles = await TitlesAsync(new DifferentiableListCodeFixProvider(), "AGD0010", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable("z")]
                public static double Product(double x, double y) => x * y;
            }
            """);

        Assert.Empty(titles);
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
