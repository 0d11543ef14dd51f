using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using AutogradGen.Generator.Model;

namespace AutogradGen.Generator.Diagnostics;

/// <summary>
/// A diagnostic as data (descriptor id, where, message arguments), so that models stay equatable and keep no
/// syntax tree alive; turned into a <see cref="Diagnostic"/> when the generator reports it.
/// </summary>
/// <remarks>
/// Where it is, is its file and line span; <see cref="Span"/> (the offset from the start of the file) is carried
/// but not compared, and the reported location is made from the line span in the reporting compilation's tree.
/// A method is parsed again when its own line or text changes, not when a line above it merely changes length,
/// so its cached diagnostics keep the right lines while their offsets may be out of date.
/// </remarks>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> Arguments)
{
    /// <summary>
    /// The documentation id of another declaration the diagnostic points at (its first source location), found again
    /// when the diagnostic is reported. A method is parsed again only when its own text or the declarations change,
    /// not when another declaration merely moves, so a location inside another declaration would go stale.
    /// </summary>
    public string? DeclarationId { get; init; }

    /// <summary>A diagnostic at <paramref name="declaration"/>'s first source location, wherever it is when reported.</summary>
    public static DiagnosticInfo AtDeclaration(DiagnosticDescriptor descriptor, ISymbol declaration, Location fallback, params string[] arguments) =>
        Create(descriptor, declaration.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback, arguments) with
        {
            DeclarationId = declaration.GetDocumentationCommentId(),
        };

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
        var declared = DeclarationId is null || compilation is null ? null
            : DocumentationCommentId.GetFirstSymbolForDeclarationId(DeclarationId, compilation)?.Locations.FirstOrDefault(l => l.IsInSource);
        var tree = compilation?.SyntaxTrees.FirstOrDefault(t => t.FilePath == FilePath);
        var location = declared is not null ? declared
            : tree is not null ? Location.Create(tree, SpanIn(tree))
            : FilePath.Length == 0 ? Location.None
            : Location.Create(FilePath, Span, LineSpan);
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, location, arguments);
    }

    public bool Equals(DiagnosticInfo? other) =>
        ReferenceEquals(this, other)
        || other is not null && Id == other.Id && FilePath == other.FilePath && LineSpan.Equals(other.LineSpan)
            && Arguments.Equals(other.Arguments) && DeclarationId == other.DeclarationId;

    public override int GetHashCode() => unchecked((((Id.GetHashCode() * 31) + LineSpan.GetHashCode()) * 31) + Arguments.GetHashCode());

    /// <summary>The span of <see cref="LineSpan"/> in <paramref name="tree"/> (see remarks), or <see cref="Span"/> when the lines are not there.</summary>
    private TextSpan SpanIn(SyntaxTree tree)
    {
        var lines = tree.GetText().Lines;
        if (LineSpan.End.Line >= lines.Count
            || LineSpan.Start.Character > lines[LineSpan.Start.Line].SpanIncludingLineBreak.Length
            || LineSpan.End.Character > lines[LineSpan.End.Line].SpanIncludingLineBreak.Length)
        {
            return Span;
        }

        return lines.GetTextSpan(LineSpan);
    }
}
