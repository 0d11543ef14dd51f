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
    private CSharpCompilation? _compilation;
    private GeneratorDriver? _warmDriver;
    private GeneratorDriver? _warmFloorDriver;
    private GeneratorDriver? _warmPerTypeFloorDriver;
    private GeneratorDriver? _warmSingleFileFloorDriver;
    private CSharpCompilation? _editedCompilation;

    [Params(100, 1_000)]
    public int MethodCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = SyntheticProject.Create(MethodCount);
        _compilation = _project.Compile();
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        _warmFloorDriver = CreateDriver(new FloorGenerator()).RunGenerators(_compilation);
        _warmPerTypeFloorDriver = CreateDriver(new FloorPerTypeGenerator()).RunGenerators(_compilation);
        _warmSingleFileFloorDriver = CreateDriver(new FloorSingleFileGenerator()).RunGenerators(_compilation);
        _editedCompilation = SyntheticProject.WithOneLineEdit(_compilation);
    }

    /// <summary>
    /// A new edited compilation before every measured re-run, as each keystroke in the IDE makes one: a compilation
    /// caches what was asked of it (symbols, binding), so timing the same edited compilation again would measure
    /// warm caches that a real edit does not have.
    /// </summary>
    [IterationSetup(Targets = [nameof(IncrementalRunAfterOneLineEdit), nameof(FloorIncrementalRunAfterOneLineEdit),
        nameof(FloorPerTypeIncrementalRunAfterOneLineEdit), nameof(FloorSingleFileIncrementalRunAfterOneLineEdit)])]
    public void NewEdit() => _editedCompilation = SyntheticProject.WithOneLineEdit(_compilation!);

    /// <summary>A new driver over a new compilation: every method is parsed, analysed and emitted.</summary>
    [Benchmark]
    public int FullRun() => GeneratedFileCount(CreateDriver().RunGenerators(_project!.Compile()));

    /// <summary>
    /// The driver that has seen the project, run on the compilation with one method's body edited: the
    /// incremental pipeline re-runs what that edit touches. The warm driver is immutable, so every invocation
    /// measures the same edit, each time in a new compilation (<see cref="NewEdit"/>).
    /// </summary>
    [Benchmark]
    public int IncrementalRunAfterOneLineEdit() => GeneratedFileCount(_warmDriver!.RunGenerators(_editedCompilation!));

    /// <summary>
    /// The same re-run with <see cref="FloorGenerator"/> instead: what Roslyn's driver costs for an
    /// attribute-driven generator that does no work of its own, the floor under the row above.
    /// </summary>
    [Benchmark]
    public int FloorIncrementalRunAfterOneLineEdit() => GeneratedFileCount(_warmFloorDriver!.RunGenerators(_editedCompilation!));

    /// <summary>
    /// The same re-run with <see cref="FloorPerTypeGenerator"/>: a do-nothing generator with AutogradGen's output
    /// shape (one file per type), the floor to read <see cref="IncrementalRunAfterOneLineEdit"/> against.
    /// </summary>
    [Benchmark]
    public int FloorPerTypeIncrementalRunAfterOneLineEdit() => GeneratedFileCount(_warmPerTypeFloorDriver!.RunGenerators(_editedCompilation!));

    /// <summary>
    /// The same re-run with <see cref="FloorSingleFileGenerator"/>: one file in all, what remains is Roslyn's own
    /// attribute search over the new compilation.
    /// </summary>
    [Benchmark]
    public int FloorSingleFileIncrementalRunAfterOneLineEdit() => GeneratedFileCount(_warmSingleFileFloorDriver!.RunGenerators(_editedCompilation!));

    private static GeneratorDriver CreateDriver(IIncrementalGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            [(generator ?? new DifferentiableGenerator()).AsSourceGenerator()],
            parseOptions: SyntheticProject.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static int GeneratedFileCount(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Sum(result => result.GeneratedSources.Length);
}
