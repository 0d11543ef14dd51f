using System.Numerics;

namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// Functions over 2-D arrays (<c>double[,]</c>, <c>float[,]</c>, <c>T[,]</c>), differentiated with gradients of
/// the same shape. Checked through explicit adapters (CorpusRegistry.Matrices.cs); their twins take 2-d tensors.
/// </summary>
public static partial class Matrices
{
    /// <summary>xᵀ A x.</summary>
    [Differentiable]
    public static double QuadraticForm(double[,] a, ReadOnlySpan<double> x)
    {
        var s = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                s += x[i] * a[i, j] * x[j];
            }
        }

        return s;
    }

    /// <summary>xᵀ A y for a rectangular A.</summary>
    [Differentiable]
    public static double BilinearForm(ReadOnlySpan<double> x, double[,] a, ReadOnlySpan<double> y)
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var row = 0.0;
            for (var j = 0; j < y.Length; j++)
            {
                row += a[i, j] * y[j];
            }

            s += x[i] * row;
        }

        return s;
    }

    /// <summary>‖A x − b‖², the least-squares residual, through a local array of the product.</summary>
    [Differentiable]
    public static double LeastSquares(double[,] a, ReadOnlySpan<double> x, ReadOnlySpan<double> b)
    {
        var rows = a.GetLength(0);
        var product = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                product[i] += a[i, j] * x[j];
            }
        }

        var s = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var r = product[i] - b[i];
            s += r * r;
        }

        return s;
    }

    /// <summary>tr(A B) for square A and B: Σ a[i, j] b[j, i].</summary>
    [Differentiable]
    public static double TraceOfProduct(double[,] a, double[,] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                s += a[i, j] * b[j, i];
            }
        }

        return s;
    }

    /// <summary>The Dirichlet energy of a grid with a double-well potential: neighbours differ, each value prefers ±1.</summary>
    [Differentiable]
    public static double GridEnergy(double[,] u, double coupling)
    {
        var rows = u.GetLength(0);
        var columns = u.GetLength(1);
        var e = 0.0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                if (i + 1 < rows)
                {
                    var d = u[i + 1, j] - u[i, j];
                    e += coupling * d * d;
                }

                if (j + 1 < columns)
                {
                    var d = u[i, j + 1] - u[i, j];
                    e += coupling * d * d;
                }

                var w = u[i, j] * u[i, j] - 1.0;
                e += 0.25 * w * w;
            }
        }

        return e;
    }

    /// <summary>A small network: tanh(W₁ x) then W₂ · hidden, squared error against a target.</summary>
    [Differentiable]
    public static double TwoLayerNetwork(double[,] w1, double[,] w2, ReadOnlySpan<double> x, double target)
    {
        var hiddenCount = w1.GetLength(0);
        var hidden = new double[hiddenCount];
        for (var h = 0; h < hiddenCount; h++)
        {
            var z = 0.0;
            for (var k = 0; k < x.Length; k++)
            {
                z += w1[h, k] * x[k];
            }

            hidden[h] = Math.Tanh(z);
        }

        var output = 0.0;
        for (var h = 0; h < hiddenCount; h++)
        {
            output += w2[0, h] * hidden[h];
        }

        var error = output - target;
        return 0.5 * error * error;
    }

    /// <summary>Softmax cross-entropy of the logits W x for one class (the max subtracted first).</summary>
    [Differentiable(nameof(w))]
    public static double SoftmaxCrossEntropy(double[,] w, ReadOnlySpan<double> x, int label)
    {
        var classes = w.GetLength(0);
        var logits = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            for (var k = 0; k < x.Length; k++)
            {
                logits[c] += w[c, k] * x[k];
            }
        }

        var max = logits[0];
        for (var c = 1; c < classes; c++)
        {
            max = Math.Max(max, logits[c]);
        }

        var sum = 0.0;
        for (var c = 0; c < classes; c++)
        {
            sum += Math.Exp(logits[c] - max);
        }

        return Math.Log(sum) + max - logits[label];
    }

    /// <summary>λ Σ w² + Σ log(1 + w²), walked by one flat index over Length (k / columns, k % columns).</summary>
    [Differentiable]
    public static double FlatPenalty(double[,] w, double lambda)
    {
        var columns = w.GetLength(1);
        var s = 0.0;
        for (var k = 0; k < w.Length; k++)
        {
            var v = w[k / columns, k % columns];
            s += lambda * v * v + Math.Log(1.0 + v * v);
        }

        return s;
    }

    /// <summary>Σ_ij exp(−(a[i, j] − i·j/4)²) · sin(a[i, j]): non-linear in every element.</summary>
    [Differentiable]
    public static double GaussianBumps(double[,] a)
    {
        var s = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                var d = a[i, j] - i * j / 4.0;
                s += Math.Exp(-d * d) * Math.Sin(a[i, j]);
            }
        }

        return s;
    }

    /// <summary>xᵀ A x in float.</summary>
    [Differentiable]
    public static float QuadraticFormFloat(float[,] a, ReadOnlySpan<float> x)
    {
        var s = 0f;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                s += x[i] * a[i, j] * x[j];
            }
        }

        return s;
    }

    /// <summary>The grid's squared Frobenius norm of its differences along rows, generic over the number type.</summary>
    [Differentiable]
    public static T RowRoughness<T>(T[,] u, T scale) where T : IFloatingPointIeee754<T>
    {
        var s = T.Zero;
        for (var i = 0; i < u.GetLength(0); i++)
        {
            for (var j = 1; j < u.GetLength(1); j++)
            {
                var d = u[i, j] - u[i, j - 1];
                s += scale * d * d + T.Sin(u[i, j]);
            }
        }

        return s;
    }

    /// <summary>Calls between [Differentiable] methods with a 2-D array's elements as scalars: Σ softplus(a[i, j]) · row weight.</summary>
    [Differentiable]
    public static double WeightedSoftplus(double[,] a, ReadOnlySpan<double> rowWeights)
    {
        var s = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                s += rowWeights[i] * Softplus(a[i, j]);
            }
        }

        return s;
    }

    [Differentiable]
    public static double Softplus(double z) => Math.Log(1.0 + Math.Exp(z));

    /// <summary>The 2-D array handed whole to callees that differentiate it: a penalty plus an energy of the same grid.</summary>
    [Differentiable]
    public static double PenalisedEnergy(double[,] u, double lambda) => GridEnergy(u, 0.5) + FlatPenalty(u, lambda) * lambda;
}
