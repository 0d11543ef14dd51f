using AutogradGen.CodeFixes;
using AutogradGen.Generator.Tooling.Tests.Infrastructure;

namespace AutogradGen.Generator.Tooling.Tests.CodeFixes;

public class MarkCalleeDifferentiableTests
{
    private const string Id = "AGD0007";

    [Fact]
    public async Task The_callee_in_the_same_file_gets_the_attribute_on_its_own_line()
    {
        var harness = new CodeFixHarness(("/src/A.cs", """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable]
                public static double Energy(double x) => Square(x) + x;

                /// <summary>x².</summary>
                public static double Square(double x) => x * x;
            }
            """));

        var texts = await harness.ApplyAsync(new MarkCalleeDifferentiableCodeFixProvider(), Id);

        Assert.Equal("""
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable]
                public static double Energy(double x) => Square(x) + x;

                /// <summary>x².</summary>
                [Differentiable]
                public static double Square(double x) => x * x;
            }
            """, texts["/src/A.cs"]);
    }

    [Fact]
    public async Task A_callee_in_another_file_gets_the_attribute_and_the_using_directive()
    {
        var harness = new CodeFixHarness(
            ("/src/A.cs", """
                using AutogradGen;

                public static partial class Objectives
                {
                    [Differentiable]
                    public static double Energy(double x) => Helpers.Square(x);
                }
                """),
            ("/src/Helpers.cs", """
                using System;

                public static partial class Helpers
                {
                    public static double Square(double x) => x * x;
                }
                """));

        var texts = await harness.ApplyAsync(new MarkCalleeDifferentiableCodeFixProvider(), Id);

        Assert.Equal("""
            using System;
            using AutogradGen;

            public static partial class Helpers
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
            """, texts["/src/Helpers.cs"]);
    }

    [Fact]
    public async Task After_the_fix_the_generator_differentiates_both_methods_without_errors()
    {
        var harness = new CodeFixHarness(("/src/A.cs", """
            using AutogradGen;

            public static partial class Objectives
            {
                [Differentiable]
                public static double Energy(double x) => Square(x) + x;

                public static double Square(double x) => x * x;
            }
            """));
        var texts = await harness.ApplyAsync(new MarkCalleeDifferentiableCodeFixProvider(), Id);

        var run = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/A.cs", texts["/src/A.cs"])));

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["Objectives.Derivatives.g.cs"], run.Result.GeneratedTrees.Select(tree => Path.GetFileName(tree.FilePath)));
        Assert.True(run.HasCodeFor("Energy"));
        Assert.True(run.HasCodeFor("Square"));
    }

    [Fact]
    public async Task The_fix_title_names_the_callee()
    {
        var harness = new CodeFixHarness(("/src/A.cs", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Energy(double x) => Square(x);

                public static double Square(double x) => x * x;
            }
            """));

        var titles = await harness.OfferedTitlesAsync(new MarkCalleeDifferentiableCodeFixProvider(), Id);

        Assert.Equal(["Mark 'Square' [Differentiable]"], titles);
    }

    [Fact]
    public async Task No_fix_is_offered_for_a_method_compiled_into_another_assembly()
    {
        var harness = new CodeFixHarness(("/src/A.cs", """
            public static partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static double Energy(double x) => System.Math.BitIncrement(x);
            }
            """));

        var titles = await harness.OfferedTitlesAsync(new MarkCalleeDifferentiableCodeFixProvider(), Id);

        Assert.Empty(titles);
    }
}
