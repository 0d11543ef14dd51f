using System.Text;

namespace AutogradGen.Printing;

/// <summary>
/// Appends the trailing items (<c>dtype=torch.float64</c>, <c>grad_fn=&lt;MulBackward0&gt;</c>, ...) and the
/// closing parenthesis as PyTorch's <c>_add_suffixes</c> does: after <c>", "</c> on the same line while it fits
/// in <see cref="PrintOptions.LineWidth"/>, otherwise on a new line indented under the first bracket.
/// </summary>
internal static class SuffixLayout
{
    public static void Append(StringBuilder text, IReadOnlyList<string> suffixes, int indent)
    {
        // PyTorch measures the last line as len(s) - s.rfind("\n") + 1, which is its length plus two (rfind
        // gives -1 when there is no newline, so the same holds for a one-line tensor). A suffix moved to a new
        // line resets the measure to indent + its length, without the two. Kept as is so lines break where
        // PyTorch breaks them.
        int lastLineLength = text.Length - LastIndexOfNewline(text) + 1;
        foreach (var suffix in suffixes)
        {
            if (lastLineLength + suffix.Length + 2 > PrintOptions.LineWidth)
            {
                text.Append(",\n").Append(' ', indent).Append(suffix);
                lastLineLength = indent + suffix.Length;
            }
            else
            {
                text.Append(", ").Append(suffix);
                lastLineLength += suffix.Length + 2;
            }
        }

        text.Append(')');
    }

    private static int LastIndexOfNewline(StringBuilder text)
    {
        for (int i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == '\n') return i;
        }

        return -1;
    }
}
