namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Functions with <c>[DerivativeOf]</c> user derivatives, and SecondOrder methods that call them: the user's
/// derivative is differentiated itself (Parsing/DualUserDerivative.cs). Checked by
/// <c>SecondOrderUserDerivativeTests</c> against central differences of the generated gradient and closed forms.
/// </summary>
public static class UserDerivedLibrary
{
    public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    /// <summary>The usual shape: the partial in closed form, the value by calling the original.</summary>
    [DerivativeOf(typeof(UserDerivedLibrary), nameof(Softplus))]
    public static double SoftplusGradient(double x, out double dx)
    {
        dx = 1 / (1 + System.Math.Exp(-x));
        return Softplus(x);
    }

    public static double Product(double a, double b) => a * Math.Sin(b);

    /// <summary>Two partials, a var local, a constant of the user's own and one of Math's; the value computed again.</summary>
    [DerivativeOf(typeof(UserDerivedLibrary), nameof(Product))]
    public static double ProductGradient(double a, double b, out double da, out double db)
    {
        var s = Math.Sin(b);
        da = s * Scale / Scale;
        db = a * Math.Cos(b + 2 * Math.PI);
        return a * s;
    }

    private const double Scale = 4.0;

    /// <summary>sum over k = 1..n of x^k / k: an int parameter, a loop and a branch in the user's derivative.</summary>
    public static double PowerSeries(double x, int n)
    {
        double sum = 0;
        double power = 1;
        for (int k = 1; k <= n; k++)
        {
            power *= x;
            sum += power / k;
        }

        return sum;
    }

    [DerivativeOf(typeof(UserDerivedLibrary), nameof(PowerSeries))]
    public static double PowerSeriesGradient(double x, int n, out double dx)
    {
        const double one = 1.0;
        double sum = 0;
        double power = one;
        dx = 0;
        for (int k = 1; k <= n; k++)
        {
            dx += power;
            power *= x;
            if (k > 0)
            {
                sum += power / k;
            }
        }

        return sum;
    }
}

public static partial class SecondOrderUserDerivativeFunctions
{
    [Differentiable(SecondOrder = true)]
    public static double SoftplusLoss(double x, double y) => UserDerivedLibrary.Softplus(x * y) * x + y * y;

    [Differentiable(SecondOrder = true)]
    public static double Mixed(double a, double b)
    {
        double p = UserDerivedLibrary.Product(a * a, b - a);
        double q = UserDerivedLibrary.Softplus(p) + UserDerivedLibrary.Softplus(b);
        return q * UserDerivedLibrary.Product(b, a);
    }

    [Differentiable(SecondOrder = true)]
    public static double Series(double x, double y) => UserDerivedLibrary.PowerSeries(x * y, 5) + x * UserDerivedLibrary.PowerSeries(y, 3);

    /// <summary>A span parameter in the caller: the callee is called per element.</summary>
    [Differentiable(SecondOrder = true)]
    public static double SoftplusSum(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += UserDerivedLibrary.Softplus(x[i] * (i + 1)) * x[i];
        }

        return s;
    }

    /// <summary>Nested: the gradient of SoftplusLoss (whose callee has a user derivative) inside a method differentiated once.</summary>
    [Differentiable]
    public static double OfSoftplusLossGradient(double a, double b)
    {
        double v = SoftplusLossGradient(a * b, a - b, out double gx, out double gy);
        return v + gx * gy;
    }
}
