using AutogradGen.Benchmarks.GeneratorCost;
using AutogradGen.Generator;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutogradGen.Benchmarks.Benchmarks;

/// <summary>
/// The generator's cost in a build: a GeneratorDriver run over synthetic projects of 100 and 1,000
/// [Differentiable] methods, from a fresh compilation of already parsed files (what the compiler has when it
/// starts the generators), and the incremental re-run after a one-line edit in one method's body. Divide the
/// full run by <see cref="MethodCount"/> for the cost per method.
/// </summary>
[BenchmarkCategory("Generator")]
public class GeneratorBenchmarks
{
    private SyntheticProject? _project;
    private GeneratorDriver? _warmDriver;
    private CSharpCompilation? _editedCompilation;

    [Params(100, 1_000)]
    public int MethodCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = SyntheticProject.Create(MethodCount);
        CSharpCompilation compilation = _project.Compile();
        _warmDriver = CreateDriver().RunGenerators(compilation);
        _editedCompilation = SyntheticProject.WithOneLineEdit(compilation);
    }

    /// <summary>A new driver over a new compilation: every method is parsed, analysed and emitted.</summary>
    [Benchmark]
    public int FullRun() => GeneratedFileCount(CreateDriver().RunGenerators(_project!.Compile()));

    /// <summary>
    /// The driver that has seen the project, run on the compilation with one method's body edited: the
    /// incremental pipeline re-runs what that edit touches. The warm driver is immutable, so every invocation
    /// measures the same edit.
    /// </summary>
    [Benchmark]
    public int IncrementalRunAfterOneLineEdit() => GeneratedFileCount(_warmDriver!.RunGenerators(_editedCompilation!));

    private static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: SyntheticProject.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static int GeneratedFileCount(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Sum(result => result.GeneratedSources.Length);
}
