using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>Interceptors for calls of tensor methods: generated only where the project enables their namespace.</summary>
public class TensorInterceptorTests
{
    private const string Source = """
        using AutogradGen;

        public static partial class Model
        {
            [Differentiable(nameof(w))]
            public static Tensor Loss(Tensor x, Tensor w) => (x * w).Sum();
        }

        public static class Program
        {
            public static Tensor Run(Tensor x, Tensor w) => Model.Loss(x, w) + Model.Loss(w, x);
        }
        """;

    [Fact]
    public void Calls_are_intercepted_when_the_namespace_is_enabled_and_the_result_compiles()
    {
        var (sources, problems) = Run(new Dictionary<string, string> { ["InterceptorsNamespaces"] = "Other;AutogradGen.Interceptors" });
        var interceptors = Assert.Single(sources, s => s.HintName == "AutogradGen.Interceptors.g.cs");
        var text = interceptors.SourceText.ToString();
        Assert.Equal(2, text.Split("InterceptsLocation(1, ").Length - 1);
        Assert.Contains("global::Model.LossRecorded(x, w)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(problems, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Nothing_is_intercepted_when_the_namespace_is_not_enabled()
    {
        var (sources, problems) = Run(new Dictionary<string, string>());
        Assert.DoesNotContain(sources, s => s.HintName == "AutogradGen.Interceptors.g.cs");
        Assert.DoesNotContain(problems, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    private static (IReadOnlyList<GeneratedSourceResult> Sources, IReadOnlyList<Diagnostic> Problems) Run(Dictionary<string, string> features)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest).WithFeatures(features);
        var compilation = CSharpCompilation.Create("Interceptors",
            [CSharpSyntaxTree.ParseText(SourceText.From(Source), options, "/src/Program.cs")],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create([new DifferentiableGenerator().AsSourceGenerator()], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var sources = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();
        return (sources, output.GetDiagnostics().ToList());
    }
}
