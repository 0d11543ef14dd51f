namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Local arrays (heap and stack): accumulation into elements, overwrites, foreach, passing them to calls.</summary>
public static partial class LocalArrays
{
    [Differentiable]
    public static double AccumulateIntoElements(double x)
    {
        var a = new double[4];
        for (var i = 0; i < 4; i++)
        {
            a[i] = x * i;
        }

        for (var i = 0; i < 4; i++)
        {
            a[i % 2] += a[i] * x;
        }

        return a[0] + (a[1] * a[1]);
    }

    [Differentiable]
    public static double StackBuffer(double x, double y)
    {
        Span<double> b = stackalloc double[3];
        b[0] = x;
        b[1] = y;
        b[2] = x * y;
        var s = 0.0;
        for (var i = 0; i < b.Length; i++)
        {
            s += b[i] * b[i];
        }

        return s;
    }

    [Differentiable, Domain(-1, 1)]
    public static double ElementOverwritten(double x)
    {
        var a = new double[2];
        a[0] = x;
        a[0] = a[0] * a[0];
        a[0] = Math.Sin(a[0]) + x;
        a[1] = a[0] * x;
        a[0] = a[1] - a[0];
        return a[0] * a[1];
    }

    [Differentiable, Domain(-1.5, 1.5)]
    public static double PrefixProducts(double x)
    {
        var a = new double[5];
        a[0] = x;
        for (var i = 1; i < a.Length; i++)
        {
            a[i] = (a[i - 1] * x) + 1;
        }

        return a[4];
    }

    [Differentiable]
    public static double ForeachOverLocal(double x, double y)
    {
        var a = new double[3];
        a[0] = x;
        a[1] = y;
        a[2] = x - y;
        var s = 0.0;
        foreach (var e in a)
        {
            s += e * e * e;
        }

        return s;
    }

    [Differentiable]
    public static double LocalArrayPassedToCall(double x, double y)
    {
        var a = new double[2];
        a[0] = x;
        a[1] = y * x;
        return Spans.SumOfSquares(a) + Spans.LogSumExp(a);
    }
}
