namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Lowered constructs (switch, tuples, local functions, LINQ, recursion) whose derivatives must allocate nothing.</summary>
public static partial class StatementFunctions
{
    [Differentiable]
    public static double SwitchInLoop(ReadOnlySpan<double> v)
    {
        var s = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            switch (i % 3)
            {
                case 0:
                    s += v[i] switch { < 0 => -v[i], _ => v[i] * v[i] };
                    break;
                case 1 when s > 0:
                    s = s * 0.5 + v[i];
                    break;
                default:
                    s -= Math.Sin(v[i]);
                    break;
            }
        }

        return s;
    }

    [Differentiable]
    public static double TupleRecurrenceWithLocalFunction(double x, double rate)
    {
        var (a, b) = (1.0, x);
        for (var i = 0; i < 20; i++)
        {
            (a, b) = (b, Damp(a + b));
        }

        return a * b;

        double Damp(double v)
        {
            var d = v * Math.Exp(-rate);
            return d > 1 ? 1 + Math.Log(d) : d;
        }
    }

    [Differentiable]
    public static double Power(double x, int n) => n == 0 ? 1 : x * Power(x, n - 1);

    [Differentiable]
    public static double LinqMoments(double[] v) => v.Sum(x => x * x) - (v.Average() * v.Max());

    [Differentiable]
    public static double PatternsAndTuples(double x, double y, int mode)
    {
        var point = (X: x, Y: y);
        if (point.X * point.Y is var area && area is > 0 and < 4)
        {
            area += point.X;
            (point.X, point.Y) = (point.Y, area);
        }

        var scaled = mode switch
        {
            0 or 1 => point.X * 2,
            int m when m > 5 => point.Y / m,
            _ => Math.Sqrt((point.X * point.X) + 1),
        };

        return x is not (< -1 or > 1) ? scaled * x : scaled - y;
    }

    [Differentiable]
    public static double EvenOdd(double x, int n) => n <= 0 ? x : Odd(x * 0.5, n - 1) + 1;

    [Differentiable]
    public static double Odd(double x, int n) => n <= 0 ? Math.Sin(x) : EvenOdd(x, n - 1) * x;

    [Differentiable]
    public static double LocalFunctionsOverArrays(double[] v, double w)
    {
        var total = Weighted(v) + v.Select((e, i) => e * i).Sum(e => Math.Tanh(e * w));
        return total + First(v);

        double Weighted(double[] a)
        {
            var s = 0.0;
            foreach (var e in a)
            {
                s += e * w;
            }

            return s;
        }

        static double First(double[] a)
        {
            if (a.Length == 0)
            {
                return 0;
            }

            return a[0] * a[0];
        }
    }
}
