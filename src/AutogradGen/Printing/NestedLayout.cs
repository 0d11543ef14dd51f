using System.Text;

namespace AutogradGen.Printing;

/// <summary>
/// Arranges formatted elements into PyTorch's nested brackets (its <c>_tensor_str_with_formatter</c> and
/// <c>_vector_str</c>): rows separated by <c>,</c> and rank − 1 newlines, continuation lines indented under the
/// first element, 1-D rows wrapped at <see cref="PrintOptions.LineWidth"/>, and <c>...</c> where a summarised
/// dimension skips its middle.
/// </summary>
internal sealed class NestedLayout
{
    private const string ElidedRows = "...";

    // In a row, the gap stands in for an element; with the ", " before it, it prints as ",  ...,".
    private const string ElidedElements = " ...";

    private readonly StringBuilder _text;
    private readonly FormattedElements _elements;
    private readonly bool _summarize;
    private int _next;

    private NestedLayout(StringBuilder text, FormattedElements elements, bool summarize)
    {
        _text = text;
        _elements = elements;
        _summarize = summarize;
    }

    /// <summary>
    /// Appends the elements of a tensor of <paramref name="shape"/> to <paramref name="text"/>, which already
    /// holds <paramref name="indent"/> characters on its current line (the <c>tensor(</c> prefix).
    /// </summary>
    public static void Append(StringBuilder text, ReadOnlySpan<int> shape, int indent, FormattedElements elements, bool summarize) =>
        new NestedLayout(text, elements, summarize).AppendTensor(shape, indent);

    private void AppendTensor(ReadOnlySpan<int> shape, int indent)
    {
        if (shape.Length == 0)
        {
            _text.Append(_elements[_next++]);
            return;
        }

        if (shape.Length == 1)
        {
            AppendRow(shape[0], indent);
            return;
        }

        // Between matrices of a 3-D tensor PyTorch leaves one blank line, between 3-D blocks two, and so on.
        string separator = "," + new string('\n', shape.Length - 1) + new string(' ', indent + 1);
        var inner = shape[1..];
        _text.Append('[');
        if (Summarization.ElidesMiddle(shape[0], _summarize))
        {
            for (int i = 0; i < PrintOptions.EdgeItems; i++)
            {
                AppendTensor(inner, indent + 1);
                _text.Append(separator);
            }

            _text.Append(ElidedRows);
            for (int i = 0; i < PrintOptions.EdgeItems; i++)
            {
                _text.Append(separator);
                AppendTensor(inner, indent + 1);
            }
        }
        else
        {
            for (int i = 0; i < shape[0]; i++)
            {
                if (i > 0) _text.Append(separator);
                AppendTensor(inner, indent + 1);
            }
        }

        _text.Append(']');
    }

    private void AppendRow(int length, int indent)
    {
        var cells = new List<string>(length);
        if (Summarization.ElidesMiddle(length, _summarize))
        {
            for (int i = 0; i < PrintOptions.EdgeItems; i++) cells.Add(_elements[_next++]);
            cells.Add(ElidedElements);
            for (int i = 0; i < PrintOptions.EdgeItems; i++) cells.Add(_elements[_next++]);
        }
        else
        {
            for (int i = 0; i < length; i++) cells.Add(_elements[_next++]);
        }

        // Each element takes its width plus ", "; the gap of a summarised row counts as one element.
        int perLine = Math.Max(1, (PrintOptions.LineWidth - indent) / (_elements.Width + 2));
        string lineBreak = ",\n" + new string(' ', indent + 1);
        _text.Append('[');
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0) _text.Append(i % perLine == 0 ? lineBreak : ", ");
            _text.Append(cells[i]);
        }

        _text.Append(']');
    }
}
