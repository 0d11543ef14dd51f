namespace AutogradGen.CrossChecks.Corpus;

/// <summary>User-style corpus, second batch: collections iterated the way people iterate them, and small idioms.</summary>
public static partial class UserMore
{
    public static readonly double[] Weights = { 0.2, -0.4, 0.9, 0.35 };

    public static readonly List<double> Observations = new() { 1.0, 0.5, -0.25, 2.0 };

    /// <summary>foreach over a static readonly table.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double TablePolynomial(double x)
    {
        double result = 0d, power = 1d;
        foreach (var w in Weights)
        {
            result += w * power;
            power *= x;
        }

        return result;
    }

    /// <summary>foreach over a List parameter: a negative log-likelihood of Gaussian observations.</summary>
    [Differentiable(nameof(mu), nameof(sigma)), Domain(0.5, 2), With("Observations")]
    public static double GaussianNll(List<double> observations, double mu, double sigma)
    {
        double nll = 0;
        foreach (double y in observations)
        {
            double z = (y - mu) / sigma;
            nll += 0.5 * z * z + Math.Log(sigma);
        }

        return nll + 0.5 * observations.Count * Math.Log(2 * Math.PI);
    }

    /// <summary>A for loop with two variables walking towards each other.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double Palindromic(double x)
    {
        double s = 0;
        for (int i = 0, j = Weights.Length - 1; i < j; i++, j--)
        {
            s += Weights[i] * Weights[j] * Math.Pow(x, i + j);
        }

        return s;
    }

    /// <summary>while (true) with a break: fixed-point iteration of x = cos(a·x).</summary>
    [Differentiable, Domain(0.2, 0.8)]
    public static double FixedPoint(double a)
    {
        double x = 0.5;
        int k = 0;
        while (true)
        {
            x = Math.Cos(a * x);
            if (++k >= 30)
            {
                break;
            }
        }

        return x;
    }

    /// <summary>A local lambda held in a Func, called twice.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double LocalLambda(double x, double y)
    {
        Func<double, double> sq = t => t * t;
        return sq(x) + 3 * sq(x - y);
    }

    /// <summary>double.Max and Math.Log with a base.</summary>
    [Differentiable, Domain(0.5, 3)]
    public static double LogBase(double x, double y) => double.Max(x, y) + Math.Log(x * y, 2) + double.Sqrt(x);

    /// <summary>Mean and variance from a tuple-returning helper, deconstructed.</summary>
    [Differentiable, Domain(-2, 2)]
    public static double Standardized(double a, double b, double c)
    {
        var (mean, variance) = Moments(a, b, c);
        return (a - mean) / Math.Sqrt(variance + 1e-3);
    }

    [Differentiable]
    public static (double Mean, double Variance) Moments(double a, double b, double c) =>
        ((a + b + c) / 3, ((a * a + b * b + c * c) / 3) - ((a + b + c) / 3 * ((a + b + c) / 3)));

    /// <summary>foreach over an IReadOnlyList property with an index kept by hand.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double Discounted(double rate)
    {
        int t = 0;
        double pv = 0;
        foreach (var cash in UserLearning.Features)
        {
            pv += cash * Math.Exp(-rate * ++t);
        }

        return pv;
    }
}

/// <summary>Local arrays written the way people write small ones: initializer lists and collection expressions.</summary>
public static partial class UserArrays
{
    /// <summary>A three-point stencil held in a new[] { ... } local, then a weighted sum.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double Stencil(double a, double b, double c)
    {
        var points = new[] { a, b * b, Math.Sin(c) };
        double[] weights = [0.25, 0.5, 0.25];
        double s = 0;
        for (int i = 0; i < points.Length; i++)
        {
            s += weights[i] * points[i] * points[i];
        }

        return s;
    }
}
