namespace AutogradGen.Generator.Tests.Checking;

/// <summary>
/// One differentiable function seen through flat arrays, so that one checker can test every signature:
/// its value, its generated gradient (value and partials), and its generated forward-mode derivative.
/// </summary>
public sealed class DerivativeCase
{
    public required string Name { get; init; }

    public required int Dimension { get; init; }

    public required Func<double[], double> Function { get; init; }

    public required Func<double[], (double Value, double[] Gradient)> Gradient { get; init; }

    public required Func<double[], double[], (double Value, double Derivative)> Derivative { get; init; }

    /// <summary>Where to sample points: each coordinate uniformly in [Low, High].</summary>
    public double Low { get; init; } = -2;

    public double High { get; init; } = 2;

    /// <summary>Tolerance relative to max(1, |expected|): 1e-8 for double functions; float functions need more.</summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>Finite-difference step: small for double functions, larger for float ones.</summary>
    public double Step { get; init; } = 1e-3;

    public override string ToString() => Name;
}
