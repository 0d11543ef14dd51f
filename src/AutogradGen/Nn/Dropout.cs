using System.Globalization;

namespace AutogradGen.Nn;

/// <summary><c>nn.Dropout(p=0.5)</c>: <see cref="Functional.Dropout"/> in training mode, the identity in evaluation mode.</summary>
public sealed class Dropout(double p = 0.5, RandomGenerator? generator = null) : Module
{
    /// <summary>The probability of zeroing an element.</summary>
    public double P { get; } = p >= 0 && p <= 1 ? p : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"dropout probability has to be between 0 and 1, but got {p}"), nameof(p));

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, Training, generator);
}
