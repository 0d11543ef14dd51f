using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Diagnostics;

/// <summary>
/// A diagnostic as data (descriptor id, where, message arguments), so that models stay equatable and keep no
/// syntax tree alive; turned into a <see cref="Diagnostic"/> when the generator reports it.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
    {
        var lineSpan = location?.GetLineSpan() ?? default;
        return new DiagnosticInfo(
            descriptor.Id,
            lineSpan.Path ?? string.Empty,
            location?.SourceSpan ?? default,
            lineSpan.Span,
            EquatableArray.Of(arguments));
    }

    /// <summary>
    /// The diagnostic, located in <paramref name="compilation"/>'s own syntax tree when there is one: only such a
    /// location is subject to #pragma warning and .editorconfig severities (roslyn#68291).
    /// </summary>
    public Diagnostic ToDiagnostic(Compilation? compilation)
    {
        var descriptor = DiagnosticDescriptors.ById(Id);
        var tree = compilation?.SyntaxTrees.FirstOrDefault(t => t.FilePath == FilePath);
        var location = tree is not null ? Location.Create(tree, Span)
            : FilePath.Length == 0 ? Location.None
            : Location.Create(FilePath, Span, LineSpan);
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, location, arguments);
    }
}
