namespace AutogradGen;

/// <summary>Functions that [Differentiable] methods call to steer differentiation.</summary>
public static class Differentiation
{
    /// <summary>
    /// Returns <paramref name="value"/> unchanged, and tells the generator that no derivative flows through it
    /// (Swift's <c>withoutDerivative(at:)</c>, PyTorch's <c>detach()</c>).
    /// </summary>
    public static double WithoutDerivative(double value) => value;

    /// <inheritdoc cref="WithoutDerivative(double)"/>
    public static float WithoutDerivative(float value) => value;
}
