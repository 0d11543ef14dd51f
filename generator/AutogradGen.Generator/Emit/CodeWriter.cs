using System.Text;

namespace AutogradGen.Generator.Emit;

/// <summary>A small indented text writer: four spaces per level, "\n" line ends on every platform (deterministic output).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter()
    {
    }

    /// <summary>A writer that starts <paramref name="indent"/> levels in, e.g. inside the reopened types of a file written by someone else.</summary>
    public CodeWriter(int indent) => _indent = indent;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _text.Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents until <see cref="Close"/>.</summary>
    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string closing = "}")
    {
        _indent--;
        Line(closing);
    }

    /// <summary>Appends another writer's lines, indented to this writer's current level.</summary>
    public void Append(CodeWriter other)
    {
        var lines = other.ToString().Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            Line(lines[i]);
        }
    }

    public override string ToString() => _text.ToString();
}
