using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AutogradGen.Generator.Diagnostics;

/// <summary>
/// Turns <see cref="DiagnosticInfo"/>s back into diagnostics located in the compilation's syntax trees. A location
/// rebuilt from a file path alone (<see cref="DiagnosticInfo.ToDiagnostic()"/>) has no syntax tree, and the compiler
/// applies .editorconfig sections ([*.cs]) and #pragma warning per syntax tree: only a location in a tree lets users
/// configure the generator's diagnostics there (dotnet/roslyn#68291).
/// </summary>
/// <remarks>
/// Meant for a diagnostics-only output step combined with the compilation, so that the step that emits source stays
/// cached: <c>RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), ...)</c>, which re-runs on every
/// edit but only looks paths up, the pattern dotnet/runtime's generators use.
/// </remarks>
internal sealed class SourceDiagnosticFactory
{
    private readonly Dictionary<string, SyntaxTree> _treesByPath = new();

    public SourceDiagnosticFactory(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            // Two trees with one path cannot be told apart: the first wins, as the compiler's own path maps do.
            if (!_treesByPath.ContainsKey(tree.FilePath))
            {
                _treesByPath.Add(tree.FilePath, tree);
            }
        }
    }

    public Diagnostic Create(DiagnosticInfo info)
    {
        if (!_treesByPath.TryGetValue(info.FilePath, out var tree) || info.Span.End > tree.Length)
        {
            return info.ToDiagnostic();
        }

        var arguments = new object[info.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = info.Arguments[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.ById(info.Id), Location.Create(tree, info.Span), arguments);
    }
}
