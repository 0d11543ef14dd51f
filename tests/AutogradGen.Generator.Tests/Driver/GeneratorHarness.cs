using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Tests.Driver;

/// <summary>Runs the generator on an in-memory compilation that references the runtime assembly.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Append(typeof(DifferentiableAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>The framework and the runtime assembly: what an in-memory test compilation references.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static CSharpCompilation Compile(string source, string path = "Test.cs") =>
        CSharpCompilation.Create(
            "GeneratorTest",
            [CSharpSyntaxTree.ParseText(SourceText.From(source), new CSharpParseOptions(LanguageVersion.Latest), path)],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static GeneratorRun Run(string source)
    {
        var compilation = Compile(source);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics, AnalyzerDiagnostics(compilation));
    }

    /// <summary>
    /// What the declaration analyzer (AGD0001-0004, AGD0010, AGD0011, AGD0014, AGD0017) reports on the user's code, as the compiler
    /// runs it beside the generator.
    /// </summary>
    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation) =>
        compilation.WithAnalyzers(
            [new Declarations.DeclarationAnalyzer()],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
        .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}

/// <summary>
/// What one generator run produced: generated sources, the diagnostics of the generator and of the declaration
/// analyzer that ships with it, the updated compilation.
/// </summary>
public sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics, ImmutableArray<Diagnostic> AnalyzerDiagnostics)
{
    /// <summary>Everything the user sees from AutogradGen: the analyzer's diagnostics, then the generator's.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => AnalyzerDiagnostics.AddRange(Result.Diagnostics);

    /// <summary>The generator's own diagnostics (never one of the analyzer's ids).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

    /// <summary>
    /// Whether the method named <paramref name="name"/> got generated members: its type's file (one per type) documents
    /// each of them as "... of &lt;see cref="Name(...)"/&gt;" (a refused method's stubs say "refused" instead).
    /// </summary>
    public bool HasCodeFor(string name) => Sources.Any(s => s.SourceText.ToString().Contains("of <see cref=\"" + name + "(", StringComparison.Ordinal));

    /// <summary>Errors and warnings of the compilation including the generated code.</summary>
    public IEnumerable<Diagnostic> CompilationProblems => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
}
