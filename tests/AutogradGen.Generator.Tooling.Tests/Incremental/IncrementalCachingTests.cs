using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutogradGen.Generator.Tooling.Tests.Incremental;

public class IncrementalCachingTests
{
    /// <summary>A file with a method the generator ignores, edited by the tests below.</summary>
    private const string UnrelatedFile = """
        namespace Samples;

        public static class Unrelated
        {
            public static int Count(int n)
            {
                return n + 1;
            }
        }
        """;

    [Fact]
    public void The_parsing_and_resolving_steps_have_tracking_names()
    {
        Assert.Superset(new HashSet<string>(["Methods", "UserDerivatives", "Resolved"]), new HashSet<string>(IncrementalStepAssert.TrackingNames));
    }

    [Fact]
    public void Every_tracking_name_names_a_step_that_runs()
    {
        var run = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(Compilation()).GetRunResult();

        Assert.All(IncrementalStepAssert.TrackingNames, name => Assert.Contains(name, run.Results[0].TrackedSteps.Keys));
    }

    [Fact]
    public void A_second_run_on_the_same_compilation_is_served_from_the_cache()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var second = driver.RunGenerators(compilation).GetRunResult();

        IncrementalStepAssert.EveryStepIsCached(second);
    }

    [Fact]
    public void A_second_run_on_a_clone_of_the_compilation_is_served_from_the_cache()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult();

        IncrementalStepAssert.EveryStepIsCached(second);
    }

    [Fact]
    public void Adding_an_unrelated_file_reuses_every_step()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Samples; public static class Added { public static double Half(double x) => x / 2; }", GeneratorHarness.ParseOptions, "/src/Added.cs"));

        var second = driver.RunGenerators(added).GetRunResult();

        IncrementalStepAssert.EveryStepIsCached(second);
    }

    [Fact]
    public void Editing_the_body_of_a_method_without_the_attribute_reuses_every_step()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Unrelated.cs");
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(
            UnrelatedFile.IndexOf("n + 1", StringComparison.Ordinal), "n + 1".Length, "n * 2 + 1")));

        var second = driver.RunGenerators(edited).GetRunResult();

        IncrementalStepAssert.EveryStepIsCached(second);
    }

    [Fact]
    public void Editing_a_method_without_the_attribute_below_differentiable_ones_in_the_same_file_reuses_every_step()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/UserDerivative.cs");
        var text = tree.GetText().ToString();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(
            text.IndexOf("x / 2;", StringComparison.Ordinal), "x / 2;".Length, "(x - 1) / 2.5;")));

        var second = driver.RunGenerators(edited).GetRunResult();

        IncrementalStepAssert.EveryStepIsCached(second);
    }

    [Fact]
    public void Editing_a_differentiable_method_reruns_its_steps()
    {
        // The counterpart of the tests above: the cache is not merely always hit.
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/UserDerivative.cs");
        var text = tree.GetText().ToString();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(
            text.IndexOf("+ y;", StringComparison.Ordinal), "+ y;".Length, "- y;")));

        var second = driver.RunGenerators(edited).GetRunResult();

        var reasons = second.Results[0].TrackedSteps[DifferentiableGenerator.TrackingNames.Methods]
            .SelectMany(step => step.Outputs).Select(output => output.Reason);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
    }

    [Fact]
    public void No_step_keeps_symbols_syntax_or_compilations_in_its_outputs()
    {
        var run = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(Compilation()).GetRunResult();

        IncrementalStepAssert.NoStepKeepsCompilerObjects(run);
    }

    private static CSharpCompilation Compilation() =>
        GeneratorHarness.Compile([.. TestSources.All, ("/src/Unrelated.cs", UnrelatedFile)]);
}
