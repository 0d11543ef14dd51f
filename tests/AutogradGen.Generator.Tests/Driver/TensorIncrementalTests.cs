using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>The tensor pipeline's steps hit the cache on a second run, unchanged or after an unrelated edit; output is deterministic.</summary>
public class TensorIncrementalTests
{
    private const string Source = """
        using AutogradGen;

        public static partial class Model
        {
            [Differentiable(nameof(w))]
            public static Tensor Loss(Tensor x, Tensor w) => ((x * w + 1).Tanh()).Sum();

            public static Tensor Run(Tensor x, Tensor w) => Loss(x, w);
        }
        """;

    private static readonly CSharpParseOptions s_options =
        new CSharpParseOptions(LanguageVersion.Latest).WithFeatures([new("InterceptorsNamespaces", "AutogradGen.Interceptors")]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Tensor_steps_are_cached_on_a_second_run(bool unrelatedEdit)
    {
        var compilation = Compile(CSharpSyntaxTree.ParseText(SourceText.From(Source), s_options, "/src/Model.cs"));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: s_options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        var next = unrelatedEdit
            ? compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { public static int Two => 2; }", s_options, "/src/Unrelated.cs"))
            : compilation.Clone();
        driver = driver.RunGenerators(next);

        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        foreach (var name in new[] { "TensorMethods", "TensorResolved", "TensorCalls" })
        {
            var outputs = steps[name].SelectMany(step => step.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }
    }

    [Fact]
    public void The_same_tensor_method_gives_the_same_bytes_twice()
    {
        string Generate() => string.Join("\n", CSharpGeneratorDriver.Create([new DifferentiableGenerator().AsSourceGenerator()], parseOptions: s_options)
            .RunGenerators(Compile(CSharpSyntaxTree.ParseText(SourceText.From(Source), s_options, "/src/Model.cs")))
            .GetRunResult().Results[0].GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText));
        var first = Generate();
        Assert.Contains("LossFused0Backward", first, StringComparison.Ordinal);
        Assert.Equal(first, Generate());
    }

    private static CSharpCompilation Compile(SyntaxTree tree) => CSharpCompilation.Create("Incremental", [tree], GeneratorHarness.References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
