using System.Numerics;

namespace AutogradGen.CrossChecks.Corpus;

/// <summary>Generic math over spans and arrays of T: each instance's gradient is a span of its own element type.</summary>
public static partial class GenericSpans
{
    [Differentiable]
    public static T SumOfSquares<T>(ReadOnlySpan<T> v) where T : INumber<T>
    {
        var s = T.Zero;
        foreach (var x in v)
        {
            s += x * x;
        }

        return s;
    }

    [Differentiable]
    public static T LogSumExp<T>(ReadOnlySpan<T> v) where T : IFloatingPointIeee754<T>
    {
        var m = v[0];
        for (var i = 1; i < v.Length; i++)
        {
            m = T.Max(m, v[i]);
        }

        var s = T.Zero;
        for (var i = 0; i < v.Length; i++)
        {
            s += T.Exp(v[i] - m);
        }

        return m + T.Log(s);
    }

    [Differentiable]
    public static T SmoothedDifferences<T>(T[] v) where T : IFloatingPointIeee754<T>
    {
        var local = new T[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            local[i] = T.Tanh(v[i]);
        }

        var s = T.Zero;
        for (var i = 1; i < local.Length; i++)
        {
            var d = local[i] - local[i - 1];
            s += T.Sqrt(d * d + T.CreateChecked(0.01));
        }

        return s;
    }

    [Differentiable]
    public static T Norm<T>(ReadOnlySpan<T> v) where T : IRootFunctions<T>, INumber<T> => T.Sqrt(SumOfSquares(v) + T.One);
}
