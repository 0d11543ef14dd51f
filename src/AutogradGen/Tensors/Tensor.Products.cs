using System.Globalization;

namespace AutogradGen;

// outer, addmm and einsum: products built on the matrix kernels and broadcasting.
public sealed partial class Tensor
{
    /// <summary>The outer product of two vectors, <c>out[i, j] = this[i] · other[j]</c> (<c>torch.outer</c>; composed as PyTorch composes it, <c>MulBackward0</c>).</summary>
    public Tensor Outer(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank != 1 || other.Rank != 1)
        {
            throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture, $"outer: Expected 1-D argument self, but got {Rank}-D"));
        }
        return Reshape([-1, 1]) * other;
    }

    /// <summary>
    /// <c>beta · this + alpha · (mat1 @ mat2)</c>, this broadcast to the product's shape (<c>torch.addmm(input, mat1, mat2, beta=1, alpha=1)</c>,
    /// <c>AddmmBackward0</c>): a linear layer's bias plus its product in one node.
    /// </summary>
    public Tensor Addmm(Tensor mat1, Tensor mat2, double beta = 1, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(mat1);
        ArgumentNullException.ThrowIfNull(mat2);
        Tensor result;
        using (Autograd.NoGrad())
        {
            var product = mat1.Mm(mat2);
            if (!Kernels.Shapes.IsExpandableTo(_shape, product.SharedShape))
            {
                throw new TensorShapeException($"The expanded size of the tensor {Kernels.Shapes.Format(_shape)} must match the product's shape {Kernels.Shapes.Format(product.SharedShape)}");
            }
            var scaledSelf = beta == 0 ? ZerosLike(product) : beta == 1 ? this : this * beta;
            result = scaledSelf + (alpha == 1 ? product : product * alpha);
            if (ReferenceEquals(result, product)) result = product.DetachedClone();
        }
        if ((Autograd.ShouldRecord(this, mat1) || Autograd.ShouldRecord(mat2))) new AddmmBackward0(mat1, mat2, beta, alpha).Attach(result, this, mat1, mat2);
        return result;
    }

    /// <summary>
    /// Einstein summation (<c>torch.einsum</c>): <c>"ij,jk->ik"</c> (matrix product), <c>"bij,bjk->bik"</c> (batched),
    /// <c>"i,i->"</c> (dot), <c>"i,j->ij"</c> (outer), <c>"ij->ji"</c> (transpose), <c>"ij->"</c> (sum) and any other
    /// subscripts. Without <c>-&gt;</c> the output is the ellipsis dimensions, then the letters that appear once, in
    /// alphabetical order, as in PyTorch. An ellipsis (<c>"...ij,...jk->...ik"</c>) stands for the dimensions no
    /// letter names, broadcast from the right; a letter repeated within an operand takes its diagonal (<c>"ii->i"</c>,
    /// <c>"ii"</c> the trace), as in PyTorch. Composed of recorded diagonals, permutes, views,
    /// products and sums (a two-matrix contraction goes through <see cref="Mm"/>), so the grad_fn names are those of
    /// the last step, not PyTorch's.
    /// </summary>
    public static Tensor Einsum(string equation, params Tensor[] operands)
    {
        ArgumentNullException.ThrowIfNull(equation);
        ArgumentNullException.ThrowIfNull(operands);
        equation = RewriteEinsum(equation, operands, out operands);
        var (inputs, output) = ParseEinsum(equation, operands);
        var sizes = new Dictionary<char, int>();
        for (int t = 0; t < operands.Length; t++)
        {
            for (int k = 0; k < inputs[t].Length; k++)
            {
                char letter = inputs[t][k];
                int size = operands[t].Size(k);
                if (sizes.TryGetValue(letter, out int known) && known != size && known != 1 && size != 1)
                {
                    throw new TensorShapeException(string.Create(CultureInfo.InvariantCulture,
                        $"einsum(): operands do not broadcast with remapped shapes (original->remapped): subscript '{letter}' has size {known} and {size}"));
                }
                sizes[letter] = Math.Max(size, sizes.GetValueOrDefault(letter, 1));
            }
        }
        if (operands.Length == 2 && TryMatrixProduct(inputs, output, operands, out var product)) return product!;
        // All letters in order of first appearance; each operand is permuted and viewed into that space, broadcast-multiplied, then summed.
        var letters = string.Concat(inputs).Distinct().ToArray();
        Tensor? accumulated = null;
        for (int t = 0; t < operands.Length; t++)
        {
            var present = letters.Where(inputs[t].Contains).ToArray();
            var permutation = present.Select(letter => inputs[t].IndexOf(letter, StringComparison.Ordinal)).ToArray();
            var aligned = operands[t].Permute(permutation);
            var spread = letters.Select(letter => inputs[t].Contains(letter, StringComparison.Ordinal) ? aligned.Size(System.Array.IndexOf(present, letter)) : 1).ToArray();
            var placed = aligned.Reshape(spread);
            accumulated = accumulated is null ? placed : accumulated * placed;
        }
        var summed = letters.Select((letter, d) => (letter, d)).Where(p => !output.Contains(p.letter, StringComparison.Ordinal)).Select(p => p.d).ToArray();
        var reduced = summed.Length == 0 ? accumulated! : accumulated!.Sum(summed);
        var remaining = letters.Where(output.Contains).ToArray();
        if (remaining.Length == 0) return reduced;
        var order = output.Select(letter => System.Array.IndexOf(remaining, letter)).ToArray();
        return order.Select((o, i) => o == i).All(static same => same) ? reduced : reduced.Permute(order);
    }

    private static (string[] Inputs, string Output) ParseEinsum(string equation, Tensor[] operands)
    {
        var text = equation.Replace(" ", "", StringComparison.Ordinal);
        var sides = text.Split("->");
        var inputs = sides[0].Split(',');
        if (inputs.Length != operands.Length)
        {
            string which = inputs.Length < operands.Length ? "more" : "fewer";
            throw new ArgumentException($"einsum(): {which} operands were provided than specified in the equation", nameof(equation));
        }
        for (int t = 0; t < inputs.Length; t++)
        {
            ArgumentNullException.ThrowIfNull(operands[t], nameof(operands));
            if (inputs[t].Any(static c => !char.IsAsciiLetter(c))) throw new ArgumentException($"einsum(): invalid subscript given in the equation string '{inputs[t]}': subscripts must be letters in [a-zA-Z]", nameof(equation));
            if (inputs[t].Length != operands[t].Rank)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"einsum(): the number of subscripts in the equation ({inputs[t].Length}) does not match the number of dimensions ({operands[t].Rank}) for operand {t} and no ellipsis was given"), nameof(equation));
            }
        }
        string output;
        if (sides.Length == 2)
        {
            output = sides[1];
            foreach (char letter in output)
            {
                if (!inputs.Any(input => input.Contains(letter, StringComparison.Ordinal))) throw new ArgumentException($"einsum(): output subscript {letter} does not appear in the equation for any input operand", nameof(equation));
            }
            if (output.Distinct().Count() != output.Length) throw new ArgumentException("einsum(): output subscript appears more than once in the output", nameof(equation));
        }
        else
        {
            var counts = string.Concat(inputs).GroupBy(static c => c).Where(static g => g.Count() == 1).Select(static g => g.Key).OrderBy(static c => c);
            output = string.Concat(counts);
        }
        return (inputs, output);
    }

    // "ij,jk->ik" and its transposed spellings: one contracted letter shared by two matrices, the output the two free letters.
    private static bool TryMatrixProduct(string[] inputs, string output, Tensor[] operands, out Tensor? product)
    {
        product = null;
        if (inputs[0].Length != 2 || inputs[1].Length != 2 || output.Length != 2) return false;
        var shared = inputs[0].Intersect(inputs[1]).ToArray();
        if (shared.Length != 1 || output.Contains(shared[0], StringComparison.Ordinal)) return false;
        char contracted = shared[0];
        char row = inputs[0].First(c => c != contracted), column = inputs[1].First(c => c != contracted);
        if (output != $"{row}{column}" && output != $"{column}{row}") return false;
        var left = inputs[0][1] == contracted ? operands[0] : operands[0].T();
        var right = inputs[1][0] == contracted ? operands[1] : operands[1].T();
        product = left.Mm(right);
        if (output[0] == column) product = product.T();
        return true;
    }
}

internal sealed class AddmmBackward0 : Node
{
    private readonly SavedTensor? _mat1;
    private readonly SavedTensor? _mat2;
    private readonly double _beta;
    private readonly double _alpha;

    public AddmmBackward0(Tensor mat1, Tensor mat2, double beta, double alpha)
    {
        if (mat2.RequiresGrad) _mat1 = Save(mat1);
        if (mat1.RequiresGrad) _mat2 = Save(mat2);
        _beta = beta;
        _alpha = alpha;
    }

    // d self = beta g (summed back to self's shape by the engine); d mat1 = alpha g mat2ᵀ; d mat2 = alpha mat1ᵀ g
    internal override Tensor?[] Backward(Tensor grad) =>
    [
        NeedsInputGrad(0) ? (_beta == 1 ? grad : grad * _beta) : null,
        NeedsInputGrad(1) ? grad.Mm(_mat2!.Value.T()) * _alpha : null,
        NeedsInputGrad(2) ? _mat1!.Value.T().Mm(grad) * _alpha : null,
    ];
}
