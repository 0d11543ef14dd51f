using AutogradGen.Generator.Tooling.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tooling.Tests.Severity;

/// <summary>
/// How users change the severity of the generator's diagnostics (docs/DIAGNOSTICS.md, "Changing severities"), checked
/// through the compiler's own filtering, which the build and the IDE apply: global configs, .editorconfig sections,
/// #pragma, and the compilation-wide options that NoWarn and TreatWarningsAsErrors set.
/// </summary>
public class SeverityConfigurationTests
{
    /// <summary>Reports AGD0012 (warning: the result is constant) and AGD0013 (warning: Floor has no derivative).</summary>
    private const string Source = """
        using AutogradGen;

        public static partial class Objectives
        {
            [Differentiable]
            public static double Constant(double x) => 1.0;

            [Differentiable]
            public static double Stepped(double x) => System.Math.Floor(x) * x;
        }
        """;

    /// <summary>Reports AGD0001 (error: the type is not partial).</summary>
    private const string NotPartial = """
        public static class Objectives
        {
            [AutogradGen.Differentiable]
            public static double Square(double x) => x * x;
        }
        """;

    [Fact]
    public void By_default_AGD0012_and_AGD0013_are_warnings()
    {
        var diagnostics = Run(Source);

        Assert.Equal([("AGD0012", DiagnosticSeverity.Warning), ("AGD0013", DiagnosticSeverity.Warning)], diagnostics);
    }

    [Fact]
    public void A_global_config_raises_a_warning_to_an_error()
    {
        var diagnostics = Run(Source, ("/repo/.globalconfig", "is_global = true\ndotnet_diagnostic.AGD0012.severity = error\n"));

        Assert.Equal([("AGD0012", DiagnosticSeverity.Error), ("AGD0013", DiagnosticSeverity.Warning)], diagnostics);
    }

    [Fact]
    public void A_global_config_severity_of_none_removes_the_diagnostic()
    {
        var diagnostics = Run(Source, ("/repo/.globalconfig", "is_global = true\ndotnet_diagnostic.AGD0013.severity = none\n"));

        Assert.Equal([("AGD0012", DiagnosticSeverity.Warning)], diagnostics);
    }

    [Fact]
    public void A_global_config_can_lower_an_error_to_a_warning()
    {
        var diagnostics = Run(NotPartial, ("/repo/.globalconfig", "is_global = true\ndotnet_diagnostic.AGD0001.severity = warning\n"));

        Assert.Equal([("AGD0001", DiagnosticSeverity.Warning)], diagnostics);
    }

    /// <summary>Reports AGD0004 (error: the result is an int) and AGD0017 (error: a ref readonly parameter), both from the analyzer.</summary>
    private const string BadSignatures = """
        public static partial class Objectives
        {
            [AutogradGen.Differentiable]
            public static int Rounded(double x) => (int)x;

            [AutogradGen.Differentiable]
            public static double Square(ref readonly double x) => x * x;
        }
        """;

    [Fact]
    public void An_editorconfig_section_lowers_and_removes_the_analyzers_signature_rules()
    {
        var diagnostics = Run(BadSignatures, ("/repo/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.AGD0004.severity = warning\ndotnet_diagnostic.AGD0017.severity = none\n"));

        Assert.Equal([("AGD0004", DiagnosticSeverity.Warning)], diagnostics);
    }

    [Fact]
    public void By_default_the_signature_rules_are_errors_reported_once()
    {
        var diagnostics = Run(BadSignatures);

        Assert.Equal([("AGD0004", DiagnosticSeverity.Error), ("AGD0017", DiagnosticSeverity.Error)], diagnostics);
    }

    [Fact]
    public void NoWarn_in_the_project_file_suppresses_the_id()
    {
        // <NoWarn> reaches the compiler as a specific diagnostic option of Suppress.
        var compilation = GeneratorHarness.Compile(("/repo/src/Objectives.cs", Source));
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("AGD0013", ReportDiagnostic.Suppress)]));

        Assert.Equal([("AGD0012", DiagnosticSeverity.Warning)], Severities(GeneratorHarness.Run(compilation)));
    }

    [Fact]
    public void TreatWarningsAsErrors_makes_the_warnings_errors()
    {
        var compilation = GeneratorHarness.Compile(("/repo/src/Objectives.cs", Source));
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));

        Assert.Equal([("AGD0012", DiagnosticSeverity.Error), ("AGD0013", DiagnosticSeverity.Error)], Severities(GeneratorHarness.Run(compilation)));
    }

    [Fact]
    public void An_editorconfig_section_that_matches_the_file_changes_the_severity()
    {
        var diagnostics = Run(Source, ("/repo/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.AGD0012.severity = error\n"));

        Assert.Equal([("AGD0012", DiagnosticSeverity.Error), ("AGD0013", DiagnosticSeverity.Warning)], diagnostics);
    }

    [Fact]
    public void An_editorconfig_section_for_other_files_leaves_the_severity_alone()
    {
        var diagnostics = Run(Source, ("/repo/.editorconfig", "root = true\n\n[tests/**.cs]\ndotnet_diagnostic.AGD0012.severity = error\n"));

        Assert.Equal([("AGD0012", DiagnosticSeverity.Warning), ("AGD0013", DiagnosticSeverity.Warning)], diagnostics);
    }

    [Fact]
    public void A_pragma_suppresses_the_diagnostic_in_its_file()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(("/repo/src/Objectives.cs", "#pragma warning disable AGD0013\n" + Source)));

        Assert.Equal(
            [("AGD0012", false), ("AGD0013", true)],
            run.Diagnostics.Select(d => (d.Id, d.IsSuppressed)).OrderBy(d => d.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void Generator_diagnostics_are_located_in_the_syntax_tree_of_the_users_file()
    {
        var compilation = GeneratorHarness.Compile(("/repo/src/Objectives.cs", Source));

        var run = GeneratorHarness.Run(compilation);

        Assert.All(run.Diagnostics, diagnostic => Assert.Same(compilation.SyntaxTrees.Single(), diagnostic.Location.SourceTree));
    }

    private static List<(string Id, DiagnosticSeverity Severity)> Run(string source, params (string Path, string Text)[] configs)
    {
        var compilation = EditorConfig.Apply(GeneratorHarness.Compile(("/repo/src/Objectives.cs", source)), configs);
        return Severities(GeneratorHarness.Run(compilation));
    }

    private static List<(string Id, DiagnosticSeverity Severity)> Severities(GeneratorRun run) =>
        run.Diagnostics.Select(d => (d.Id, d.Severity)).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
}
