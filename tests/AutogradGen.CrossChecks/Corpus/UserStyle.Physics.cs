using static System.Math;

namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// User-style corpus, physics and numerics: `using static System.Math`, models as classes with fields, out helpers,
/// tuple swaps, local functions, Span scratch via stackalloc, do/while and break/continue.
/// </summary>
public static partial class UserPhysics
{
    /// <summary>Lennard-Jones between two points on a line plus a harmonic tether, with Pow(x, 2) and x * x * x.</summary>
    [Differentiable, Domain(1.0, 1.6)]
    public static double LennardJones(double r, double epsilon)
    {
        const double Sigma = 1.0;
        double sr = Sigma / r;
        double sr3 = sr * sr * sr;
        double sr6 = Pow(sr3, 2);
        return 4 * epsilon * (sr6 * sr6 - sr6);
    }

    /// <summary>A pendulum by RK4, the derivative a static local function returning a tuple, the state deconstructed.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double PendulumRk4(double theta0, double omega0)
    {
        const double G = 9.81, L = 1.0, H = 0.05;
        static (double, double) Rates(double theta, double omega) => (omega, -G / L * Sin(theta));

        double th = theta0, om = omega0;
        for (int step = 0; step < 10; step++)
        {
            var (k1t, k1o) = Rates(th, om);
            var (k2t, k2o) = Rates(th + H / 2 * k1t, om + H / 2 * k1o);
            var (k3t, k3o) = Rates(th + H / 2 * k2t, om + H / 2 * k2o);
            var (k4t, k4o) = Rates(th + H * k3t, om + H * k3o);
            th += H / 6 * (k1t + 2 * k2t + 2 * k3t + k4t);
            om += H / 6 * (k1o + 2 * k2o + 2 * k3o + k4o);
        }

        return th;
    }

    /// <summary>Polar coordinates handed back through out parameters, read with out var.</summary>
    [Differentiable, Domain(0.5, 2)]
    public static double PolarDistance(double r1, double phi1, double r2, double phi2)
    {
        ToCartesian(r1, phi1, out var x1, out var y1);
        ToCartesian(r2, phi2, out double x2, out double y2);
        return Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
    }

    [Differentiable]
    public static void ToCartesian(double r, double phi, out double x, out double y)
    {
        x = r * Cos(phi);
        y = r * Sin(phi);
    }

