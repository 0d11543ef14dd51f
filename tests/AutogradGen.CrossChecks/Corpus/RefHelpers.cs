namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// Helpers that hand results back through ref and out parameters, and void helpers writing into spans, called from
/// [Differentiable] methods the way time-stepping and geometry code calls them (inlined at each call).
/// </summary>
public static partial class RefHelpers
{
    /// <summary>A damped oscillator advanced by an explicit Euler step that updates the state by ref, ten times.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double OscillatorEuler(double x0, double v0, double k)
    {
        var x = x0;
        var v = v0;
        for (var i = 0; i < 10; i++)
        {
            EulerStep(ref x, ref v, k, 0.1);
        }

        return x + (0.5 * v);
    }

    /// <summary>Classic RK4 on y' = −k·y + sin(t), the step advancing y by ref.</summary>
    [Differentiable, Domain(-1, 1), AlsoAt(0.5, 2.0)]
    public static double Rk4Decay(double y0, double k)
    {
        var y = y0;
        var t = 0.0;
        for (var i = 0; i < 8; i++)
        {
            Rk4Step(ref y, t, 0.25, k);
            t += 0.25;
        }

        return y;
    }

    /// <summary>Two results through out parameters: a point from polar coordinates.</summary>
    [Differentiable, Domain(0.5, 2)]
    public static double PolarProduct(double r, double theta)
    {
        PolarToCartesian(r, theta, out var x, out var y);
        return (x * y) + x;
    }

    /// <summary>A discarded out result, and an out argument that overwrites a variable read before the call.</summary>
    [Differentiable, Domain(0.5, 2)]
    public static double PolarOverwrite(double r, double theta)
    {
        var y = theta * 2;
        var before = y * y;
        PolarToCartesian(r, y, out y, out _);
        PolarToCartesian(y, theta, out var x, out y);
        return (x * y) + before;
    }

    /// <summary>A swap by ref inside a loop that keeps mixing the two values.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double SwapInLoop(double a, double b)
    {
        for (var i = 0; i < 3; i++)
        {
            Swap(ref a, ref b);
            a = (a * b) + 0.1;
        }

        return a - (2 * b);
    }

    /// <summary>An accumulator passed by ref several times, once with an expression argument.</summary>
    [Differentiable, Domain(-2, 2)]
    public static double AccumulatedNorm(double x, double y)
    {
        var sum = 0.0;
        AccumulateSquare(ref sum, x);
        AccumulateSquare(ref sum, y);
        AccumulateSquare(ref sum, x * y);
        return Math.Sqrt(sum + 1);
    }

    /// <summary>A void helper filling a Span&lt;double&gt; with powers, called on a stackalloc buffer and on a local array.</summary>
    [Differentiable, Domain(-1.5, 1.5)]
    public static double PowersIntoSpan(double x)
    {
        Span<double> powers = stackalloc double[4];
        FillPowers(x, powers);
        var shifted = new double[4];
        FillPowers(x - 0.5, shifted);
        return powers[1] + (0.5 * powers[2]) - (powers[3] / 6) + (shifted[3] * shifted[1]);
    }

    /// <summary>A helper returning one result and handing back another through out var.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double SquareAndCube(double x)
    {
        var square = SplitPowers(x, out var cube);
        return square + Math.Sin(cube);
    }

    /// <summary>A clipping helper with an early return, applied to a parameter by ref.</summary>
    [Differentiable, Domain(-2, 2), AlsoAt(0.3, 1.0), AlsoAt(1.7, 1.0)]
    public static double ClippedSquare(double x, double limit)
    {
        ClipAbove(ref x, limit);
        ClipAbove(ref x, limit * 1.5);
        return x * x;
    }

    /// <summary>Normalises two parameters in place, then uses them.</summary>
    [Differentiable, Domain(0.5, 2)]
    public static double NormalizedCombination(double x, double y)
    {
        Normalize(ref x, ref y);
        return (x * 3) + (y * y);
    }

