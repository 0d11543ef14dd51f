namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Every System.Math function of the rule table, alone or nearly so, on a domain where it is smooth, and at its kinks.</summary>
public static partial class MathFunctions
{
    [Differentiable]
    public static double Sine(double x) => Math.Sin(2 * x);

    [Differentiable]
    public static double Cosine(double x) => Math.Cos(x * x);

    [Differentiable, Domain(-1.2, 1.2)]
    public static double Tangent(double x) => Math.Tan(x);

    [Differentiable, Domain(-0.9, 0.9), AlsoAt(1.0), AlsoAt(-1.0)]
    public static double Arcsine(double x) => Math.Asin(x);

    [Differentiable, Domain(-0.9, 0.9)]
    public static double Arccosine(double x) => Math.Acos(x);

    [Differentiable]
    public static double Arctangent(double x) => Math.Atan(3 * x);

    [Differentiable, Domain(0.5, 2)]
    public static double Atan2OfPoint(double y, double x) => Math.Atan2(y - 1.25, x - 1.25);

    [Differentiable]
    public static double HyperbolicSine(double x) => Math.Sinh(x);

    [Differentiable]
    public static double HyperbolicCosine(double x) => Math.Cosh(x);

    [Differentiable]
    public static double HyperbolicTangent(double x) => Math.Tanh(2 * x);

    [Differentiable]
    public static double Exponential(double x) => Math.Exp(x) * Math.Exp(-x * x);

    [Differentiable, Domain(0.1, 5), AlsoAt(0.0)]
    public static double NaturalLog(double x) => Math.Log(x);

    [Differentiable, Domain(1.5, 5)]
    public static double LogWithBase(double x, double newBase) => Math.Log(x, newBase);

    [Differentiable, Domain(0.1, 5)]
    public static double CommonLog(double x) => Math.Log10(x);

    [Differentiable, Domain(0.1, 5)]
    public static double BinaryLog(double x) => Math.Log2(x);

    [Differentiable, Domain(0.1, 5), AlsoAt(0.0)]
    public static double SquareRoot(double x) => Math.Sqrt(x);

    [Differentiable, Domain(0.2, 3), AlsoAt(0.0)]
    public static double CubeRoot(double x) => Math.Cbrt(x);

    [Differentiable, Domain(-3, -0.2)]
    public static double CubeRootOfNegative(double x) => Math.Cbrt(x) * x;

    [Differentiable, Domain(0.5, 2), AlsoAt(0.0, 2.0), AlsoAt(1.5, 0.0)]
    public static double PowerOfVariables(double x, double y) => Math.Pow(x, y);

    [Differentiable]
    public static double PowerWithConstantExponent(double x) => Math.Pow(x, 3.0) - Math.Pow(x, 2);

    [Differentiable, AlsoAt(0.0), AlsoAt(1.0)]
    public static double AbsoluteValue(double x) => (Math.Abs(x) * x) + Math.Abs(x - 1);

    [Differentiable, AlsoAt(1.0, 1.0)]
    public static double Maximum(double x, double y) => Math.Max(x, y) * 2;

    [Differentiable, AlsoAt(1.0, 1.0)]
    public static double Minimum(double x, double y) => Math.Min(x * x, y);

    [Differentiable, AlsoAt(1.0), AlsoAt(-1.0)]
    public static double ClampToConstants(double x) => Math.Clamp(x, -1.0, 1.0) * x;

    [Differentiable, AlsoAt(0.0, 1.0), AlsoAt(2.0, 1.0)]
    public static double ClampToActiveBounds(double x, double a) => Math.Clamp(x, a - 1, a + 1);

    [Differentiable]
    public static double FusedMultiplyAdd(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c) * a;

    [Differentiable]
    public static double ScaleByPowersOfTwo(double x) => Math.ScaleB(x, 3) + Math.ScaleB(x * x, -2);

#pragma warning disable AGD0013 // The point: functions with a zero derivative, fed active values.
    [Differentiable, Domain(-3, 3)]
    public static double FloorAndCeiling(double x) => (x * Math.Floor(x)) + Math.Ceiling(x * 2);

    [Differentiable, Domain(-3, 3)]
    public static double RoundAndTruncate(double x) => (x * Math.Round(x)) - Math.Truncate(x * 3);

    [Differentiable, AlsoAt(0.0)]
    public static double SignTimesSquare(double x) => Math.Sign(x) * x * x;
#pragma warning restore AGD0013

    [Differentiable, AlsoAt(0.0, 0.0)]
    public static double Hypotenuse(double x, double y) => Math.Sqrt((x * x) + (y * y));

    // Math has no Hypot: users write double.Hypot. CopySign's sign argument stays negative over the domain (no jump).
    [Differentiable, Domain(0.5, 2)]
    public static double HypotAndCopySign(double x, double y) => double.Hypot(x, y) + Math.CopySign(x * y, y - 3);

    [Differentiable, Domain(-1, 1)]
    public static double PiAndE(double x) => (Math.PI * x * x) + (Math.E * Math.Sin(x));
}
