using System.Text;

namespace AutogradGen.Generator.Tests.Snapshots;

/// <summary>A readable line diff (longest common subsequence): "-" expected, "+" actual, with two lines of context.</summary>
public static class LineDiff
{
    public static string Format(string[] expected, string[] actual)
    {
        var lengths = new int[expected.Length + 1, actual.Length + 1];
        for (var i = expected.Length - 1; i >= 0; i--)
        {
            for (var j = actual.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = expected[i] == actual[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, string Text)>();
        int e = 0, a = 0;
        while (e < expected.Length || a < actual.Length)
        {
            if (e < expected.Length && a < actual.Length && expected[e] == actual[a])
            {
                lines.Add((' ', expected[e++]));
                a++;
            }
            else if (a < actual.Length && (e == expected.Length || lengths[e, a + 1] >= lengths[e + 1, a]))
            {
                lines.Add(('+', actual[a++]));
            }
            else
            {
                lines.Add(('-', expected[e++]));
            }
        }

        var output = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var nearChange = Enumerable.Range(Math.Max(0, i - 2), Math.Min(lines.Count, i + 3) - Math.Max(0, i - 2)).Any(k => lines[k].Kind != ' ');
            if (nearChange)
            {
                output.Append(lines[i].Kind).Append(' ').AppendLine(lines[i].Text);
            }
        }

        return output.ToString();
    }
}