    /// <summary>A helper calling another helper by ref: two rotations per call, in a loop.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double RotatedTwice(double x, double y, double angle)
    {
        for (var i = 0; i < 2; i++)
        {
            RotateTwice(ref x, ref y, angle);
        }

        return (x * x) + (3 * y);
    }

    /// <summary>Branches inside an out-parameter helper: the smaller and larger of two values.</summary>
    [Differentiable, Domain(-1, 1), AlsoAt(0.25, -0.5)]
    public static double MinMaxSpread(double a, double b)
    {
        MinMax(a, b, out var low, out var high);
        return high - (low * low);
    }

    /// <summary>Störmer–Verlet (leapfrog) steps by ref, then the energy of the final state.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double LeapfrogEnergy(double q0, double p0, double stiffness)
    {
        var q = q0;
        var p = p0;
        for (var i = 0; i < 6; i++)
        {
            Leapfrog(ref q, ref p, stiffness, 0.2);
        }

        return (0.5 * p * p) + (0.5 * stiffness * q * q);
    }

    /// <summary>The Euler step applied to array elements by ref (read before the call, written back after it).</summary>
    [Differentiable, Domain(-1, 1)]
    public static double ElementStates(double x, double v)
    {
        var state = new double[2];
        state[0] = x;
        state[1] = v;
        for (var i = 0; i < 5; i++)
        {
            EulerStep(ref state[0], ref state[1], 1.5, 0.1);
        }

        return state[0] * state[1];
    }

    /// <summary>An element chosen by a computed index, passed by ref to an accumulator in a loop.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double BinnedSquares(double x, double y)
    {
        var bins = new double[3];
        for (var i = 0; i < 6; i++)
        {
            AccumulateSquare(ref bins[i % 3], (x * i) - y);
        }

        return (bins[0] * bins[1]) + bins[2];
    }

    /// <summary>A capturing local function that advances a state by ref.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double LocalFunctionByRef(double x, double k)
    {
        for (var i = 0; i < 4; i++)
        {
            Advance(ref x);
        }

        return x;

        void Advance(ref double s) => s += k * Math.Sin(s);
    }

    /// <summary>A swap by ref taken only on one branch.</summary>
    [Differentiable, Domain(-2, 2), AlsoAt(0.5, 1.5), AlsoAt(-0.5, 1.5)]
    public static double ConditionalSwap(double x, double y)
    {
        if (x > 0)
        {
            Swap(ref x, ref y);
        }

        return x * y * y;
    }

    /// <summary>A float state advanced by a float helper by ref.</summary>
    [Differentiable, Domain(-1, 1)]
    public static float FloatEuler(float x, float rate)
    {
        for (var i = 0; i < 4; i++)
        {
            FloatStep(ref x, rate);
        }

        return x;
    }

    private static readonly double[] s_shocks = { 0.3, -1.1, 0.7, 0.2, -0.4, 1.3, -0.8, 0.5 };

    /// <summary>Heston variance and log-price by Euler–Maruyama with full truncation, fixed shocks from a table.</summary>
    [Differentiable, Domain(0.05, 0.5)]
    public static double HestonEuler(double v0, double kappa, double xi)
    {
        var logS = 0.0;
        var v = v0;
        for (var i = 0; i < s_shocks.Length - 1; i++)
        {
            HestonStep(ref logS, ref v, kappa, 0.2, xi, 0.05, s_shocks[i], s_shocks[i + 1]);
        }

        return logS + v;
    }

    /// <summary>Velocity Verlet in 2-D, the step calling a force helper that hands back both components through out.</summary>
    [Differentiable, Domain(0.5, 1.5)]
    public static double Verlet2D(double x, double y)
    {
        var vx = 0.0;
        var vy = 0.2;
        for (var i = 0; i < 5; i++)
        {
            VerletStep(ref x, ref y, ref vx, ref vy, 0.1);
        }

        return (x * x) + (y * vy) + vx;
    }

