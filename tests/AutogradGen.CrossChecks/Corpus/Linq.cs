namespace AutogradGen.CrossChecks.Corpus;

/// <summary>LINQ's Sum, Average, Max, Min and Select over arrays, with differentiable lambdas: lowered to loops.</summary>
public static partial class Linq
{
    /// <summary>Σ vᵢ² by Sum with a selector.</summary>
    [Differentiable]
    public static double SumOfSquares(double[] v) => v.Sum(x => x * x);

    /// <summary>The mean of exp(vᵢ) through Select, and the largest and smallest element.</summary>
    [Differentiable]
    public static double MeanMaxMin(double[] v) => v.Select(x => Math.Exp(x)).Average() + (v.Max() * v.Min());

    /// <summary>A softmax-style log-sum-exp: the maximum by LINQ, then a selector that captures it.</summary>
    [Differentiable]
    public static double LogSumExpByLinq(double[] v)
    {
        var max = v.Max();
        var sum = v.Sum(x => Math.Exp(x - max));
        return max + Math.Log(sum);
    }

    /// <summary>A weighted sum with Select's index overload and a block-bodied lambda, chained twice.</summary>
    [Differentiable]
    public static double IndexedSelect(double[] v) => v.Select((x, i) => x * (i + 1)).Select(y =>
    {
        var s = Math.Sin(y);
        return s * s;
    }).Sum();

    /// <summary>LINQ over a local array built from scalars.</summary>
    [Differentiable, Domain(-2, 2)]
    public static double SumOverLocalArray(double x, double y)
    {
        var a = new double[3];
        a[0] = x;
        a[1] = x * y;
        a[2] = Math.Cos(y);
        return a.Sum() + a.Max(t => t * t);
    }

    /// <summary>Index-style code: Enumerable.Range(a, n).Sum and .Average with lambdas reading the array by the integer.</summary>
    [Differentiable]
    public static double RangeSumAndAverage(double[] v) =>
        Enumerable.Range(1, v.Length - 1).Sum(i => v[i] * Math.Sin(v[i - 1] * i)) + Enumerable.Range(0, 3).Select(k => v[k] * v[k] / (k + 1)).Average();

    /// <summary>Enumerable.Range over scalars only: a truncated series in x, weighted by y.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double RangeSeries(double x, double y) => Enumerable.Range(1, 5).Sum(k => Math.Pow(x, k) / k) * y + Enumerable.Range(2, 3).Average(k => y * k);
}
