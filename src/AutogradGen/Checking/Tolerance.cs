namespace AutogradGen.Checking;

/// <summary>PyTorch's <c>allclose</c> test, |actual − expected| ≤ atol + rtol·|expected|, and the error measures reported beside it.</summary>
internal readonly record struct Tolerance(double Absolute, double Relative)
{
    /// <summary>Equal values (including equal infinities) are close; NaN is close to nothing, as <c>allclose(equal_nan=False)</c>.</summary>
    public bool IsClose(double actual, double expected) =>
        (actual.Equals(expected) && !double.IsNaN(actual)) || Math.Abs(actual - expected) <= Allowed(expected);

    public double Allowed(double expected) => Absolute + (Relative * Math.Abs(expected));

    public static double AbsoluteError(double actual, double expected)
    {
        if (actual.Equals(expected) && !double.IsNaN(actual)) return 0;
        double error = Math.Abs(actual - expected);
        return double.IsNaN(error) ? double.PositiveInfinity : error;
    }

    public static double RelativeError(double actual, double expected)
    {
        double error = AbsoluteError(actual, expected);
        if (error == 0) return 0;
        return expected == 0 ? double.PositiveInfinity : error / Math.Abs(expected);
    }

    /// <summary>How far outside its tolerance an entry is: error / allowed, above 1 when it fails.</summary>
    public double Excess(double actual, double expected)
    {
        if (IsClose(actual, expected)) return AbsoluteError(actual, expected) / Math.Max(Allowed(expected), double.Epsilon);
        return Math.Max(AbsoluteError(actual, expected) / Math.Max(Allowed(expected), double.Epsilon), 1 + double.Epsilon);
    }
}
