using AutogradGen.CodeFixes;
using AutogradGen.Generator.Tooling.Tests.Infrastructure;

namespace AutogradGen.Generator.Tooling.Tests.CodeFixes;

/// <summary>AGD0002 is left for tensor methods, which must still be static: the fix makes one static.</summary>
public class MakeMethodStaticTests
{
    private const string Id = "AGD0002";

    [Fact]
    public async Task Static_goes_after_the_accessibility_modifier()
    {
        var fixedText = await ApplyAsync("""
            public partial class Objectives
            {
                [AutogradGen.Differentiable]
                public AutogradGen.Tensor Square(AutogradGen.Tensor x) => x * x;
            }
            """);

        Assert.Equal("""
            public partial class Objectives
            {
                [AutogradGen.Differentiable]
                public static AutogradGen.Tensor Square(AutogradGen.Tensor x) => x * x;
            }
            """, fixedText);
    }

    [Fact]
    public async Task A_method_without_modifiers_gets_static_first_with_its_indentation()
    {
        var fixedText = await ApplyAsync("""
            partial class Objectives
            {
                /// <summary>x².</summary>
                [AutogradGen.Differentiable]
                AutogradGen.Tensor Square(AutogradGen.Tensor x) => x * x;
            }
            """);

        Assert.Contains("""
                [AutogradGen.Differentiable]
                static AutogradGen.Tensor Square(AutogradGen.Tensor x) => x * x;
            """, fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_fix_the_generator_reports_nothing()
    {
        var fixedText = await ApplyAsync("""
            public partial class Objectives
            {
                [AutogradGen.Differentiable]
                public AutogradGen.Tensor Square(AutogradGen.Tensor x) => x * x;
            }
            """);

        var diagnostics = await new CodeFixHarness(("/src/A.cs", fixedText)).GeneratorDiagnosticsAsync();

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task No_fix_is_offered_when_the_method_reads_instance_state()
    {
        var harness = new CodeFixHarness(("/src/A.cs", """
            public partial class Model
            {
                private double _scale = 2;

                [AutogradGen.Differentiable]
                public AutogradGen.Tensor Scaled(AutogradGen.Tensor x) => x * _scale;
            }
            """));

        var titles = await harness.OfferedTitlesAsync(new MakeMethodStaticCodeFixProvider(), Id);

        Assert.Empty(titles);
    }

    [Fact]
    public async Task A_fix_is_offered_when_the_method_only_reads_constants_and_static_members()
    {
        var harness = new CodeFixHarness(("/src/A.cs", """
            public partial class Model
            {
                private const double Scale = 2;
                private static readonly double s_offset = 1;

                [AutogradGen.Differentiable]
                public AutogradGen.Tensor Scaled(AutogradGen.Tensor x) => x * Scale + s_offset;
            }
            """));

        var titles = await harness.OfferedTitlesAsync(new MakeMethodStaticCodeFixProvider(), Id);

        Assert.Equal(["Make 'Scaled' static"], titles);
    }

    private static async Task<string> ApplyAsync(string source)
    {
        var texts = await new CodeFixHarness(("/src/A.cs", source)).ApplyAsync(new MakeMethodStaticCodeFixProvider(), Id);
        return texts["/src/A.cs"];
    }
}
