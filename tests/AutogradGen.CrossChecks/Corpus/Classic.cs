namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Classic optimisation test functions.</summary>
public static partial class Classic
{
    [Differentiable]
    public static double Rosenbrock(double x, double y) => ((1 - x) * (1 - x)) + (100 * (y - (x * x)) * (y - (x * x)));

    [Differentiable, Domain(-4.5, 4.5)]
    public static double Beale(double x, double y)
    {
        var a = 1.5 - x + (x * y);
        var b = 2.25 - x + (x * y * y);
        var c = 2.625 - x + (x * y * y * y);
        return (a * a) + (b * b) + (c * c);
    }

    [Differentiable, Domain(-5, 5)]
    public static double Himmelblau(double x, double y)
    {
        var a = (x * x) + y - 11;
        var b = x + (y * y) - 7;
        return (a * a) + (b * b);
    }

    [Differentiable, Domain(-5.12, 5.12)]
    public static double Rastrigin(double x, double y) =>
        20 + (x * x) - (10 * Math.Cos(2 * Math.PI * x)) + (y * y) - (10 * Math.Cos(2 * Math.PI * y));

    [Differentiable, Domain(-5, 5)]
    public static double Ackley(double x, double y) =>
        (-20 * Math.Exp(-0.2 * Math.Sqrt(0.5 * ((x * x) + (y * y)))))
        - Math.Exp(0.5 * (Math.Cos(2 * Math.PI * x) + Math.Cos(2 * Math.PI * y)))
        + Math.E + 20;
}
