using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Diagnostics;

/// <summary>
/// A source location as data (no syntax tree kept alive), for diagnostics reported later. Compared by file and line
/// span, not by <see cref="Span"/>, as <see cref="DiagnosticInfo"/> is (which see).
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo From(Location location)
    {
        var lineSpan = location.GetLineSpan();
        return new LocationInfo(lineSpan.Path ?? string.Empty, location.SourceSpan, lineSpan.Span);
    }

    public bool Equals(LocationInfo? other) =>
        ReferenceEquals(this, other) || other is not null && FilePath == other.FilePath && LineSpan.Equals(other.LineSpan);

    public override int GetHashCode() => unchecked((FilePath.GetHashCode() * 31) + LineSpan.GetHashCode());
}
