using System.Collections.Immutable;
using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutogradGen.Generator.Tooling.Tests.Robustness;

/// <summary>What went wrong with one mutated source: the generator's fault, not the user's.</summary>
internal sealed record MutationFailure(int Seed, string File, MutationKind Kind, string Problem, string Source)
{
    public override string ToString() => $"seed {Seed} ({Kind} in {File}): {Problem}";
}

/// <summary>How one mutated source fared.</summary>
internal enum MutationOutcome
{
    /// <summary>The generator reported an error, or its output compiles.</summary>
    Clean,

    /// <summary>The user's code alone does not compile: only a crash would be the generator's fault.</summary>
    UserCodeDoesNotCompile,

    /// <summary>The generator crashed, or emitted code that does not compile for user code that does.</summary>
    GeneratorBug,
}

/// <summary>
/// Runs the generator on mutated versions of one file, as the IDE does while the user types (one driver that
/// remembers the unmutated file), and decides whether the generator is at fault: it threw (CS8784/CS8785), it caught
/// its own exception (AGD0018), or it reported no error and yet its output adds compile errors to user code that
/// compiles. When the user's code itself does not compile, errors in the generated code follow from it (a parameter
/// with no name gives generated code with no name): not blamed, only a crash is.
/// </summary>
internal sealed class MutationChecker
{
    private static readonly ImmutableHashSet<string> s_generatorCrashes = ImmutableHashSet.Create("CS8784", "CS8785", "AGD0018");

    private readonly string _path;
    private readonly CSharpCompilation _baseCompilation;
    private readonly GeneratorDriver _warmDriver;

    public MutationChecker(string path, string source)
    {
        _path = path;
        _baseCompilation = GeneratorHarness.Compile(("/src/ImplicitUsings.cs", TestSources.ImplicitUsings));
        Unmutated = Check(-1, MutationKind.EditCharacter, source, GeneratorHarness.CreateDriver(), out var warm);
        _warmDriver = warm;
    }

    /// <summary>How the unmutated file fares: it must be <see cref="MutationOutcome.Clean"/> for the mutations to mean anything.</summary>
    public (MutationOutcome Outcome, MutationFailure? Failure) Unmutated { get; }

    public (MutationOutcome Outcome, MutationFailure? Failure) Check(int seed, MutationKind kind, string source) =>
        Check(seed, kind, source, _warmDriver, out _);

    private (MutationOutcome Outcome, MutationFailure? Failure) Check(int seed, MutationKind kind, string source, GeneratorDriver driver, out GeneratorDriver next)
    {
        // Derived from one base compilation so that every check shares its resolved references.
        var tree = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, _path);
        var userCode = _baseCompilation.AddSyntaxTrees(tree);
        var run = GeneratorHarness.Run(driver, userCode);
        next = run.Driver;
        var crash = run.Diagnostics.FirstOrDefault(d => s_generatorCrashes.Contains(d.Id));
        if (crash is not null)
        {
            return (MutationOutcome.GeneratorBug, new MutationFailure(seed, _path, kind, crash.ToString(), source));
        }

        if (tree.GetDiagnostics().Any(IsError))
        {
            return (MutationOutcome.UserCodeDoesNotCompile, null);
        }

        if (run.Errors.Any())
        {
            return (MutationOutcome.Clean, null);
        }

        // One full compilation for most mutations; the user's code alone is compiled only to judge a failure.
        var errors = run.OutputCompilation.GetDiagnostics().Where(IsError).ToList();
        if (errors.Count == 0)
        {
            return (MutationOutcome.Clean, null);
        }

        if (userCode.GetDiagnostics().Any(IsError))
        {
            return (MutationOutcome.UserCodeDoesNotCompile, null);
        }

        return (MutationOutcome.GeneratorBug, new MutationFailure(
            seed, _path, kind, "the generator reported no error for code that compiles, but its output adds " + string.Join("; ", errors), source));
    }

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;
}
