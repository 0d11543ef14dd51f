namespace AutogradGen.CrossChecks.Checker;

/// <summary>
/// A function whose derivative is deliberately wrong: its user derivative says d/dx x³ = 2x². The generated
/// gradient and the tape twin both call it, so they agree with each other; only central differences can tell.
/// Outside the Corpus namespace, so the corpus theory does not pick it up.
/// </summary>
public static partial class PlantedMistakes
{
    [Differentiable]
    public static double CubeThroughWrongDerivative(double x) => WronglyDifferentiated.Cube(x) + x;
}

public static class WronglyDifferentiated
{
    public static double Cube(double x) => x * x * x;
}

public static class WrongDerivatives
{
    /// <summary>Wrong on purpose: the true derivative is 3x².</summary>
    [DerivativeOf(typeof(WronglyDifferentiated), nameof(WronglyDifferentiated.Cube))]
    public static double CubeGradient(double x, out double dx)
    {
        dx = 2 * x * x;
        return WronglyDifferentiated.Cube(x);
    }
}
