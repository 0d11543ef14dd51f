using System.Reflection;
using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutogradGen.Generator.Tooling.Tests.Incremental;

/// <summary>
/// A method is parsed (bound) again only when its own text or what its binding depends on outside bodies changed:
/// edits inside one body re-run that method's steps alone, and edits that change another method's meaning
/// (signatures, overloads, usings, field types, user derivatives) re-run it and give what a fresh run gives.
/// </summary>
public class IncrementalRebindingTests
{
    private const string FunctionsPath = "/src/Functions.cs";
    private const string HelpersPath = "/src/Helpers.cs";

    private const string Functions = """
        using AutogradGen;

        namespace Samples;

        public static partial class Functions
        {
            [Differentiable]
            public static double First(double x) => x * x + 1.0;

            [Differentiable]
            public static double Second(double x, double y)
            {
                var s = x * y;
                return s * s;
            }

            [Differentiable]
            public static double Caller(double x) => Callee(x) * 2.0;

            [Differentiable]
            public static double Callee(double x) => x * x * x;

            [Differentiable]
            public static double Scaled(double x) => x * Helpers.Factor;

            [Differentiable]
            public static double Constant(double x) => 3.0;
        }
        """;

    private const string Helpers = """
        namespace Samples;

        public static class Helpers
        {
            public static double Factor = 2.5;

            public static double Unrelated(int n)
            {
                return n + 1;
            }
        }
        """;

    [Fact]
    public void Editing_one_method_body_parses_only_that_method_again()
    {
        var (driver, compilation) = WarmRun();

        var run = driver.RunGenerators(Edit(compilation, FunctionsPath, "x * x + 1.0", "x * x + 1.25")).GetRunResult();

        Assert.Equal(["Modified"], Reasons(run, DifferentiableGenerator.TrackingNames.Methods).Where(r => r != "Cached").ToList());
        Assert.Equal("M:Samples.Functions.First(System.Double)", Assert.Single(Outputs(run, DifferentiableGenerator.TrackingNames.Methods, IncrementalStepRunReason.Modified).Select(Key)));
    }

    [Fact]
    public void Editing_one_method_body_leaves_every_other_method_cached_to_its_output()
    {
        var (driver, compilation) = WarmRun();

        var run = driver.RunGenerators(Edit(compilation, FunctionsPath, "x * x + 1.0", "x * x + 1.25")).GetRunResult();

        foreach (var step in new[]
        {
            DifferentiableGenerator.TrackingNames.AnalyzedMethods, DifferentiableGenerator.TrackingNames.Resolved, DifferentiableGenerator.TrackingNames.EmitRequests,
            DifferentiableGenerator.TrackingNames.EmittedMembers,
        })
        {
            Assert.Equal([(step, "Modified")], Reasons(run, step).Where(r => r != "Cached").Select(r => (step, r)).ToList());
        }

        Assert.Equal(["Cached"], Reasons(run, DifferentiableGenerator.TrackingNames.CallResolution).Distinct().ToList());
    }

