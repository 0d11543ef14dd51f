using System.Globalization;

namespace AutogradGen;

public static partial class Functional
{
    /// <summary>
    /// The rows of <paramref name="weight"/> that the int64 <paramref name="input"/> names (<c>F.embedding(input, weight,
    /// padding_idx)</c>, <c>EmbeddingBackward0</c>): the result's shape is the input's followed by the embedding size.
    /// The gradient of each row is the sum of the gradients of its uses, except the <paramref name="paddingIdx"/> row, which gets none.
    /// </summary>
    public static Tensor Embedding(Tensor input, Tensor weight, long? paddingIdx = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (input.DType != DType.Int64) throw new ArgumentException($"Expected tensor for argument #1 'indices' to have scalar type Long; but got {input.DType.ScalarTypeName()} instead", nameof(input));
        if (weight.Rank != 2) throw new TensorShapeException("'weight' must be 2-D");
        int rows = weight.Size(0);
        long? padding = paddingIdx is long p ? (p < 0 ? p + rows : p) : null;
        if (padding is long q && (q < 0 || q >= rows)) throw new ArgumentOutOfRangeException(nameof(paddingIdx), paddingIdx, "Padding_idx must be within num_embeddings");
        var flat = input.Reshape([-1]);
        foreach (double index in flat.ToArray())
        {
            if (index < 0 || index >= rows) throw new IndexOutOfRangeException(string.Create(CultureInfo.InvariantCulture, $"index out of range in self: index {index} with {rows} embeddings"));
        }
        Tensor result;
        using (Autograd.NoGrad()) result = weight.IndexSelect(0, flat).Reshape([.. input.SharedShape, weight.Size(1)]);
        if (Autograd.ShouldRecord(weight)) new EmbeddingBackward0(flat.DetachedClone(), weight.SharedShape, padding).Attach(result, weight);
        return result;
    }
}

internal sealed class EmbeddingBackward0(Tensor flatIndices, int[] weightShape, long? paddingIdx) : Node
{
    // Each use adds its gradient into its row (index_add over the flattened uses); the padding row stays zero.
    internal override Tensor?[] Backward(Tensor grad)
    {
        var rows = grad.Reshape([-1, weightShape[1]]);
        if (paddingIdx is long padding) rows = rows.MaskedFill(flatIndices.Eq(padding).Unsqueeze(1), 0);
        return [Tensor.Zeros(weightShape, dtype: grad.DType).IndexAdd(0, flatIndices, rows)];
    }
}
