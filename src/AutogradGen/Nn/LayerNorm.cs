namespace AutogradGen.Nn;

/// <summary><c>nn.LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=True)</c>: weight ones, bias zeros.</summary>
public sealed class LayerNorm : Module
{
    private readonly int[] _normalizedShape;

    /// <summary>Creates the layer.</summary>
    public LayerNorm(int[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        _normalizedShape = (int[])normalizedShape.Clone();
        Eps = eps;
        if (elementwiseAffine)
        {
            Weight = RegisterParameter("weight", Parameter.Create(Tensor.Ones(normalizedShape, dtype: dtype)));
            Bias = RegisterParameter("bias", Parameter.Create(Tensor.Zeros(normalizedShape, dtype: dtype)));
        }
    }

    /// <summary>The term added to the variance.</summary>
    public double Eps { get; }

    /// <summary>The scale, or null without elementwise affine.</summary>
    public Tensor? Weight { get; }

    /// <summary>The shift, or null without elementwise affine.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.LayerNorm(input, _normalizedShape, Weight, Bias, Eps);
}