    [Differentiable]
    public static void HestonStep(ref double logS, ref double v, double kappa, double theta, double xi, double dt, double z1, double z2)
    {
        var positive = Math.Max(v, 1e-8);
        var root = Math.Sqrt(positive * dt);
        logS += (-0.5 * positive * dt) + (root * z1);
        v += (kappa * (theta - positive) * dt) + (xi * root * z2);
    }

    [Differentiable]
    public static void VerletStep(ref double x, ref double y, ref double vx, ref double vy, double dt)
    {
        Force(x, y, out var fx, out var fy);
        vx += 0.5 * dt * fx;
        vy += 0.5 * dt * fy;
        x += dt * vx;
        y += dt * vy;
        Force(x, y, out fx, out fy);
        vx += 0.5 * dt * fx;
        vy += 0.5 * dt * fy;
    }

    /// <summary>The force of the potential 1/r: −r̂/r².</summary>
    [Differentiable]
    public static void Force(double x, double y, out double fx, out double fy)
    {
        var r2 = (x * x) + (y * y);
        var scale = -1 / (r2 * Math.Sqrt(r2));
        fx = scale * x;
        fy = scale * y;
    }

    [Differentiable]
    public static void EulerStep(ref double x, ref double v, double k, double dt)
    {
        var acceleration = (-k * x) - (0.1 * v);
        x += v * dt;
        v += acceleration * dt;
    }

    [Differentiable]
    public static void Rk4Step(ref double y, double t, double h, double k)
    {
        var k1 = (-k * y) + Math.Sin(t);
        var k2 = (-k * (y + (0.5 * h * k1))) + Math.Sin(t + (0.5 * h));
        var k3 = (-k * (y + (0.5 * h * k2))) + Math.Sin(t + (0.5 * h));
        var k4 = (-k * (y + (h * k3))) + Math.Sin(t + h);
        y += h / 6 * (k1 + (2 * k2) + (2 * k3) + k4);
    }

    [Differentiable]
    public static void PolarToCartesian(double r, double t, out double x, out double y)
    {
        x = r * Math.Cos(t);
        y = r * Math.Sin(t);
    }

    [Differentiable]
    public static void Swap(ref double a, ref double b) => (a, b) = (b, a);

    [Differentiable]
    public static void AccumulateSquare(ref double sum, double v) => sum += v * v;

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

    [Differentiable]
    public static double SplitPowers(double x, out double cube)
    {
        cube = x * x * x;
        return x * x;
    }

    [Differentiable]
    public static void ClipAbove(ref double x, double limit)
    {
        if (x < limit)
        {
            return;
        }

        x = limit + (0.1 * (x - limit));
    }

    [Differentiable]
    public static void Normalize(ref double x, ref double y)
    {
        var norm = Math.Sqrt((x * x) + (y * y));
        x /= norm;
        y /= norm;
    }

    [Differentiable]
    public static void Rotate(ref double x, ref double y, double angle)
    {
        var c = Math.Cos(angle);
        var s = Math.Sin(angle);
        var rotated = (c * x) - (s * y);
        y = (s * x) + (c * y);
        x = rotated;
    }

    [Differentiable]
    public static void RotateTwice(ref double x, ref double y, double angle)
    {
        Rotate(ref x, ref y, angle);
        Rotate(ref x, ref y, angle * 0.5);
    }

    [Differentiable]
    public static void MinMax(double a, double b, out double low, out double high)
    {
        if (a < b)
        {
            low = a;
            high = b;
        }
        else
        {
            low = b;
            high = a;
        }
    }

    [Differentiable]
    public static void Leapfrog(ref double q, ref double p, double stiffness, double dt)
    {
        p -= 0.5 * dt * stiffness * q;
        q += dt * p;
        p -= 0.5 * dt * stiffness * q;
    }

    [Differentiable]
    public static void FloatStep(ref float x, float rate) => x += rate * MathF.Tanh(x) * 0.25f;
}
