namespace AutogradGen.Samples.Static;

/// <summary>
/// The README's example: methods written once as plain C#, differentiated at compile time. The generator adds
/// <c>RosenbrockGradient</c>, <c>RosenbrockDerivative</c>, <c>SumOfSquaresGradient</c>, ... to this partial class.
/// </summary>
public static partial class Objectives
{
    [Differentiable]
    public static double Rosenbrock(double x, double y)
    {
        var a = 1 - x;
        var b = y - x * x;
        return a * a + 100 * b * b;
    }

    [Differentiable]
    public static double SumOfSquares(ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += v[i] * v[i];
        return s;
    }

    /// <summary>
    /// Mean squared error of the model y = amplitude · exp(rate · t) over the data: the curve-fitting loss, with
    /// the data passed through untouched and only the two model parameters differentiated.
    /// </summary>
    [Differentiable(nameof(amplitude), nameof(rate))]
    public static double ExponentialFitLoss(ReadOnlySpan<double> t, ReadOnlySpan<double> y, double amplitude, double rate)
    {
        double sum = 0;
        for (int i = 0; i < t.Length; i++)
        {
            var residual = amplitude * Math.Exp(rate * t[i]) - y[i];
            sum += residual * residual;
        }
        return sum / t.Length;
    }
}
