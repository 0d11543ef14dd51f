namespace AutogradGen.Nn;

/// <summary><c>nn.ReLU()</c>.</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Relu(input);
}

/// <summary><c>nn.GELU(approximate='none')</c>.</summary>
public sealed class GELU(GeluApproximation approximate = GeluApproximation.None) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Gelu(input, approximate);
}

/// <summary><c>nn.Tanh()</c>.</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Tanh();
    }
}
