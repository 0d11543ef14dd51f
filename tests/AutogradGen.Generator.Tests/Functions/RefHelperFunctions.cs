namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Helpers with ref and out parameters and void helpers, inlined where [Differentiable] methods call them.</summary>
public static partial class RefHelperFunctions
{
    /// <summary>x' = −x (exact solution x₀·e^(−t)) integrated by RK4, the step advancing x by ref.</summary>
    [Differentiable]
    public static double Rk4Exponential(double x0, double rate)
    {
        var x = x0;
        for (var i = 0; i < 20; i++)
        {
            Rk4Step(ref x, rate, 0.05);
        }

        return x;
    }

    [Differentiable]
    public static void Rk4Step(ref double x, double rate, double h)
    {
        var k1 = -rate * x;
        var k2 = -rate * (x + (0.5 * h * k1));
        var k3 = -rate * (x + (0.5 * h * k2));
        var k4 = -rate * (x + (h * k3));
        x += h / 6 * (k1 + (2 * k2) + (2 * k3) + k4);
    }

    /// <summary>r² from the polar helper's two out results: x² + y² = r², whatever θ.</summary>
    [Differentiable]
    public static double RadiusSquared(double r, double theta)
    {
        PolarToCartesian(r, theta, out var x, out var y);
        return (x * x) + (y * y);
    }

    [Differentiable]
    public static void PolarToCartesian(double r, double t, out double x, out double y)
    {
        x = r * Math.Cos(t);
        y = r * Math.Sin(t);
    }

    /// <summary>
    /// The helper overwrites x through ref with a value whose derivative reads the old x (x ← x², three times): the
    /// reverse sweep must restore each x the callee overwrote. Result x^8.
    /// </summary>
    [Differentiable]
    public static double RepeatedSquaring(double x)
    {
        SquareInPlace(ref x);
        SquareInPlace(ref x);
        SquareInPlace(ref x);
        return x;
    }

    [Differentiable]
    public static void SquareInPlace(ref double x) => x *= x;

    /// <summary>Swap(ref a, ref a) aliases as in C#: the same variable twice, so nothing changes. Result a·b².</summary>
    [Differentiable]
    public static double SelfSwap(double a, double b)
    {
        Swap(ref a, ref a);
        Swap(ref a, ref b);
        Swap(ref b, ref a);
        return a * b * b;
    }

    [Differentiable]
    public static void Swap(ref double a, ref double b) => (a, b) = (b, a);

    /// <summary>A void helper writing a local array through a Span&lt;double&gt;: Σ x^i for i &lt; 5.</summary>
    [Differentiable]
    public static double PowerSum(double x)
    {
        Span<double> powers = stackalloc double[5];
        FillPowers(x, powers);
        var sum = 0.0;
        for (var i = 0; i < powers.Length; i++)
        {
            sum += powers[i];
        }

        return sum;
    }

    [Differentiable]
    public static void FillPowers(double x, Span<double> output)
    {
        var power = 1.0;
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = power;
            power *= x;
        }
    }
}

/// <summary>An instance void helper called on this, reading a field of the object.</summary>
public sealed partial class DecayModel
{
    public double Rate { get; init; } = 0.5;

    [Differentiable]
    public double Simulate(double x)
    {
        for (var i = 0; i < 4; i++)
        {
            Decay(ref x);
        }

        return x;
    }

    [Differentiable]
    public void Decay(ref double x) => x *= 1 - Rate;
}
