namespace AutogradGen.CrossChecks.TapeTwins;

/// <summary>Methods whose tape twins are inspected directly (outside the corpus namespace).</summary>
public static partial class TwinShapes
{
    [Differentiable]
    public static double Branchy(double x) => x > 0 ? Math.Exp(x) : Math.Sin(x);

    [Differentiable(nameof(x))]
    public static double Scaled(double x, double scale, int times, ReadOnlySpan<double> offsets) => (x * scale * times) + offsets[0];

    [Differentiable]
    public static float Single(float x) => x * x;

    [Differentiable]
    public static double Softplus(double x) => Corpus.OpaqueMath.Softplus(x);
}
