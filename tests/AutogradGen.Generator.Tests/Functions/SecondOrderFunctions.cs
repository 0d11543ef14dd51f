namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Methods with second-order members ([Differentiable(SecondOrder = true)]): straight-line code, every Math function
/// of the rule table, branches, loops that record, local arrays, spans, calls, partial differentiation.
/// Checked by <c>SecondOrderTests</c> against central differences of the gradient and against the tape.
/// </summary>
public static partial class SecondOrderFunctions
{
    [Differentiable(SecondOrder = true)]
    public static double Rosenbrock(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    [Differentiable(SecondOrder = true)]
    public static double Beale(double x, double y)
    {
        var a = 1.5 - x + x * y;
        var b = 2.25 - x + x * y * y;
        var c = 2.625 - x + x * y * y * y;
        return a * a + b * b + c * c;
    }

    [Differentiable(SecondOrder = true)]
    public static double Himmelblau(double x, double y) => (x * x + y - 11) * (x * x + y - 11) + (x + y * y - 7) * (x + y * y - 7);

    [Differentiable(SecondOrder = true)]
    public static double Trigonometric(double x, double y, double z) => Math.Sin(x * y) + Math.Cos(y - z) * Math.Tan(0.3 * z) + Math.Atan2(x, 2 + y * y);

    [Differentiable(SecondOrder = true)]
    public static double Inverses(double x, double y) => Math.Asin(0.5 * Math.Tanh(x)) + Math.Acos(0.4 * Math.Sin(y)) + Math.Atan(x * y);

    [Differentiable(SecondOrder = true)]
    public static double Hyperbolic(double x, double y) => Math.Sinh(0.5 * x) * Math.Cosh(0.3 * y) + Math.Tanh(x - y);

    [Differentiable(SecondOrder = true)]
    public static double Logarithms(double x, double y) =>
        Math.Log(1 + x * x) + Math.Log10(2 + y * y) * Math.Log2(3 + x * x * y * y) + Math.Log(2 + x * x, 3 + y * y);

    [Differentiable(SecondOrder = true)]
    public static double Roots(double x, double y) => Math.Sqrt(1 + x * x + y * y) + Math.Cbrt(2 + x * y * y) * Math.Exp(-0.5 * x * x);

    [Differentiable(SecondOrder = true)]
    public static double Powers(double x, double y) => Math.Pow(1.5 + x * x, 2.5) + Math.Pow(2 + Math.Sin(x), 1 + y * y) + Math.FusedMultiplyAdd(x, y, x * y * y);

    [Differentiable(SecondOrder = true)]
    public static double Quotients(double x, double y) => x / (1 + y * y) + (x * y) / (2 + Math.Cos(x)) - 3 / (4 + x * x);

    [Differentiable(SecondOrder = true)]
    public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    [Differentiable(SecondOrder = true)]
    public static double SmoothKinks(double x, double y) => Math.Abs(x) * y * y + Math.Max(x * y, 0.5 * x) + Math.Min(x, y) * x + Math.Clamp(x * y, -0.5, 0.5) * y;

    [Differentiable(SecondOrder = true)]
    public static double Piecewise(double x, double y)
    {
        if (x * y > 0.1)
        {
            return Math.Exp(x) * y * y;
        }

        var t = x - y;
        return t * t * t + x;
    }

    [Differentiable(SecondOrder = true)]
    public static double Logistic(double x, double y) => 1 / (1 + Math.Exp(-(x * 1.3 - y * 0.7 + x * y)));

    [Differentiable(SecondOrder = true)]
    public static double IteratedMap(double x, double r)
    {
        var v = x;
        for (var i = 0; i < 6; i++)
        {
            v = r * v * (1 - v) + 0.1 * Math.Sin(v);
        }

        return v;
    }

    [Differentiable(SecondOrder = true)]
    public static double WhileLoop(double x)
    {
        var v = 0.5 + x * x;
        var steps = 0;
        while (v < 40 && steps < 20)
        {
            v = v * 1.5 + Math.Sin(x * v);
            steps++;
        }

        return v;
    }

    [Differentiable(SecondOrder = true)]
    public static double ExtendedRosenbrock(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1 - x[i];
            s += 100 * a * a + b * b;
        }

        return s;
    }

    [Differentiable(SecondOrder = true)]
    public static double LogSumExp(ReadOnlySpan<double> x)
    {
        var max = x[0];
        for (var i = 1; i < x.Length; i++)
        {
            max = Math.Max(max, Differentiation.WithoutDerivative(x[i]));
        }

        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += Math.Exp(x[i] - max);
        }

        return max + Math.Log(sum);
    }

    [Differentiable(SecondOrder = true)]
    public static double LocalArray(ReadOnlySpan<double> x)
    {
        Span<double> prefix = stackalloc double[x.Length];
        prefix[0] = x[0];
        for (var i = 1; i < x.Length; i++)
        {
            prefix[i] = prefix[i - 1] * 0.5 + Math.Sin(x[i]);
        }

        var s = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            s += prefix[i] * prefix[i] * x[i];
        }

        return s;
    }

    [Differentiable(SecondOrder = true)]
    public static double QuadraticForm(ReadOnlySpan<double> x)
    {
        // xᵀAx with A[i, j] = 1 / (1 + i + j) + (i == j ? 2 : 0): the Hessian is A + Aᵀ.
        var s = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < x.Length; j++)
            {
                s += x[i] * x[j] * (1.0 / (1 + i + j) + (i == j ? 2.0 : 0.0));
            }
        }

        return s;
    }

    [Differentiable(SecondOrder = true)]
    public static double Square(double x) => x * x;

    [Differentiable(SecondOrder = true)]
    public static double Calls(double x, double y) => Square(Math.Sin(x) * y) + Softplus(x - y) * Rosenbrock(x, 0.5 * y);

    [Differentiable(nameof(x), SecondOrder = true)]
    public static double Partial(double x, double y, int n) => Math.Pow(x, n) * Math.Exp(y * x) + y * y;

    [Differentiable(SecondOrder = true)]
    public static double MixedScalarAndSpan(double scale, ReadOnlySpan<double> v)
    {
        var s = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            s += Math.Exp(scale * v[i]) * v[i];
        }

        return s * scale;
    }
}
