namespace AutogradGen.Nn;

/// <summary>
/// <c>nn.Linear(in_features, out_features, bias=True)</c>: <c>y = x Wᵀ + b</c>, W of shape [out, in]. Initialised as
/// PyTorch's <c>reset_parameters</c>: W by <c>kaiming_uniform_(a=√5)</c>, i.e. uniform in ±1/√in, then b uniform in
/// ±1/√in, drawn in that order from the generator given (or the global generator).
/// </summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer.</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = true, DType dtype = DType.Float32, RandomGenerator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegative(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Parameter.Create(Tensor.Zeros([outFeatures, inFeatures], dtype: dtype)));
        if (inFeatures > 0) Init.KaimingUniform_(Weight, Math.Sqrt(5), generator);
        if (bias)
        {
            Bias = RegisterParameter("bias", Parameter.Create(Tensor.Zeros([outFeatures], dtype: dtype)));
            double bound = inFeatures > 0 ? 1 / Math.Sqrt(inFeatures) : 0;
            Init.Uniform_(Bias, -bound, bound, generator);
        }
    }

    /// <summary>The size of each input sample.</summary>
    public int InFeatures { get; }

    /// <summary>The size of each output sample.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight, [out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>The bias, [out]; null without one.</summary>
    public Tensor? Bias { get; }

    /// <summary><c>x Wᵀ + b</c> over the last dimension of <paramref name="input"/>; a matrix input and a bias take one <c>AddmmBackward0</c>, as PyTorch's.</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank == 2 && Bias is not null) return Bias.Addmm(input, Weight.T());
        var product = input.MatMul(Weight.T());
        return Bias is null ? product : product + Bias;
    }
}