    /// <summary>Bubble-style ordering of two values by a tuple swap, then a weighted difference.</summary>
    [Differentiable, Domain(-2, 2)]
    public static double SortedSpread(double a, double b)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        return b - a + 0.25 * a * b;
    }

    /// <summary>Verlet integration of a cubic oscillator with do/while.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double Verlet(double x0, double v0)
    {
        double x = x0, v = v0, t = 0;
        const double dt = 0.1;
        double a = -x - x * x * x;
        do
        {
            x += v * dt + 0.5 * a * dt * dt;
            double aNext = -x - x * x * x;
            v += 0.5 * (a + aNext) * dt;
            a = aNext;
            t += dt;
        }
        while (t < 0.95);
        return 0.5 * v * v + 0.5 * x * x + 0.25 * x * x * x * x;
    }

    /// <summary>Trapezoid integration with a capturing local function and continue over skipped nodes.</summary>
    [Differentiable, Domain(0.5, 2)]
    public static double Trapezoid(double k, double upper)
    {
        double F(double t) => Exp(-k * t) * Cos(t);

        const int N = 16;
        double h = upper / N;
        double sum = 0.5 * (F(0) + F(upper));
        for (int i = 1; i < N; i++)
        {
            if (i == 8)
            {
                sum += F(i * h);
                continue;
            }

            sum += F(i * h);
        }

        return sum * h;
    }

    /// <summary>A softmax over three logits in stackalloc scratch, then the cross-entropy of class 1.</summary>
    [Differentiable, Domain(-2, 2)]
    public static double SoftmaxCrossEntropy(double a, double b, double c)
    {
        Span<double> logits = stackalloc double[3];
        logits[0] = a;
        logits[1] = b;
        logits[2] = c;
        double max = Max(a, Max(b, c));
        double total = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            total += Exp(logits[i] - max);
        }

        return -(logits[1] - max - Log(total));
    }

    /// <summary>Math.FusedMultiplyAdd and Math.ScaleB in a Horner evaluation, as numerics code writes it.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double FmaHorner(double x)
    {
        double p = 0.125;
        p = FusedMultiplyAdd(p, x, -0.5);
        p = FusedMultiplyAdd(p, x, 1.0);
        return ScaleB(p, 3) + x * x * x;
    }

    /// <summary>A NaN guard and an interpolated-string exception, then a stable softplus with a ?: chain.</summary>
    [Differentiable, Domain(-30, 30), AlsoAt(0.0)]
    public static double Softplus(double x)
    {
        if (double.IsNaN(x))
        {
            throw new ArgumentException($"{nameof(x)} must be a number, was {x}", nameof(x));
        }

        return x > 20 ? x : x < -20 ? Exp(x) : Log(1 + Exp(x));
    }

    /// <summary>Nested local functions: a smooth ramp built from a smooth step.</summary>
    [Differentiable, Domain(0.3, 1.5)]
    public static double SmoothRamp(double x, double width)
    {
        double Ramp(double u)
        {
            double Step(double s) => s <= 0 ? 0 : s >= 1 ? 1 : s * s * (3 - 2 * s);
            return u * Step(u / width);
        }

        return Ramp(x) + 0.1 * Ramp(x - 0.5);
    }

    /// <summary>An `is not` pattern guard and a relational switch expression on the differentiated value.</summary>
    [Differentiable, Domain(-2, 2), AlsoAt(0.5)]
    public static double Piecewise(double x)
    {
        if (x is not (>= -10 and <= 10))
        {
            return 0;
        }

        return x switch
        {
            < -1 => -x - 0.5,
            < 0.5 => 0.5 * x * x,
            _ => Sqrt(x) * 0.5 * Sqrt(0.5) + 0.125 - 0.25,
        };
    }

    /// <summary>An integer count in checked arithmetic beside the floating code.</summary>
    [Differentiable(nameof(x)), Domain(0.1, 1), With(5)]
    public static double CheckedTerms(double x, int n)
    {
        int terms = checked(n * 2 + 1);
        double sum = 0, term = 1;
        for (int k = 0; k < terms; k++)
        {
            sum += term;
            term *= x / (k + 1);
        }

        return sum;
    }
}

/// <summary>A spring chain as a physicist writes it: a sealed class with readonly fields, init properties, instance members.</summary>
public sealed partial class SpringChain
{
    private readonly double _stiffness;
    private readonly double[] _restLengths;

    public SpringChain(double stiffness, double[] restLengths)
    {
        _stiffness = stiffness;
        _restLengths = restLengths;
    }

    public static SpringChain Example { get; } = new(2.0, new[] { 1.0, 0.5 }) { Damping = 0.3 };

    public double Damping { get; init; }

    /// <summary>Energy of three masses on a line joined by two springs.</summary>
    [Differentiable, Domain(-1, 1)]
    public double Energy(double x0, double x1, double x2)
    {
        double e1 = (x1 - x0 + 2) - _restLengths[0];
        double e2 = (x2 - x1 + 2) - _restLengths[1];
        return 0.5 * _stiffness * (e1 * e1 + e2 * e2);
    }

    /// <summary>A damped energy reading the init property and calling another instance member.</summary>
    [Differentiable, Domain(-1, 1)]
    public double DampedEnergy(double x0, double x1, double x2, double t) => Energy(x0, x1, x2) * Math.Exp(-Damping * t * t);

    /// <summary>Expression-bodied member over this's fields with params-free arithmetic.</summary>
    [Differentiable, Domain(-1, 1)]
    public double Tension(double x0, double x1) => _stiffness * Math.Abs(x1 - x0 + 2 - _restLengths[0]);
}
