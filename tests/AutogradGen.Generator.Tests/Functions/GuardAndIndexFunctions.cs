using System.Diagnostics;

#pragma warning disable AGD0013 // The element-write functions convert an active element to an index on purpose.

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>Issue 10, item 5: guard clauses, run as written in every mode.</summary>
public static partial class GuardFunctions
{
    [Differentiable]
    public static double SqrtTimes(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        return Math.Sqrt(x) * x;
    }

    [Differentiable]
    public static double LogOf(double x)
    {
        if (x <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"x must be positive, not {x}");
        }

        return Math.Log(x) * x;
    }

    [Differentiable]
    public static double ExpOrThrow(double x) => (x < 10 ? Math.Exp(x) : throw new ArgumentException("x is too large", nameof(x))) * x;

    [Differentiable(nameof(x))]
    public static double Counted(double[][] rows, int n, double x)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        Debug.Assert(n < 100, "n is unreasonably large");
        var s = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (i >= rows.Length)
            {
                throw new InvalidOperationException("row " + i + " is missing");
            }

            s += rows[i][0] * Math.Sin(x * (i + 1));
        }

        return s;
    }
}

/// <summary>
/// Found by an outside random-program test: element writes whose index reads the array being written must be
/// undone at the index the forward sweep wrote; and a parenthesised stackalloc length.
/// </summary>
public static partial class IndexFunctions
{
    [Differentiable]
    public static double IndexReadsWrittenElement(double x)
    {
        double[] b = new double[2];
        b[(int)b[0]] = x;
        return b[0] * b[0];
    }

    [Differentiable]
    public static double CompoundIndexReadsWrittenElement(double x)
    {
        double[] b = new double[2];
        b[(int)b[0]] += x * 3;
        b[(int)b[0] % 2] += x;
        return b[0] * b[1] + b[0];
    }

    [Differentiable]
    public static double IndexReadsAnotherElement(double x)
    {
        double[] b = new double[3];
        b[1] = 1;
        b[(int)b[1]] = x;
        b[(int)b[2] + 2] = x * x;
        return b[0] + b[1] * b[2] + b[1];
    }

    [Differentiable]
    public static double IndexReadsArrayInLoop(double x)
    {
        double[] b = new double[3];
        b[0] = 1;
        for (var k = 0; k < 3; k++)
        {
            b[(int)b[0]] = x * (k + 2);
            b[0] = k == 0 ? 2 : 1;
        }

        return b[1] * b[2] + b[0];
    }

    [Differentiable]
    public static double ParenthesisedStackallocLength(double x, int n)
    {
        Span<double> a = stackalloc double[(n + 2)];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = x * i;
        }

        return a[a.Length - 1] * x;
    }
}
