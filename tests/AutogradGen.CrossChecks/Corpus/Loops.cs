namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Loops: data-dependent trip counts, break and continue, non-unit steps, nesting, many overwrites.</summary>
public static partial class Loops
{
    [Differentiable, Domain(1, 100)]
    public static double HalvingLoop(double x)
    {
        var r = x;
        while (r > 1)
        {
            r = r / 2;
        }

        return r * x;
    }

    [Differentiable, Domain(0.5, 10)]
    public static double NewtonSquareRoot(double a)
    {
        var g = a;
        for (var i = 0; i < 6; i++)
        {
            g = 0.5 * (g + (a / g));
        }

        return g;
    }

    [Differentiable, Domain(0.5, 3)]
    public static double DataDependentTripCount(double x)
    {
        var s = 0.0;
        var k = 0;
        while (s < x * 3)
        {
            s += Math.Sin(x) + 1.5;
            k++;
        }

        return s + (k * x);
    }

    [Differentiable, Domain(0.2, 4)]
    public static double DoWhileLoop(double x)
    {
        var r = x;
        var steps = 0;
        do
        {
            r = (r * 0.7) + 0.1;
            steps++;
        }
        while (r > 0.5 && steps < 20);
        return r * x;
    }

    [Differentiable]
    public static double BreakAndContinue(double x)
    {
        var s = 0.0;
        for (var i = 0; i < 10; i++)
        {
            if (i % 3 == 0)
            {
                continue;
            }

            if (s > 5)
            {
                break;
            }

            s += x * x * i;
        }

        return s;
    }

    [Differentiable]
    public static double NonUnitStep(double x)
    {
        var s = 1.0;
        for (var i = 0; i < 10; i += 3)
        {
            s = (s * x) + i;
        }

        return s;
    }

    [Differentiable]
    public static double NestedLoops(double x, double y)
    {
        var s = 0.0;
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < i + 1; j++)
            {
                s += Math.Sin((x * i) + (y * j));
            }
        }

        return s;
    }

    [Differentiable, With(5)]
    public static double Horner(double x, int n)
    {
        var p = 0.0;
        for (var i = 0; i < n; i++)
        {
            p = (p * x) + i + 1;
        }

        return p;
    }

    [Differentiable]
    public static double CountingDown(double x)
    {
        var s = 0.0;
        for (var i = 5; i > 0; i--)
        {
            s = (s * 0.5) + (x / i);
        }

        return s * x;
    }

    [Differentiable, Domain(-1, 1)]
    public static double OverwrittenManyTimes(double x)
    {
        var v = x;
        v = v * v;
        v = Math.Sin(v);
        v = v + x;
        v = (v * v) - x;
        v = Math.Exp(v * 0.5);
        v = v / (1 + (x * x));
        v = v * v * v;
        v = Math.Tanh(v - x);
        return v;
    }

    [Differentiable]
    public static double RunningProduct(double x)
    {
        var p = 1.0;
        for (var i = 0; i < 5; i++)
        {
            p *= x + i;
        }

        return p;
    }

    [Differentiable, Domain(0.2, 2)]
    public static double ReturnFromLoop(double x)
    {
        var s = 0.0;
        for (var i = 0; i < 10; i++)
        {
            if (s > 3)
            {
                return s * x;
            }

            s += x * x;
        }

        return s;
    }

    [Differentiable, Domain(0.5, 2)]
    public static double FixedPointIteration(double x)
    {
        var y = 0.0;
        var change = 1.0;
        while (change > 1e-12)
        {
            var next = Math.Cos(y) * x * 0.5;
            change = Math.Abs(next - y);
            y = next;
        }

        return y;
    }
}