    [Fact]
    public void Editing_one_method_body_writes_only_its_types_file_again()
    {
        // One file per type: Spread's two partial declarations share one file, Other has its own; an edit in Other
        // writes Other's file again and leaves Spread's as it was.
        const string Part1 = """
            namespace Samples;
            public static partial class Spread
            {
                [AutogradGen.Differentiable] public static double B(double x) => x * 2.0;
                [AutogradGen.Differentiable] public static double A(double x) => x * 3.0;
            }
            """;
        const string Part2 = """
            namespace Samples;
            public static partial class Spread
            {
                [AutogradGen.Differentiable] public static double C(double x) => x * 4.0;
            }
            public static partial class Other
            {
                [AutogradGen.Differentiable] public static double D(double x) => x * 5.0;
            }
            """;
        var compilation = GeneratorHarness.Compile(("/src/Part1.cs", Part1), ("/src/Part2.cs", Part2));
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var first = driver.GetRunResult();
        Assert.Equal(["Samples.Other.Derivatives.g.cs", "Samples.Spread.Derivatives.g.cs"], first.Results[0].GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        var spread = first.Results[0].GeneratedSources.Single(s => s.HintName == "Samples.Spread.Derivatives.g.cs").SourceText.ToString();
        // In source order: the files by path, then by line within a file.
        Assert.True(spread.IndexOf("BGradient(", StringComparison.Ordinal) < spread.IndexOf("AGradient(", StringComparison.Ordinal));
        Assert.True(spread.IndexOf("AGradient(", StringComparison.Ordinal) < spread.IndexOf("CGradient(", StringComparison.Ordinal));
        Assert.Contains("// Derivatives of B, A and C, generated by AutogradGen.", spread, StringComparison.Ordinal);

        var run = driver.RunGenerators(Edit(compilation, "/src/Part2.cs", "x * 5.0", "x * 5.5")).GetRunResult();

        Assert.Equal(["Modified", "Unchanged"], Reasons(run, DifferentiableGenerator.TrackingNames.TypeFiles));
        Assert.Single(Reasons(run, DifferentiableGenerator.TrackingNames.EmittedMembers), r => r != "Cached");
        Assert.Contains("x * 5.5", run.Results[0].GeneratedSources.Single(s => s.HintName == "Samples.Other.Derivatives.g.cs").SourceText.ToString(), StringComparison.Ordinal);
        Assert.Equal(spread, run.Results[0].GeneratedSources.Single(s => s.HintName == "Samples.Spread.Derivatives.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Lengthening_a_line_above_other_methods_does_not_parse_them_again()
    {
        // First is above every other method of the file: its longer line moves them in the file, not in lines.
        var (driver, compilation) = WarmRun();

        var run = driver.RunGenerators(Edit(compilation, FunctionsPath, "x * x + 1.0", "x * x + 1.0 + 0.0 * x")).GetRunResult();

        Assert.Single(Reasons(run, DifferentiableGenerator.TrackingNames.Methods), r => r != "Cached");
    }

    [Fact]
    public void Diagnostics_of_cached_methods_below_a_lengthened_line_are_reported_where_a_fresh_run_reports_them()
    {
        // Constant's result does not depend on x (AGD0012): its cached diagnostic must follow the moved text.
        var (driver, compilation) = WarmRun();
        var edited = Edit(compilation, FunctionsPath, "x * x + 1.0", "x * x + 1.0 + 0.0 * x");

        var run = driver.RunGenerators(edited).GetRunResult();

        Assert.Contains(run.Diagnostics, d => d.Id == "AGD0012");
        FreshRunAssert.SameAsFreshRun(run, FreshRun(edited));
    }

    [Fact]
    public void Changing_a_callee_signature_parses_its_caller_again()
    {
        var (driver, compilation) = WarmRun();

        var run = driver.RunGenerators(Edit(compilation, FunctionsPath, "public static double Callee(double x)", "public static double Callee(double x, double k = 1.0)")).GetRunResult();

        Assert.Contains("M:Samples.Functions.Caller(System.Double)", Outputs(run, DifferentiableGenerator.TrackingNames.Methods, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified).Select(Key));
    }

    [Fact]
    public void Changing_a_callee_signature_generates_what_a_fresh_run_generates()
    {
        var (driver, compilation) = WarmRun();
        var edited = Edit(compilation, FunctionsPath, "public static double Callee(double x)", "public static double Callee(double x, double k = 1.0)");

        FreshRunAssert.SameAsFreshRun(driver.RunGenerators(edited).GetRunResult(), FreshRun(edited));
    }

    [Fact]
    public void Changing_a_field_type_in_another_file_generates_what_a_fresh_run_generates()
    {
        var (driver, compilation) = WarmRun();
        var edited = Edit(compilation, HelpersPath, "public static double Factor = 2.5;", "public static float Factor = 2.5f;");

        var run = driver.RunGenerators(edited).GetRunResult();

        Assert.Contains("M:Samples.Functions.Scaled(System.Double)", Outputs(run, DifferentiableGenerator.TrackingNames.Methods, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified).Select(Key));
        FreshRunAssert.SameAsFreshRun(run, FreshRun(edited));
    }

    [Fact]
    public void Adding_an_overload_in_another_file_that_changes_a_call_generates_what_a_fresh_run_generates()
    {
        // Callee(x) in Caller becomes ambiguous: Caller must lose its code, although its own text did not change.
        var (driver, compilation) = WarmRun();
        var overload = CSharpSyntaxTree.ParseText("""
            namespace Samples;

            public static partial class Functions
            {
                public static double Callee(double y) => y;
            }
            """, GeneratorHarness.ParseOptions, "/src/Overload.cs");
        var edited = compilation.AddSyntaxTrees(overload);

        var run = driver.RunGenerators(edited).GetRunResult();

        Assert.False(GeneratorRun.HasCodeFor(run, "Caller"));
        FreshRunAssert.SameAsFreshRun(run, FreshRun(edited));
    }

    [Fact]
    public void Adding_a_using_that_makes_a_body_compile_generates_what_a_fresh_run_generates()
    {
        var source = """
            using AutogradGen;

            namespace Samples;

            public static partial class NeedsUsing
            {
                [Differentiable]
                public static double Root(double x) => Sqrt(x * x + 1.0);
            }
            """;
        var compilation = GeneratorHarness.Compile([(FunctionsPath, Functions), (HelpersPath, Helpers), ("/src/NeedsUsing.cs", source)]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var edited = Edit(compilation, "/src/NeedsUsing.cs", "using AutogradGen;", "using AutogradGen;\nusing static System.Math;");

        var run = driver.RunGenerators(edited).GetRunResult();

        Assert.True(GeneratorRun.HasCodeFor(run, "Root"));
        FreshRunAssert.SameAsFreshRun(run, FreshRun(edited));
    }

    [Fact]
    public void Adding_a_user_derivative_elsewhere_generates_what_a_fresh_run_generates()
    {
        var source = """
            using AutogradGen;

            namespace Samples;

            public static partial class UsesHelper
            {
                [Differentiable]
                public static double Smooth(double x) => Helpers.Unrelated(1) * Soft(x);

                public static double Soft(double x) => System.Math.Log(1 + System.Math.Exp(x));
            }
            """;
        var derivative = """
            using AutogradGen;

            namespace Samples;

            public static partial class Derivatives
            {
                [DerivativeOf(typeof(UsesHelper), nameof(UsesHelper.Soft))]
                public static double SoftGradient(double x, out double dx)
                {
                    dx = 1 / (1 + System.Math.Exp(-x));
                    return UsesHelper.Soft(x);
                }
            }
            """;
        var compilation = GeneratorHarness.Compile([(FunctionsPath, Functions), (HelpersPath, Helpers), ("/src/UsesHelper.cs", source)]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(derivative, GeneratorHarness.ParseOptions, "/src/Derivatives.cs"));

        var run = driver.RunGenerators(edited).GetRunResult();

        Assert.True(GeneratorRun.HasCodeFor(run, "Smooth"));
        FreshRunAssert.SameAsFreshRun(run, FreshRun(edited));
    }

    [Fact]
    public void Editing_a_body_between_a_method_and_its_clashing_name_reports_the_clash_where_it_now_is_and_still_generates_nothing()
    {
        // AGD0011 points at Clash.FGradient, below Filler's body: the edit moves it without touching F. The analyzer
        // reports it (on every compilation, so at the new line); the cached generator still generates nothing for F.
        var source = """
            using AutogradGen;

            namespace Samples;

            public static partial class Clash
            {
                [Differentiable]
                public static double F(double x) => x * x;

                public static int Filler(int n)
                {
                    return n;
                }

                public static double FGradient(double x) => x;
            }
            """;
        var compilation = GeneratorHarness.Compile([(HelpersPath, Helpers), ("/src/Clash.cs", source)]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var edited = Edit(compilation, "/src/Clash.cs", "return n;", "return n;\n        }\n\n        public static int Filler2(int n)\n        {\n            return n + n;");

        var run = driver.RunGenerators(edited).GetRunResult();

        Assert.Contains(GeneratorHarness.AnalyzerDiagnostics(edited), d => d.Id == "AGD0011" && d.Location.SourceTree?.FilePath == "/src/Clash.cs" && d.Location.GetLineSpan().StartLinePosition.Line == 19);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "AGD0011");
        Assert.False(GeneratorRun.HasCodeFor(run, "F"));
        FreshRunAssert.SameAsFreshRun(run, FreshRun(edited));
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) WarmRun()
    {
        var compilation = GeneratorHarness.Compile([(FunctionsPath, Functions), (HelpersPath, Helpers)]);
        return (GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation), compilation);
    }

    private static GeneratorDriverRunResult FreshRun(Compilation compilation) =>
        GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation).GetRunResult();

    private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string from, string to)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText();
        var start = text.ToString().IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' is not in {path}.");
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.Replace(start, from.Length, to)));
    }

    private static List<string> Reasons(GeneratorDriverRunResult run, string step) =>
        run.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason.ToString()).ToList();

    private static IEnumerable<object> Outputs(GeneratorDriverRunResult run, string step, params IncrementalStepRunReason[] reasons) =>
        run.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Where(o => reasons.Contains(o.Reason)).Select(o => o.Value);

    /// <summary>The documentation id a parsed method carries (the models are internal to the generator).</summary>
    private static string Key(object parsed) =>
        (string)parsed.GetType().GetProperty("Key", BindingFlags.Public | BindingFlags.Instance)!.GetValue(parsed)!;
}
