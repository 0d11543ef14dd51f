namespace AutogradGen.Generator.Tests.Functions;

/// <summary>for, while and do loops over spans and arrays, with break, continue and data-dependent trip counts.</summary>
public static partial class LoopFunctions
{
    [Differentiable]
    public static double SumOfSquares(ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += v[i] * v[i];
        return s;
    }

    [Differentiable]
    public static double ProductOfAll(double[] v)
    {
        var p = 1.0;
        for (var i = 0; i < v.Length; i++)
        {
            p *= v[i];
        }

        return p;
    }

    [Differentiable]
    public static double Polynomial(double x, ReadOnlySpan<double> coefficients)
    {
        var result = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            result = result * x + coefficients[i];
        }

        return result;
    }

    [Differentiable]
    public static double NestedLoops(ReadOnlySpan<double> v, int rows)
    {
        var columns = v.Length / rows;
        var total = 0.0;
        for (var r = 0; r < rows; r++)
        {
            var rowProduct = 1.0;
            for (var c = 0; c < columns; c++)
            {
                rowProduct = rowProduct * Math.Sin(v[r * columns + c]);
            }

            total += rowProduct * rowProduct;
        }

        return total;
    }

    [Differentiable]
    public static double BreakAndContinue(ReadOnlySpan<double> v)
    {
        var s = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            if (v[i] < -1.5)
            {
                continue;
            }

            s = s * 0.9 + Math.Exp(v[i]) * s + v[i];
            if (s > 40)
            {
                break;
            }
        }

        return s;
    }

    [Differentiable]
    public static double WhileDataDependent(double x)
    {
        var y = x;
        var steps = 0;
        while (Math.Abs(y) > 0.1 && steps < 50)
        {
            y = y * 0.5 + Math.Sin(y) * 0.1;
            steps++;
        }

        return y * y + steps;
    }

    [Differentiable]
    public static double DoWhile(double x, double y)
    {
        var t = x;
        var n = 0;
        do
        {
            t = t * y + 0.25;
            n++;
        }
        while (t < 3 && t > -3 && n < 20);

        return t;
    }

    [Differentiable]
    public static double ReturnInsideLoop(ReadOnlySpan<double> v)
    {
        var s = 1.0;
        for (var i = 0; i < v.Length; i++)
        {
            s = s * Math.Cos(v[i]) + v[i];
            if (s > 2.5)
            {
                return s * s;
            }
        }

        return s;
    }

    [Differentiable]
    public static double NonCountedFor(ReadOnlySpan<double> v)
    {
        var s = 0.0;
        var j = 0;
        for (; j + 1 < v.Length; j += 2)
        {
            s += v[j] * v[j + 1];
        }

        return s * s;
    }

    [Differentiable]
    public static float FloatLoop(ReadOnlySpan<float> v)
    {
        var s = 1f;
        for (var i = 0; i < v.Length; i++)
        {
            s = s * MathF.Cos(v[i]) + v[i] * 0.5f;
        }

        return s;
    }

    [Differentiable]
    public static double ForEachOverSpan(ReadOnlySpan<double> v)
    {
        var s = 0.0;
        var product = 1.0;
        foreach (var value in v)
        {
            s += value * value;
            product *= Math.Cos(value);
        }

        return s * product;
    }

    [Differentiable]
    public static double InclusiveAndDescending(ReadOnlySpan<double> v, int last)
    {
        var s = 0.0;
        for (int i = 0; i <= last; i++)
        {
            s = s * 0.5 + Math.Sin(v[i]) * v[i];
        }

        for (int i = 3; i >= 1; i--)
        {
            s = s * v[i] + 0.1;
        }

        return s;
    }

    /// <summary>Logistic-regression shape: z is reset per row, incremented, then read non-linearly.</summary>
    [Differentiable]
    public static double ResetThenIncrementThenNonLinear(ReadOnlySpan<double> v)
    {
        var sum = 0.0;
        for (int row = 0; row + 2 < v.Length; row++)
        {
            var z = v[row];
            for (int j = 1; j < 3; j++)
            {
                z += v[row + j] * v[j];
            }

            sum += Math.Abs(z) * z;
        }

        return sum;
    }

    /// <summary>z is read non-linearly between its reset and its increments: the increments must save z.</summary>
    [Differentiable]
    public static double ReadBetweenResetAndIncrements(ReadOnlySpan<double> v)
    {
        var sum = 0.0;
        for (int row = 0; row + 1 < v.Length; row++)
        {
            var z = v[row];
            sum += z * z;
            z += v[row + 1];
            sum += Math.Sin(z);
            z -= 0.5 * v[0];
            sum += z * z * z;
        }

        return sum;
    }

    /// <summary>Extended Rosenbrock: xi, b and a are re-evaluated in the reverse sweep, not recorded.</summary>
    [Differentiable]
    public static double ExtendedRosenbrock(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        for (int i = 0; i + 1 < x.Length; i += 2)
        {
            double xi = x[i];
            double b = x[i + 1] - xi * xi;
            double a = 1.0 - xi;
            sum += 100.0 * b * b + a * a;
        }

        return sum;
    }

    /// <summary>t is read before its redefinition in the iteration (the previous iteration's value): it must be recorded.</summary>
    [Differentiable]
    public static double ReadBeforeRedefinition(ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        double t = 1.0;
        for (int i = 0; i < v.Length; i++)
        {
            sum += t * t * v[i];
            t = v[i] * v[i];
        }

        return sum + t * t;
    }

    /// <summary>u's operand buffer is written in the loop: u must be recorded, not re-evaluated.</summary>
    [Differentiable]
    public static double OperandWrittenInLoop(ReadOnlySpan<double> v)
    {
        Span<double> buffer = stackalloc double[1];
        double sum = 0.0;
        for (int i = 0; i < v.Length; i++)
        {
            buffer[0] = v[i] * 3.0;
            double u = buffer[0] * v[i];
            buffer[0] = 0.0;
            sum += u * u;
        }

        return sum;
    }

    /// <summary>A non-unit step (<c>i += 2</c>): the reverse sweep undoes it (<c>i -= 2</c>) instead of recording i.</summary>
    [Differentiable]
    public static double StridedPairs(ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        for (int i = 0; i + 1 < v.Length; i += 2)
        {
            sum += v[i] * v[i + 1] * v[i];
        }

        return sum;
    }

    /// <summary>
    /// The GMM's running index: <c>lower</c> is set per outer iteration and stepped by <c>lower++</c> in a nested loop
    /// with a variable start; <c>back</c> walks down by an invariant parameter. Both updates are undone, not recorded.
    /// </summary>
    [Differentiable(nameof(v))]
    public static double RunningIndex(ReadOnlySpan<double> v, int stride)
    {
        double sum = 0.0;
        int back = v.Length - 1;
        for (int c = 0; c < 2; c++)
        {
            int lower = c;
            for (int column = 0; column < 3; column++)
            {
                for (int row = column + 1; row < 3; row++)
                {
                    sum += v[lower] * v[row] * v[column];
                    lower++;
                }
            }

            sum += v[back] * v[back] * v[lower];
            back -= stride;
        }

        return sum;
    }

    /// <summary>
    /// h wraps past int.MaxValue (undoing <c>h += 1_000_000_007</c> is exact modulo 2³²) and is also stepped by the loop
    /// index (not invariant: that update is recorded); the reverse sweep must see every value h had.
    /// </summary>
    [Differentiable]
    public static double WrappingCounter(ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        int h = 2_000_000_000;
        for (int j = 0; j < v.Length; j++)
        {
            h += 1_000_000_007;
            sum += v[j] * v[j] * (h % 7);
            h -= j;
            sum += v[j] * (h % 5);
        }

        return sum;
    }

    /// <summary>
    /// The GMM's centring: the inner definition reads the outer loop's counted index, which holds its forward value
    /// throughout the outer reverse iteration, so the definition is recomputed, not recorded.
    /// </summary>
    [Differentiable]
    public static double OuterIndexInInnerDefinition(ReadOnlySpan<double> v)
    {
        double sum = 0.0;
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                double centred = v[i * 3 + j] - v[j];
                sum += centred * centred * v[i];
            }
        }

        return sum;
    }

    /// <summary>
    /// Loops of known trip counts reserve their records: the inner loop's branch records the same on both sides, so
    /// the outer loop reserves everything; the last loop's branch does not, so it pushes one record at a time.
    /// </summary>
    [Differentiable]
    public static double ReservedRecords(ReadOnlySpan<double> v)
    {
        Span<double> scratch = stackalloc double[v.Length];
        double sum = 0.0;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int j = 0; j < v.Length; j++)
            {
                if (v[j] > 0.3)
                {
                    scratch[j] = scratch[j] * 0.5 + v[j] * v[j];
                }
                else
                {
                    scratch[j] = Math.Sin(scratch[j] + v[j]);
                }

                sum += scratch[j] * scratch[j];
            }
        }

        for (int j = 1; j < v.Length; j++)
        {
            if (v[j] > v[j - 1])
            {
                scratch[j] = scratch[j - 1] * v[j];
            }

            sum += scratch[j] * v[j];
        }

        return sum;
    }

    /// <summary>
    /// The GMM's scratch arrays: each outer iteration first rewrites every element of <c>centered</c> and
    /// <c>transformed</c>, then increments elements of <c>transformed</c>, then reads it non-linearly. The increments
    /// need no record (the rewrite restores every element).
    /// </summary>
    [Differentiable]
    public static double RewrittenScratch(ReadOnlySpan<double> v)
    {
        Span<double> centered = stackalloc double[3];
        Span<double> transformed = stackalloc double[3];
        double sum = 0.0;
        for (int c = 0; c + 3 <= v.Length; c++)
        {
            for (int j = 0; j < 3; j++)
            {
                centered[j] = v[c + j] - v[j];
                transformed[j] = v[j] * centered[j];
            }

            for (int column = 0; column < 3; column++)
            {
                for (int row = column + 1; row < 3; row++)
                {
                    transformed[row] += v[c + column] * centered[column];
                }
            }

            for (int j = 0; j < 3; j++)
            {
                sum += Math.Sin(transformed[j]) * transformed[j];
            }
        }

        return sum;
    }

    /// <summary>
    /// The rewriting loop's own reverse reads the array (<c>sum += scratch[j] * scratch[j]</c>): the later increments
    /// must be recorded, or that reverse would read the incremented values.
    /// </summary>
    [Differentiable]
    public static double RewriteThatReadsItsArray(ReadOnlySpan<double> v)
    {
        Span<double> scratch = stackalloc double[3];
        double sum = 0.0;
        for (int c = 0; c + 3 <= v.Length; c++)
        {
            for (int j = 0; j < 3; j++)
            {
                scratch[j] = v[c + j] * v[j];
                sum += scratch[j] * scratch[j];
            }

            for (int j = 1; j < 3; j++)
            {
                scratch[j] += v[c] * scratch[j - 1];
            }

            sum += Math.Exp(scratch[2] * 0.1) * scratch[1];
        }

        return sum;
    }

    /// <summary>A loop from 1 recording two values per iteration: it reserves (v.Length - 1) * 2 slots, not v.Length - 1 * 2.</summary>
    [Differentiable]
    public static double TwoRecordsFromOne(ReadOnlySpan<double> v)
    {
        double t = 0.5;
        double u = 1.0;
        for (int j = 1; j < v.Length; j++)
        {
            t = Math.Sin(t + v[j]);
            u = u * t + v[j - 1];
        }

        return u * t;
    }

    /// <summary>
    /// The inner loop adds to w's adjoint only at r − 1, an index it does not change (its reverse sums that adjoint
    /// in a local), and runs no iteration at r = 0, where the index is −1: the local must not read it then.
    /// </summary>
    [Differentiable]
    public static double InvariantIndexInInnerLoop(ReadOnlySpan<double> v)
    {
        int half = v.Length / 2;
        var w = new double[half];
        for (int j = 0; j < half; j++) w[j] = v[j] * v[j];
        double sum = 0;
        for (int r = 0; r < half; r++)
        {
            double scale = 1.0 + r;
            for (int c = 0; c < r; c++)
            {
                sum += Math.Sin(v[half + c] * w[r - 1]) + scale * w[r - 1] * w[r - 1];
            }

            sum *= 0.5;
        }

        return sum;
    }

    /// <summary>
    /// Partials that read the value their statement assigned: the reverse sweep reads gate and state before restoring
    /// them (tanh' = 1 − gate², exp' = its result), and norm, assigned once outside the loop, where it is.
    /// </summary>
    [Differentiable]
    public static double ResultsReadBack(ReadOnlySpan<double> v)
    {
        double norm = Math.Sqrt(v[0] * v[0] + 1.0);
        double state = 0.5;
        for (int i = 1; i < v.Length; i++)
        {
            double gate = Math.Tanh(v[i] * state);
            state = Math.Exp(gate / norm) - state * v[i - 1];
            state = state / (1.0 + v[i] * v[i]);
        }

        return state;
    }
}
