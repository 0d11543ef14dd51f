using AutogradGen.Benchmarks.Benchmarks;
using AutogradGen.Benchmarks.GeneratorCost;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Benchmarks.Tests.Benchmarks;

/// <summary>The generator-cost cases measure real work: every synthetic method gets its code, with no diagnostics.</summary>
public class GeneratorCostTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(1_000)]
    public void Full_run_generates_one_file_per_synthetic_type(int methodCount)
    {
        // One file per type (the generator's output stage), one type per synthetic file of MethodsPerFile methods.
        var benchmark = new GeneratorBenchmarks { MethodCount = methodCount };
        benchmark.Setup();

        Assert.Equal(methodCount / SyntheticProject.MethodsPerFile, benchmark.FullRun());
    }

    [Fact]
    public void Incremental_run_after_the_edit_still_generates_every_file()
    {
        var benchmark = new GeneratorBenchmarks { MethodCount = 100 };
        benchmark.Setup();

        Assert.Equal(100 / SyntheticProject.MethodsPerFile, benchmark.IncrementalRunAfterOneLineEdit());
    }

    [Fact]
    public void Floor_generator_adds_one_file_per_synthetic_method_after_the_edit()
    {
        var benchmark = new GeneratorBenchmarks { MethodCount = 100 };
        benchmark.Setup();
        benchmark.NewEdit();

        Assert.Equal(100, benchmark.FloorIncrementalRunAfterOneLineEdit());
    }

    [Fact]
    public void Per_type_floor_adds_as_many_files_as_the_generator_and_the_single_file_floor_one()
    {
        var benchmark = new GeneratorBenchmarks { MethodCount = 100 };
        benchmark.Setup();
        benchmark.NewEdit();

        Assert.Equal(100 / SyntheticProject.MethodsPerFile, benchmark.FloorPerTypeIncrementalRunAfterOneLineEdit());
        Assert.Equal(1, benchmark.FloorSingleFileIncrementalRunAfterOneLineEdit());
    }

    [Fact]
    public void Synthetic_project_compiles_with_its_generated_code_without_errors()
    {
        CSharpCompilationWithGenerated result = CSharpCompilationWithGenerated.Run(SyntheticProject.Create(20));

        Assert.Empty(result.Errors);
        Assert.Equal(20 / SyntheticProject.MethodsPerFile, result.GeneratedFileCount);
    }

    [Fact]
    public void One_line_edit_changes_exactly_one_file()
    {
        var project = SyntheticProject.Create(30);
        var compilation = project.Compile();

        var edited = SyntheticProject.WithOneLineEdit(compilation);

        var changed = edited.SyntaxTrees.Zip(compilation.SyntaxTrees).Count(pair => !pair.First.IsEquivalentTo(pair.Second));
        Assert.Equal(1, changed);
    }

    /// <summary>Runs the generator and compiles the result, for the test above.</summary>
    private sealed record CSharpCompilationWithGenerated(IReadOnlyList<Diagnostic> Errors, int GeneratedFileCount)
    {
        public static CSharpCompilationWithGenerated Run(SyntheticProject project)
        {
            GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
                [new AutogradGen.Generator.DifferentiableGenerator().AsSourceGenerator()],
                parseOptions: SyntheticProject.ParseOptions);
            driver.RunGeneratorsAndUpdateCompilation(project.Compile(), out Compilation output, out var diagnostics);
            var errors = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            return new CSharpCompilationWithGenerated(errors, output.SyntaxTrees.Count() - project.Trees.Length);
        }
    }
}
