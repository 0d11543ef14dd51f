using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Tooling.Tests.Infrastructure;

/// <summary>
/// Applies .editorconfig files to a compilation the way the command-line compiler does: the files are parsed into an
/// <see cref="AnalyzerConfigSet"/>, each syntax tree gets the severities of the sections that match its path, and
/// global configs (is_global = true) apply everywhere, including to diagnostics that have no syntax tree.
/// </summary>
internal static class EditorConfig
{
    /// <param name="compilation">The user code, with syntax trees at the paths the configs are matched against.</param>
    /// <param name="files">Each config's full path (it decides which source paths its sections match) and text.</param>
    public static Compilation Apply(Compilation compilation, params (string Path, string Text)[] files)
    {
        var set = AnalyzerConfigSet.Create(files.Select(file => AnalyzerConfig.Parse(file.Text, file.Path)).ToImmutableArray());
        var perTree = compilation.SyntaxTrees.ToImmutableDictionary(tree => tree, tree => set.GetOptionsForSourcePath(tree.FilePath).TreeOptions);
        var provider = new SeverityProvider(perTree, set.GlobalConfigOptions.TreeOptions);
        return compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(provider));
    }

    private sealed class SeverityProvider(
        ImmutableDictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>> perTree,
        ImmutableDictionary<string, ReportDiagnostic> global) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return perTree.TryGetValue(tree, out var options) && options.TryGetValue(diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            global.TryGetValue(diagnosticId, out severity);
    }
}
