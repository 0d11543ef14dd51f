namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Loops that run forward and reverse in one pass (their accumulator's adjoint is known before them), and near
/// misses that must keep the two sweeps. <see cref="FusedLoopTests"/> checks which is which from the generated text.
/// </summary>
public static partial class FusedLoopFunctions
{
    /// <summary>One pass: the accumulator is returned times a literal, beside another term.</summary>
    [Differentiable]
    public static double ScaledAccumulator(ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        for (int i = 0; i < v.Length; i++)
        {
            double t = Math.Sin(v[i]) * v[i];
            sum += t * t;
        }

        return v[0] * v[0] - 2.5 * sum;
    }

    /// <summary>One pass: the coefficient is a differentiated value fixed before the loop (its own adjoint still flows).</summary>
    [Differentiable]
    public static double ActiveCoefficientFixedBefore(ReadOnlySpan<double> v)
    {
        double scale = v[0] * v[1];
        double sum = 0.0;
        for (int i = 0; i < v.Length; i++)
        {
            sum -= Math.Exp(0.3 * v[i]);
        }

        return scale * sum / 4.0;
    }

    /// <summary>One pass: two accumulators, each with its own coefficient.</summary>
    [Differentiable]
    public static double TwoAccumulators(ReadOnlySpan<double> v)
    {
        double squares = 0.0;
        double sines = 0.0;
        for (int i = 0; i < v.Length; i++)
        {
            squares += v[i] * v[i];
            sines = sines + Math.Sin(v[i] * v[0]);
        }

        return squares - 3.0 * sines;
    }

    /// <summary>
    /// One pass: the inner loop overwrites what its reverse reads, so it records every iteration of the outer loop,
    /// and the branch decision is kept; both are made and taken back within the outer iteration.
    /// </summary>
    [Differentiable]
    public static double NestedLoopWithRecords(ReadOnlySpan<double> v)
    {
        double total = 0.0;
        for (int r = 0; r < 3; r++)
        {
            double product = 1.0;
            for (int c = 0; c < v.Length; c++)
            {
                product = product * Math.Sin(v[c] + r);
            }

            if (v[r] > 0.0)
            {
                total += product;
            }
            else
            {
                total -= 0.5 * product * product;
            }
        }

        return total;
    }

    /// <summary>Two sweeps: the accumulator reaches the result through a square, so its adjoint depends on its value.</summary>
    [Differentiable]
    public static double AccumulatorSquaredAfter(ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        for (int i = 0; i < v.Length; i++)
        {
            sum += Math.Cos(v[i]);
        }

        return sum * sum;
    }

    /// <summary>Two sweeps: the loop reads the running sum, so later iterations send adjoint into earlier ones through it.</summary>
    [Differentiable]
    public static double AccumulatorReadInside(ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        double weighted = 0.0;
        for (int i = 0; i < v.Length; i++)
        {
            sum += v[i];
            weighted += sum * v[i];
        }

        return weighted;
    }

    /// <summary>Two sweeps: the coefficient is computed in the loop, so it is not known before it.</summary>
    [Differentiable]
    public static double CoefficientComputedInLoop(ReadOnlySpan<double> v)
    {
        double scale = 1.0;
        double sum = 0.0;
        for (int i = 0; i < v.Length; i++)
        {
            scale = v[i];
            sum += v[i] * v[i];
        }

        return scale * sum;
    }

    /// <summary>Two sweeps: a value the loop reads is assigned again after it.</summary>
    [Differentiable]
    public static double InputReassignedAfterLoop(ReadOnlySpan<double> v)
    {
        double w = v[0];
        double sum = 0.0;
        for (int i = 0; i < v.Length; i++)
        {
            sum += w * v[i];
        }

        w = w * 3.0;
        return sum + w;
    }

    /// <summary>Two sweeps: the loop's condition reads the accumulator.</summary>
    [Differentiable]
    public static double AccumulatorInLoopCondition(ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        for (int i = 0; i < v.Length && sum < 1e9; i++)
        {
            sum += v[i] * v[i];
        }

        return sum;
    }

    /// <summary>
    /// One pass, and the accumulated call's pullback runs in place of the call (it returns the value too): the
    /// buffer is rewritten whole before the call, so nothing carries over between iterations.
    /// </summary>
    [Differentiable]
    public static double AccumulatedCall(ReadOnlySpan<double> v)
    {
        Span<double> terms = stackalloc double[2];
        double total = 0.0;
        for (int i = 0; i + 1 < v.Length; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                terms[j] = v[i + j] * Math.Sin(v[i]);
            }

            total -= SmoothMaximum(terms);
        }

        return total;
    }

    /// <summary>log Σ exp(t_j).</summary>
    [Differentiable]
    public static double SmoothMaximum(ReadOnlySpan<double> t)
    {
        double sum = 0.0;
        for (int j = 0; j < t.Length; j++)
        {
            sum += Math.Exp(t[j]);
        }

        return Math.Log(sum);
    }
}
