namespace AutogradGen.Nn;

/// <summary>
/// <c>nn.Embedding(num_embeddings, embedding_dim, padding_idx=None)</c>: a lookup table of rows, initialised from the
/// standard normal (the padding row, if any, zero), used through <see cref="Functional.Embedding"/>.
/// </summary>
public sealed class Embedding : Module
{
    /// <summary>Creates the table.</summary>
    public Embedding(int numEmbeddings, int embeddingDim, long? paddingIdx = null, DType dtype = DType.Float32, RandomGenerator? generator = null)
    {
        Weight = RegisterParameter("weight", Parameter.Create(Tensor.Randn([numEmbeddings, embeddingDim], dtype: dtype, generator: generator)));
        if (paddingIdx is long p)
        {
            long row = p < 0 ? p + numEmbeddings : p;
            if (row < 0 || row >= numEmbeddings) throw new ArgumentOutOfRangeException(nameof(paddingIdx), paddingIdx, "Padding_idx must be within num_embeddings");
            PaddingIdx = row;
            using (Autograd.NoGrad()) Weight.Copy_(Weight.IndexPut([Tensor.From([row])], Tensor.Scalar(0, dtype: dtype)));
        }
    }

    /// <summary>The table, [num_embeddings, embedding_dim].</summary>
    public Tensor Weight { get; }

    /// <summary>The row that gets no gradient, or null.</summary>
    public long? PaddingIdx { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Embedding(input, Weight, PaddingIdx);
}
