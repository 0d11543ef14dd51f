namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// 'in' and 'params' parameters: generated methods keep 'in' ('in double x', then a tangent or gradient of the
/// parameter's own type) and take a 'params' array as a plain array.
/// </summary>
public static partial class ParameterModifiers
{
    /// <summary>A Black–Scholes-style discounted forward with every parameter 'in'.</summary>
    [Differentiable]
    public static double DiscountedForward(in double spot, in double rate, in double time) => spot * Math.Exp(rate * time) * Math.Exp(-rate * time * 0.5);

    /// <summary>Calls an 'in' method with and without the 'in' keyword, so its Derivative and Pullback are checked through the caller.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double CallsInParameters(double x, double y) => DiscountedForward(in x, y, 2.0) + DiscountedForward(x * y, 0.1, y);

    /// <summary>A norm over a 'params' array.</summary>
    [Differentiable]
    public static double Norm(params double[] v) => Math.Sqrt(v.Sum(x => x * x) + 1e-3);

    /// <summary>Passes an array to the 'params' method and an 'in' value to the other.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double NormOfTwo(double x, double y)
    {
        var pair = new double[2];
        pair[0] = x;
        pair[1] = DiscountedForward(in y, x, 1.0);
        return Norm(pair);
    }
}
