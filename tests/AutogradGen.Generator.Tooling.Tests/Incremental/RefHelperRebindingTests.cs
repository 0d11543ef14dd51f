using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutogradGen.Generator.Tooling.Tests.Incremental;

/// <summary>
/// A void helper or one with ref/out parameters is inlined into its callers, so its body is part of what their binding
/// depends on: editing it, in another file, must give the callers what a fresh run gives.
/// </summary>
public class RefHelperRebindingTests
{
    private const string CallerPath = "/src/Caller.cs";
    private const string HelperPath = "/src/Steps.cs";

    private const string Caller = """
        using AutogradGen;

        namespace Samples;

        public static partial class Simulation
        {
            [Differentiable]
            public static double Run(double x0, double k)
            {
                var x = x0;
                var v = 0.0;
                for (var i = 0; i < 4; i++)
                {
                    Steps.Euler(ref x, ref v, k, 0.1);
                }

                return x;
            }
        }
        """;

    private const string Helper = """
        using AutogradGen;

        namespace Samples;

        public static partial class Steps
        {
            [Differentiable]
            public static void Euler(ref double x, ref double v, double k, double dt)
            {
                var a = -k * x;
                x += v * dt;
                v += a * dt;
            }
        }
        """;

    [Fact]
    public void Editing_a_ref_helpers_body_in_another_file_generates_what_a_fresh_run_generates()
    {
        var compilation = GeneratorHarness.Compile([(CallerPath, Caller), (HelperPath, Helper)]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var edited = Edit(compilation, HelperPath, "var a = -k * x;", "var a = -k * System.Math.Sin(x);");

        var run = driver.RunGenerators(edited).GetRunResult();

        Assert.Contains(run.GeneratedTrees, tree => tree.ToString().Contains("Sin(", StringComparison.Ordinal));
        FreshRunAssert.SameAsFreshRun(run, GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(edited).GetRunResult());
    }

    private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string from, string to)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText();
        var start = text.ToString().IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' is not in {path}.");
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.Replace(start, from.Length, to)));
    }
}
