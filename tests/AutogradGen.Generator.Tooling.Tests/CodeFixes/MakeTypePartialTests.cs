using AutogradGen.CodeFixes;
using AutogradGen.Generator.Tooling.Tests.Infrastructure;

namespace AutogradGen.Generator.Tooling.Tests.CodeFixes;

public class MakeTypePartialTests
{
    private const string Id = "AGD0001";

    [Fact]
    public async Task Partial_goes_after_the_other_modifiers_right_before_class()
    {
        var fixedText = await ApplyAsync("""
            using AutogradGen;

            public static class Objectives
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
            """);

        Assert.Equal("""
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
            """, fixedText);
    }

    [Fact]
    public async Task A_type_without_modifiers_keeps_its_doc_comment_and_indentation()
    {
        var fixedText = await ApplyAsync("""
            namespace Models
            {
                /// <summary>Objectives.</summary>
                class Objectives
                {
                    [AutogradGen.Differentiable]
                    public static double Square(double x) => x * x;
                }
            }
            """);

        Assert.Equal("""
            namespace Models
            {
                /// <summary>Objectives.</summary>
                partial class Objectives
                {
                    [AutogradGen.Differentiable]
                    public static double Square(double x) => x * x;
                }
            }
            """, fixedText);
    }

    [Fact]
    public async Task A_readonly_struct_becomes_readonly_partial_struct()
    {
        var fixedText = await ApplyAsync("""
            public readonly struct Model
            {
                [AutogradGen.Differentiable]
                public static double Square(double x) => x * x;
            }
            """);

        Assert.StartsWith("public readonly partial struct Model", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_flagged_outer_type_of_a_nested_partial_type_is_the_one_made_partial()
    {
        var fixedText = await ApplyAsync("""
            public static class Outer
            {
                public static partial class Inner
                {
                    [AutogradGen.Differentiable]
                    public static double Square(double x) => x * x;
                }
            }
            """);

        Assert.StartsWith("public static partial class Outer", fixedText, StringComparison.Ordinal);
        Assert.Contains("    public static partial class Inner", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_declaration_of_the_type_is_made_partial_across_files()
    {
        var harness = new CodeFixHarness(
            ("/src/A.cs", """
                public static class Objectives
                {
                    [AutogradGen.Differentiable]
                    public static double Square(double x) => x * x;
                }
                """),
            ("/src/B.cs", """
                public static class Objectives
                {
                    public static double Unrelated() => 1;
                }
                """));

        var texts = await harness.ApplyAsync(new MakeTypePartialCodeFixProvider(), Id);

        Assert.StartsWith("public static partial class Objectives", texts["/src/A.cs"], StringComparison.Ordinal);
        Assert.StartsWith("public static partial class Objectives", texts["/src/B.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_fix_the_generator_no_longer_reports_the_type()
    {
        var fixedText = await ApplyAsync("""
            public static class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Square(double x) => x * x;
            }
            """);

        var diagnostics = await new CodeFixHarness(("/src/A.cs", fixedText)).GeneratorDiagnosticsAsync();

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task The_fix_title_names_the_type()
    {
        var harness = new CodeFixHarness(("/src/A.cs", """
            public static class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Square(double x) => x * x;
            }
            """));

        var titles = await harness.OfferedTitlesAsync(new MakeTypePartialCodeFixProvider(), Id);

        Assert.Equal(["Make 'Objectives' partial"], titles);
    }

    private static async Task<string> ApplyAsync(string source)
    {
        var texts = await new CodeFixHarness(("/src/A.cs", source)).ApplyAsync(new MakeTypePartialCodeFixProvider(), Id);
        return texts["/src/A.cs"];
    }
}
