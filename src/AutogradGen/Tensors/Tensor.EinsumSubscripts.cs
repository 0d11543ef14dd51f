using System.Globalization;

namespace AutogradGen;

// What torch.einsum accepts beyond one letter per dimension, rewritten into that form before the contraction:
// an ellipsis ("...") stands for the dimensions no letter names, broadcast from the right across operands, and a
// letter repeated within one operand takes that operand's diagonal (a recorded Diagonal view), as PyTorch does.
public sealed partial class Tensor
{
    /// <summary>
    /// <paramref name="equation"/> with each ellipsis replaced by letters the equation does not use, the output made
    /// explicit (PyTorch's implicit rule: the ellipsis dimensions, then the letters that appear once, sorted), and
    /// every repeated letter of an operand replaced by that operand's diagonal (in <paramref name="rewritten"/>).
    /// </summary>
    private static string RewriteEinsum(string equation, Tensor[] operands, out Tensor[] rewritten)
    {
        var text = equation.Replace(" ", "", StringComparison.Ordinal);
        rewritten = operands;
        var sides = text.Split("->");
        var inputs = sides[0].Split(',');
        if (sides.Length > 2 || inputs.Length != operands.Length || operands.Any(static o => o is null)) return text; // ParseEinsum says what is wrong
        var unused = new Queue<char>("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".Where(c => !text.Contains(c, StringComparison.Ordinal)));

        // Ellipses: the widest one decides how many letters stand for it; narrower ones take the last of them.
        int widest = 0;
        var covered = new int[inputs.Length];
        for (int t = 0; t < inputs.Length; t++)
        {
            int at = inputs[t].IndexOf("...", StringComparison.Ordinal);
            if (at < 0) continue;
            if (inputs[t].IndexOf('.', at + 3) >= 0 || inputs[t].IndexOf('.') < at)
            {
                throw new ArgumentException($"einsum(): found '.' for operand {t} for which an ellipsis was already found", nameof(equation));
            }
            int named = inputs[t].Length - 3;
            if (named > operands[t].Rank)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"einsum(): the number of subscripts in the equation ({named}) is more than the number of dimensions ({operands[t].Rank}) for operand {t}"), nameof(equation));
            }
            covered[t] = operands[t].Rank - named;
            widest = Math.Max(widest, covered[t]);
        }
        bool anyEllipsis = inputs.Any(static i => i.Contains("...", StringComparison.Ordinal));
        if (widest > unused.Count) throw new ArgumentException("einsum(): too many dimensions for the letters left unused by the equation", nameof(equation));
        var ellipsis = new string(Enumerable.Range(0, widest).Select(_ => unused.Dequeue()).ToArray());
        for (int t = 0; t < inputs.Length; t++)
        {
            if (inputs[t].Contains("...", StringComparison.Ordinal)) inputs[t] = inputs[t].Replace("...", ellipsis[(widest - covered[t])..], StringComparison.Ordinal);
        }
        string output;
        if (sides.Length == 2)
        {
            output = sides[1];
            int at = output.IndexOf("...", StringComparison.Ordinal);
            if (at >= 0)
            {
                if (!anyEllipsis) throw new ArgumentException("einsum(): ellipsis ('...') in the output but in no input operand", nameof(equation));
                output = output.Replace("...", ellipsis, StringComparison.Ordinal);
            }
        }
        else
        {
            var once = string.Concat(sides[0].Split(',')).Where(char.IsAsciiLetter).GroupBy(static c => c)
                .Where(static g => g.Count() == 1).Select(static g => g.Key).OrderBy(static c => c);
            output = ellipsis + string.Concat(once);
        }

        // Repeated letters: the diagonal over the two dimensions, which Diagonal moves to the end.
        var operandsOut = (Tensor[])operands.Clone();
        for (int t = 0; t < inputs.Length; t++)
        {
            if (inputs[t].Any(static c => !char.IsAsciiLetter(c)) || inputs[t].Length != operandsOut[t].Rank) continue; // ParseEinsum's message
            while (true)
            {
                int first = -1, second = -1;
                for (int i = 0; i < inputs[t].Length && first < 0; i++)
                {
                    int j = inputs[t].IndexOf(inputs[t][i], i + 1);
                    if (j > 0) (first, second) = (i, j);
                }
                if (first < 0) break;
                char letter = inputs[t][first];
                int a = operandsOut[t].Size(first), b = operandsOut[t].Size(second);
                if (a != b)
                {
                    throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                        $"einsum(): subscript {letter} is repeated for operand {t} but the sizes don't match, {a} != {b}"));
                }
                operandsOut[t] = operandsOut[t].Diagonal(0, first, second);
                inputs[t] = inputs[t].Remove(second, 1).Remove(first, 1) + letter;
            }
        }
        rewritten = operandsOut;
        return string.Join(',', inputs) + "->" + output;
    }
}
