using AutogradGen.Generator.Tooling.Tests.Infrastructure;

namespace AutogradGen.Generator.Tooling.Tests.Analyzer;

/// <summary>
/// The generator leaves the analyzer's ids out of its report by id (DeclarationRules.IsAnalyzerId), so a report of
/// one of them from code the analyzer does not run (the body parsers) would be dropped without a word: the method
/// would get no code and the user no reason. This keeps every report of those ids in the declaration code the
/// analyzer runs: the rules themselves and the parsers' declaration phase (MethodParser and TensorMethodParser up
/// to <c>declarationOnly</c>, UserDerivativeParser's check).
/// </summary>
public class AnalyzerIdOwnershipTests
{
    private static readonly string[] s_analyzerDescriptors =
    [
        "ContainingTypeNotPartial", "MethodNotStatic", "ParameterNotDifferentiable", "ReturnTypeNotDifferentiable",
        "UnknownParameterName", "GeneratedNameClash", "InvalidUserDerivative", "UnsupportedMethod",
    ];

    private static readonly string[] s_declarationCode =
    [
        "Declarations/DeclarationRules.cs", "Declarations/SignatureRules.cs",
        "Parsing/MethodParser.cs", "Parsing/TensorMethodParser.cs", "Parsing/UserDerivativeParser.cs",
    ];

    public static TheoryData<string> Descriptors => new(s_analyzerDescriptors);

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void The_analyzers_ids_are_reported_only_from_declaration_code(string descriptor)
    {
        var generator = Path.Combine(TestSources.RepositoryRoot, "generator", "AutogradGen.Generator");
        var users = Directory.EnumerateFiles(generator, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains("DiagnosticDescriptors." + descriptor, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(generator, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(file => file != "Diagnostics/DiagnosticDescriptors.cs")
            .ToList();

        Assert.NotEmpty(users);
        Assert.All(users, file => Assert.Contains(file, s_declarationCode));
    }

    [Fact]
    public void The_list_here_is_the_analyzers()
    {
        Assert.Equal(s_analyzerDescriptors.Length, new Declarations.DeclarationAnalyzer().SupportedDiagnostics.Length);
    }
}
