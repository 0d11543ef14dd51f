using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AutogradGen.Generator.Diagnostics;

/// <summary>A source location as data (no syntax tree kept alive), turned back into a <see cref="Location"/> to report.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo From(Location location)
    {
        var lineSpan = location.GetLineSpan();
        return new LocationInfo(lineSpan.Path ?? string.Empty, location.SourceSpan, lineSpan.Span);
    }

    public Location ToLocation() => FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
}
