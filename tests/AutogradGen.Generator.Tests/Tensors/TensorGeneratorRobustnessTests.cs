using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using AutogradGen.Generator.Tests.Driver;

namespace AutogradGen.Generator.Tests.Tensors;

/// <summary>
/// The generator on tensor methods as they look while being typed: mutated versions of the tensor test functions
/// (deleted tokens, truncated methods, swapped identifiers). It never fails (no AGD0018, no exception), and the code
/// it generates never has an error of its own, whatever state the user's code is in.
/// </summary>
public sealed class TensorGeneratorRobustnessTests
{
    private const int Mutations = 250;

    [Fact]
    public void Mutated_tensor_methods_never_break_the_generator_or_its_output()
    {
        var original = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "AutogradGen.Generator.Tests", "Functions", "TensorFunctions.cs"));
        var tokens = CSharpSyntaxTree.ParseText(original).GetRoot().DescendantTokens().ToList();
        var random = new Random(20261122);
        var failures = new List<string>();
        for (var i = 0; i < Mutations && failures.Count < 3; i++)
        {
            var source = Mutate(original, tokens, random);
            var (problems, driverDiagnostics) = Run(source);
            var generatorErrors = driverDiagnostics.Where(d => d.Id is "AGD0018" or "CS8785").ToList();
            var generatedErrors = problems.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true).ToList();
            if (generatorErrors.Count > 0 || generatedErrors.Count > 0)
            {
                failures.Add($"mutation {i}: {string.Join("; ", generatorErrors.Concat(generatedErrors).Take(3))}\n{source}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static string Mutate(string source, List<SyntaxToken> tokens, Random random)
    {
        var token = tokens[random.Next(tokens.Count)];
        return random.Next(4) switch
        {
            0 => source.Remove(token.SpanStart, token.Span.Length),
            1 => source[..token.Span.End],
            2 => source.Insert(token.SpanStart, tokens[random.Next(tokens.Count)].Text + " "),
            _ => source.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, tokens[random.Next(tokens.Count)].Text),
        };
    }

    private static (IReadOnlyList<Diagnostic> Problems, IReadOnlyList<Diagnostic> DriverDiagnostics) Run(string source)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest).WithFeatures([new("InterceptorsNamespaces", "AutogradGen.Interceptors")]);
        var compilation = CSharpCompilation.Create("Mutated",
            [CSharpSyntaxTree.ParseText(SourceText.From("using System;\nusing AutogradGen;\n" + source), options, "/src/TensorFunctions.cs")],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new DifferentiableGenerator().AsSourceGenerator()], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output.GetDiagnostics().ToList(), diagnostics.ToList());
    }
}
