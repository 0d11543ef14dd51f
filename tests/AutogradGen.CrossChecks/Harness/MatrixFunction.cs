namespace AutogradGen.CrossChecks.Harness;

/// <summary>
/// A <see cref="CorpusFunction"/> for a method with 2-D array parameters (<c>double[,]</c>, whose gradients and
/// tangents are 2-D arrays of the same shape): reflection cannot build them, so each corpus entry maps the flat
/// point (each array's elements row after row, then the other coordinates) to its arguments. The tape twin takes
/// a 2-d tensor per 2-D array; <c>tape</c> returns its leaves in the point's order and its result.
/// </summary>
public static class MatrixFunction
{
    public static CorpusFunction Create(string name, int dimension, (double Min, double Max) domain,
        Func<double[], double> value, Func<double[], (double Value, double[] Gradient)> gradient,
        Func<double[], (Tensor[] Leaves, Tensor Result)> tape, Func<double[], double[], (double Value, double Derivative)> directional, bool isFloat = false) =>
        new(name, isFloat, dimension, value, gradient, point => Tape(tape, point), directional, domain, []);

    /// <summary>The <paramref name="rows"/>×<paramref name="columns"/> array of the point's coordinates from <paramref name="start"/>.</summary>
    public static double[,] Mat(double[] point, int start, int rows, int columns)
    {
        var matrix = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                matrix[i, j] = point[start + i * columns + j];
            }
        }

        return matrix;
    }

    /// <summary>The float array of the point's coordinates from <paramref name="start"/>.</summary>
    public static float[,] MatF(double[] point, int start, int rows, int columns)
    {
        var matrix = new float[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                matrix[i, j] = (float)point[start + i * columns + j];
            }
        }

        return matrix;
    }

    /// <summary>The jagged array of the point's coordinates from <paramref name="start"/>, rows of the given lengths.</summary>
    public static double[][] Jag(double[] point, int start, params int[] lengths)
    {
        var rows = new double[lengths.Length][];
        for (var i = 0; i < lengths.Length; i++)
        {
            rows[i] = point[start..(start + lengths[i])];
            start += lengths[i];
        }

        return rows;
    }

    /// <summary>The float jagged array of the point's coordinates from <paramref name="start"/>.</summary>
    public static float[][] JagF(double[] point, int start, params int[] lengths) =>
        [.. Jag(point, start, lengths).Select(r => r.Select(x => (float)x).ToArray())];

    /// <summary>A zero jagged array of the given row lengths (a gradient to add to).</summary>
    public static double[][] JagZeros(params int[] lengths) => [.. lengths.Select(n => new double[n])];

    /// <summary>One leaf tensor per row, the twin's parameter for a jagged array.</summary>
    public static Tensor[] Rows(double[][] rows) => [.. rows.Select(r => Tensor.From(r, requiresGrad: true))];

    public static Tensor[] Rows(float[][] rows) => [.. rows.Select(r => Tensor.From(r, requiresGrad: true))];

    /// <summary>The coordinates <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/>.</summary>
    public static double[] Vec(double[] point, int start, int length) => point[start..(start + length)];

    public static float[] VecF(double[] point, int start, int length) => point[start..(start + length)].Select(x => (float)x).ToArray();

    /// <summary>The arrays' elements and the scalars, back into one flat vector in the point's order.</summary>
    public static double[] Elements(params object[] parts) => [.. parts.SelectMany(part => part switch
    {
        double[,] m => m.Cast<double>(),
        float[,] m => m.Cast<float>().Select(x => (double)x),
        double[][] rows => rows.SelectMany(r => r),
        float[][] rows => rows.SelectMany(r => r).Select(x => (double)x),
        double[] v => v,
        float[] v => v.Select(x => (double)x),
        double d => [d],
        float f => [(double)f],
        _ => throw new ArgumentException("not a part of a point: " + part),
    })];

    private static (double, double[]) Tape(Func<double[], (Tensor[] Leaves, Tensor Result)> tape, double[] point)
    {
        var (leaves, result) = tape(point);
        result.Backward();
        return (result.Item(), [.. leaves.SelectMany(l => l.Grad?.ToArray() ?? new double[l.Numel])]);
    }
}
