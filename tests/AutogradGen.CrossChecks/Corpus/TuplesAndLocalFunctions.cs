namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Tuples (construction, deconstruction, swaps) and local functions (static and capturing), lowered to locals and inlined.</summary>
public static partial class TuplesAndLocalFunctions
{
    /// <summary>Fibonacci-like recurrence by tuple assignment, (a, b) = (b, a + b·x), then a plain swap (a, b) = (b, a).</summary>
    [Differentiable, Domain(-1, 1)]
    public static double TupleSwapRecurrence(double x)
    {
        var (a, b) = (1.0, x);
        for (var i = 0; i < 5; i++)
        {
            (a, b) = (b, a + (b * x));
        }

        (a, b) = (b, a);
        return (a * 2) + b;
    }

    /// <summary>A rotation applied by deconstruction, several times, and a tuple local read through its element names.</summary>
    [Differentiable, Domain(-2, 2)]
    public static double RotateWithTuples(double x, double y, double angle)
    {
        var point = (X: x, Y: y);
        for (var i = 0; i < 3; i++)
        {
            point = ((point.X * Math.Cos(angle)) - (point.Y * Math.Sin(angle)), (point.X * Math.Sin(angle)) + (point.Y * Math.Cos(angle)));
        }

        (double u, _) = point;
        return (u * u) + (point.Item2 * 3);
    }

    /// <summary>A static local function called several times with different arguments.</summary>
    [Differentiable, Domain(-2, 2)]
    public static double StaticLocalFunction(double x, double y)
    {
        return Softplus(x * y) + Softplus(x - y) + Softplus(Softplus(x));

        static double Softplus(double v) => Math.Log(1 + Math.Exp(v));
    }

    /// <summary>A capturing local function with statements and an early return, called in a loop.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double CapturingLocalFunction(double x, double rate)
    {
        var total = 0.0;
        for (var i = 1; i <= 4; i++)
        {
            total += Damped(i * 0.5);
        }

        return total;

        double Damped(double t)
        {
            var decay = Math.Exp(-rate * t);
            if (decay < 0.3)
            {
                return 0.3 * x;
            }

            return x * decay * t;
        }
    }

    /// <summary>A local function used inside a switch arm and a ternary (inlined as an expression there).</summary>
    [Differentiable, Domain(-2, 2), AlsoAt(0.0)]
    public static double LocalFunctionInArms(double x) => x switch
    {
        < 0 => Square(x) * 2,
        _ => x > 1 ? Square(x - 1) : Math.Sin(x),
    };

    [Differentiable, Domain(-2, 2)]
    public static double Square(double v) => v * v;

    /// <summary>A local Euler step helper returning the next state: x' = x + h·(−k·x + sin t).</summary>
    [Differentiable, Domain(-1, 1), AlsoAt(0.5, 2.0)]
    public static double EulerWithLocalStep(double x0, double k)
    {
        var x = x0;
        var t = 0.0;
        const double H = 0.1;
        for (var i = 0; i < 10; i++)
        {
            x = Step(x, t);
            t += H;
        }

        return x;

        double Step(double state, double time) => state + (H * ((-k * state) + Math.Sin(time)));
    }
}
