namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Local arrays (stackalloc, new T[n]) written and read by index, with += and re-use across iterations.</summary>
public static partial class ArrayFunctions
{
    [Differentiable]
    public static double CumulativeSum(ReadOnlySpan<double> v)
    {
        Span<double> prefix = stackalloc double[v.Length];
        prefix[0] = v[0];
        for (var i = 1; i < v.Length; i++)
        {
            prefix[i] = prefix[i - 1] + v[i];
        }

        var s = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            s += prefix[i] * prefix[i];
        }

        return s;
    }

    [Differentiable]
    public static double HeapBufferReusedAcrossIterations(double[] v, int rounds)
    {
        var buffer = new double[v.Length];
        var total = 0.0;
        for (var r = 0; r < rounds; r++)
        {
            for (var i = 0; i < v.Length; i++)
            {
                buffer[i] = Math.Sin(v[i] * (r + 1)) + buffer[i] * 0.5;
            }

            for (var i = 0; i < v.Length; i++)
            {
                total += buffer[i] * buffer[i];
            }
        }

        return total;
    }

    [Differentiable]
    public static double AccumulateIntoElements(ReadOnlySpan<double> v)
    {
        Span<double> bins = stackalloc double[3];
        for (var i = 0; i < v.Length; i++)
        {
            bins[i % 3] += v[i] * v[i];
            bins[(i + 1) % 3] *= 1 + 0.1 * v[i];
        }

        return bins[0] * bins[1] + Math.Exp(bins[2]);
    }

    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> v)
    {
        var max = v[0];
        for (var i = 1; i < v.Length; i++)
        {
            if (v[i] > max)
            {
                max = v[i];
            }
        }

        var sum = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            sum += Math.Exp(v[i] - max);
        }

        return Math.Log(sum) + max;
    }

    [Differentiable]
    public static double OverwrittenElementsInLoop(ReadOnlySpan<double> v)
    {
        Span<double> state = stackalloc double[2];
        state[0] = 1;
        state[1] = 0;
        for (var i = 0; i < v.Length; i++)
        {
            var a = state[0];
            state[0] = a * Math.Cos(v[i]) - state[1] * Math.Sin(v[i]);
            state[1] = a * Math.Sin(v[i]) + state[1] * Math.Cos(v[i]) * v[i];
        }

        return state[0] + 2 * state[1];
    }
}
