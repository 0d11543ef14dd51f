namespace AutogradGen.CrossChecks.Corpus;

/// <summary>The arithmetic operators, unary and binary, with literals on either side.</summary>
public static partial class Arithmetic
{
    [Differentiable]
    public static double Polynomial(double x) => (3 * x * x * x) - (2 * x * x) + x - 5;

    [Differentiable]
    public static double Rational(double x, double y) => ((x * y) + 1) / ((x * x) + (y * y) + 1);

    [Differentiable]
    public static double Negations(double x, double y) => (-(x - y) * -x) + +y;

    [Differentiable, Domain(0.5, 3)]
    public static double Reciprocals(double x) => (1 / x) + (2 / (x * x));

    [Differentiable, Domain(1.1, 9)]
    public static double Remainder(double x, double y) => (x % y) * x;

    [Differentiable, Domain(0.5, 2)]
    public static double ManyOperands(double a, double b, double c, double d) => (a * b) - (c / d) + (a * c * d) - b;

    [Differentiable]
    public static double FourthPower(double x) => x * x * x * x;

    [Differentiable]
    public static double LiteralsEverywhere(double x) => (0.5 * x) + (1e-3 * x * x) - 2.5 + (x / 4.0) - (3.0 / (x * x + 1));

    [Differentiable]
    public static double CompoundAssignments(double x, double y)
    {
        var s = x;
        s += y;
        s *= x;
        s -= y * y;
        s /= 2;
        return s;
    }

    [Differentiable, Domain(-3, 3)]
    public static double IntegerMixing(double x)
    {
        var n = 3;
        var m = n * 2 + 1;
        return (x * n) + (m / (x * x + 1)) - ((double)m / 4);
    }
}
