using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AutogradGen.Generator.Tooling.Tests.Infrastructure;

/// <summary>Builds in-memory compilations of user code and runs the generator on them, as the compiler would.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);

    public static CSharpCompilation Compile(params (string Path, string Source)[] files) =>
        CSharpCompilation.Create(
            "UserCode",
            files.Select(file => CSharpSyntaxTree.ParseText(file.Source, ParseOptions, file.Path)),
            References.All,
            CompilationOptions);

    public static GeneratorDriver CreateDriver(bool trackSteps = false)
    {
        var generators = new[] { new DifferentiableGenerator().AsSourceGenerator() };
        return CSharpGeneratorDriver.Create(
            generators,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>
    /// Runs the generator once and returns the compilation with its output added and the diagnostics as the compiler
    /// reports them: severities from the compilation's options applied, driver diagnostics (CS8785) included.
    /// </summary>
    public static GeneratorRun Run(Compilation compilation) => Run(CreateDriver(), compilation);

    /// <summary>Runs <paramref name="driver"/> (which may hold the cache of an earlier run) on <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        var next = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorRun(AnalyzerDiagnostics(compilation).AddRange(driverDiagnostics), output, next.GetRunResult(), next);
    }

    /// <summary>
    /// What the declaration analyzer (AGD0001-0004, AGD0010, AGD0011, AGD0014, AGD0017) reports on the user's code, as the compiler
    /// runs it beside the generator: severities from the compilation's options applied, as for the generator's.
    /// </summary>
    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation) =>
        compilation.WithAnalyzers(
            [new Declarations.DeclarationAnalyzer()],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
        .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}

/// <summary>
/// One run of the generator: the diagnostics of the declaration analyzer and of the generator (including driver-level
/// ones such as CS8785) and the updated compilation.
/// </summary>
internal sealed record GeneratorRun(ImmutableArray<Diagnostic> Diagnostics, Compilation OutputCompilation, GeneratorDriverRunResult Result, GeneratorDriver Driver)
{
    /// <summary>
    /// Whether the method named <paramref name="name"/> got generated members: its type's file (one per type) documents
    /// each of them as "... of &lt;see cref="Name(...)"/&gt;".
    /// </summary>
    public bool HasCodeFor(string name) => HasCodeFor(Result, name);

    public static bool HasCodeFor(GeneratorDriverRunResult result, string name) =>
        result.Results.SelectMany(r => r.GeneratedSources).Any(s => s.SourceText.ToString().Contains("of <see cref=\"" + name + "(", StringComparison.Ordinal));

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
}
