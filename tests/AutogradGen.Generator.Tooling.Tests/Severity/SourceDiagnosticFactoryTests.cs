using AutogradGen.Generator.Diagnostics;
using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutogradGen.Generator.Tooling.Tests.Severity;

/// <summary>
/// The building block for making .editorconfig sections and #pragma reach the generator's diagnostics: a diagnostic
/// kept as data, reported through <see cref="SourceDiagnosticFactory"/> from a step that sees the compilation, is
/// configurable per file; the same data reported as today is not. A small generator stands in for the pipeline.
/// </summary>
public class SourceDiagnosticFactoryTests
{
    private const string Source = """
        public static class Objectives
        {
            public static double Constant(double x) => 1.0;
        }
        """;

    private const string EditorConfigRaisingAgd0012 = "root = true\n\n[*.cs]\ndotnet_diagnostic.AGD0012.severity = error\n";

    [Fact]
    public void Reported_through_the_factory_an_editorconfig_section_applies()
    {
        var diagnostic = Assert.Single(Run(new ReportsAgd0012(throughFactory: true), Source, EditorConfigRaisingAgd0012));

        Assert.Equal(("AGD0012", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
    }

    [Fact]
    public void Reported_from_the_data_alone_an_editorconfig_section_does_not_apply()
    {
        var diagnostic = Assert.Single(Run(new ReportsAgd0012(throughFactory: false), Source, EditorConfigRaisingAgd0012));

        Assert.Equal(("AGD0012", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
    }

    [Fact]
    public void Reported_through_the_factory_a_pragma_suppresses_it()
    {
        var source = "#pragma warning disable AGD0012\n" + Source;

        var diagnostic = Assert.Single(Run(new ReportsAgd0012(throughFactory: true), source, editorConfig: null));

        Assert.True(diagnostic.IsSuppressed);
    }

    [Fact]
    public void The_factory_keeps_the_message_and_the_span()
    {
        var diagnostic = Assert.Single(Run(new ReportsAgd0012(throughFactory: true), Source, editorConfig: null));

        Assert.Equal("The result of 'Constant' does not depend on the differentiated parameters and will always have a zero derivative",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Constant", Source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.NotNull(diagnostic.Location.SourceTree);
    }

    private static IReadOnlyList<Diagnostic> Run(IIncrementalGenerator generator, string source, string? editorConfig)
    {
        Compilation compilation = GeneratorHarness.Compile(("/repo/src/Objectives.cs", source));
        if (editorConfig is not null)
        {
            compilation = EditorConfig.Apply(compilation, ("/repo/.editorconfig", editorConfig));
        }

        CSharpGeneratorDriver.Create(generator).RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        return diagnostics;
    }

    /// <summary>Reports AGD0012 on every method named Constant, keeping it as data between steps as the real pipeline does.</summary>
    private sealed class ReportsAgd0012(bool throughFactory) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var infos = context.SyntaxProvider
                .CreateSyntaxProvider(
                    static (node, _) => node is MethodDeclarationSyntax { Identifier.ValueText: "Constant" },
                    static (syntax, _) => DiagnosticInfo.Create(
                        DiagnosticDescriptors.ResultDoesNotDependOnParameters, ((MethodDeclarationSyntax)syntax.Node).Identifier.GetLocation(), "Constant"))
                .Collect();
            if (throughFactory)
            {
                context.RegisterSourceOutput(infos.Combine(context.CompilationProvider), static (output, pair) =>
                {
                    var factory = new SourceDiagnosticFactory(pair.Right);
                    foreach (var info in pair.Left)
                    {
                        output.ReportDiagnostic(factory.Create(info));
                    }
                });
            }
            else
            {
                context.RegisterSourceOutput(infos, static (output, list) =>
                {
                    foreach (var info in list)
                    {
                        output.ReportDiagnostic(info.ToDiagnostic());
                    }
                });
            }
        }
    }
}
