namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Issue 10, items 1, 2 and 4: fields, properties and constants read as the original reads them, instance methods
/// of classes, structs and records, and parameters that carry no derivative passed through as they are.
/// </summary>
public static partial class Quadrature
{
    /// <summary>Three-point Gauss–Legendre nodes and weights on [-1, 1]: a lookup table read by index.</summary>
    private static readonly double[] Nodes = [-0.7745966692414834, 0.0, 0.7745966692414834];

    private static readonly double[] Weights = [5.0 / 9.0, 8.0 / 9.0, 5.0 / 9.0];

    private const double Scale = 2.5;

    private static double Offset => 0.5;

    /// <summary>∫ₐᵇ exp(Scale·t) dt by Gauss–Legendre: exact enough to differentiate in a and b.</summary>
    [Differentiable]
    public static double IntegrateExp(double a, double b)
    {
        var half = 0.5 * (b - a);
        var middle = 0.5 * (a + b);
        double sum = 0;
        for (int i = 0; i < Nodes.Length; i++)
        {
            sum += Weights[i] * Math.Exp(Scale * (middle + half * Nodes[i]));
        }

        return half * sum + Offset;
    }
}

/// <summary>A model as a class with weight fields: its [Differentiable] members are instance members.</summary>
public sealed partial class LinearModel(double[] weights, double bias)
{
    private readonly double[] _weights = weights;

    public double Bias { get; } = bias;

    [Differentiable]
    public double Score(double x, double y) => _weights[0] * x + _weights[1] * y + Bias;

    /// <summary>Calls another instance member on this.</summary>
    [Differentiable]
    public double Loss(double x, double y)
    {
        var s = Score(x, y);
        return s * s + this.Score(y, x);
    }

    /// <summary>A static method calling an instance member on a parameter that is passed through.</summary>
    [Differentiable]
    public static double Evaluate(LinearModel model, double x) => model.Score(x, x * x) * x;
}

/// <summary>An instance member of a struct reads its fields.</summary>
public partial struct Spring
{
    public double Stiffness;

    [Differentiable]
    public readonly double Energy(double x) => 0.5 * Stiffness * x * x;
}

/// <summary>An instance member of a record reads its positional property.</summary>
public sealed partial record ScaledSine(double Factor)
{
    [Differentiable]
    public double Apply(double x) => Factor * Math.Sin(x);
}

public enum Penalty
{
    None,
    Square,
    Absolute,
}

/// <summary>Parameters of every type that carries no derivative, read in the body.</summary>
public static partial class PassThrough
{
    // A jagged array left out of the differentiation list is read as the original reads it (JaggedFunctions differentiate one).
    [Differentiable(nameof(x))]
    public static double Jagged(double[][] data, int row, double x)
    {
        double s = 0;
        for (int j = 0; j < data[row].Length; j++)
        {
            s += data[row][j] * x * x;
        }

        return s;
    }

    // A 2-D array left out of the differentiation list is read as the original reads it (Matrices differentiate one).
    [Differentiable(nameof(x))]
    public static double Table(double[,] table, double x)
    {
        double s = 0;
        for (int i = 0; i < table.GetLength(0); i++)
        {
            for (int j = 0; j < table.GetLength(1); j++)
            {
                s += table[i, j] * Math.Pow(x, i + j);
            }
        }

        return s;
    }

    [Differentiable]
    public static double Lists(List<double> list, IReadOnlyList<double> coefficients, double x)
    {
        double s = 0;
        for (int i = 0; i < list.Count; i++)
        {
            s += list[i] * coefficients[i % coefficients.Count] * Math.Sin(x * i);
        }

        return s;
    }

    [Differentiable]
    public static double Mixed(long steps, Penalty penalty, string label, double? scale, bool flip, double x)
    {
        double s = scale ?? 1.0;
        double y = x;
        for (int k = 0; k < steps; k++)
        {
            y = y * 0.5 + Math.Cos(y);
        }

        if (penalty == Penalty.Square)
        {
            y = y * y;
        }
        else if (penalty == Penalty.Absolute)
        {
            y = Math.Abs(y);
        }

        if (flip)
        {
            y = -y;
        }

        return s * y + label.Length;
    }

    /// <summary>Calls a [Differentiable] method with pass-through arguments.</summary>
    [Differentiable(nameof(x))]
    public static double Caller(double[][] data, Penalty penalty, double x) =>
        Jagged(data, 1, x) + Mixed(data.Length, penalty, "ab", null, false, x);
}
