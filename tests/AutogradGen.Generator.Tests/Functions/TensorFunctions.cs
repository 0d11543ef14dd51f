namespace AutogradGen.Generator.Tests.Functions;

/// <summary>[Differentiable] tensor methods: every rule of the table, locals, branches, loops and calls.</summary>
public static partial class TensorFunctions
{
    /// <summary>Seed 003's network: a single linear layer and binary cross entropy with logits.</summary>
    [Differentiable(nameof(w), nameof(b))]
    public static Tensor Loss(Tensor x, Tensor w, Tensor b, Tensor y)
        => Functional.BinaryCrossEntropyWithLogits(x.MatMul(w) + b, y);

    [Differentiable]
    public static Tensor Arithmetic(Tensor a, Tensor b)
    {
        var c = (a * b) + (a / (b * b + 1)) - (2 * a) + (b - 3);
        var d = 1 / (c * c + 1);
        return (-d * c).Sum();
    }

    [Differentiable]
    public static Tensor BroadcastRow(Tensor m, Tensor row, Tensor column)
        => ((m * row) + (m / (column * column + 1)) - row).Sum();

    [Differentiable]
    public static Tensor Unary(Tensor x)
    {
        var p = (x * x + 1).Sqrt().Log() + x.Exp() * 0.1;
        var q = x.Sin() * x.Cos() + x.Tanh() + x.Sigmoid() + x.Abs();
        var r = x.Relu() + x.Softplus(1, 20) + (x * x + 0.5).Pow(1.5) + (x * x + 2).Reciprocal();
        return (p * q + r).Mean();
    }

    [Differentiable]
    public static Tensor Reductions(Tensor m)
    {
        var rows = m.Sum(1, false) * m.Mean(0, true).Sum();
        var extremes = m.Max(1, false).Values + m.Min(0, true).Values.Sum() + m.Max() - m.Min();
        return (rows * rows).Sum() + extremes.Mean(0, false) + m.Mean(1, true).Sum();
    }

    [Differentiable]
    public static Tensor Shapes(Tensor m, Tensor v)
    {
        var t = m.T().MatMul(m) + m.Transpose(0, 1).Reshape([m.Size(1), m.Size(0)]).Sum();
        var flat = t.Reshape([-1]).Unsqueeze(0).Squeeze(0);
        return flat.MatMul(flat) + m.MatMul(v).MatMul(m.MatMul(v.Flatten(0, -1))) + v.MatMul(m.T()).Sum();
    }

    [Differentiable(nameof(logits))]
    public static Tensor Classifier(Tensor logits, Tensor classes, Tensor probabilities)
    {
        var softmax = Functional.Softmax(logits, 1);
        var logSoftmax = Functional.LogSoftmax(logits, -1);
        return Functional.CrossEntropy(logits, classes) + Functional.CrossEntropy(logits * 2, probabilities, reduction: Reduction.Sum)
            + (softmax * logSoftmax).Sum() * 0.5;
    }

    [Differentiable]
    public static Tensor Regression(Tensor prediction, Tensor target)
        => Functional.MseLoss(prediction, target) + Functional.MseLoss(prediction * 3, target, Reduction.Sum)
            + Functional.BinaryCrossEntropyWithLogits(prediction, target.Sigmoid(), reduction: Reduction.Sum);

    [Differentiable(nameof(x))]
    public static Tensor Branches(Tensor x, bool square, double scale)
    {
        Tensor y;
        if (square)
        {
            y = x * x * scale;
        }
        else
        {
            y = x.Exp();
        }

        if (scale > 1)
        {
            y = y + x;
        }

        return y.Sum();
    }

    /// <summary>A fixed-count loop over layers that reassigns the hidden state and uses the loop index.</summary>
    [Differentiable(nameof(h0), nameof(w))]
    public static Tensor Layers(Tensor h0, Tensor w, int layers)
    {
        var h = h0;
        for (int i = 0; i < layers; i++)
        {
            var scale = 1.0 / (i + 1);
            h = (h.MatMul(w) * scale).Tanh() + h;
            for (int j = 0; j < 2; j++)
            {
                h = h * 0.9;
            }
        }

        return (h * h).Sum();
    }

    [Differentiable(nameof(x), nameof(w))]
    public static Tensor Layer(Tensor x, Tensor w, Tensor b) => (x.MatMul(w) + b).Tanh();

    /// <summary>Calls another [Differentiable] tensor method twice; b is not differentiated by the callee's caller.</summary>
    [Differentiable(nameof(w1), nameof(w2))]
    public static Tensor TwoLayers(Tensor x, Tensor w1, Tensor w2, Tensor b)
    {
        var hidden = Layer(x, w1, b);
        return (Layer(hidden, w2, b) * 2).Mean();
    }

    [Differentiable]
    public static Tensor CompoundAndDetach(Tensor x)
    {
        var y = x * 1.5;
        y += x;
        y *= x;
        y -= x.Detach() * x;
        y /= 2;
        var constant = Tensor.Ones([2, 3], dtype: x.DType);
        return (y * constant).Sum();
    }

    [Differentiable]
    public static Tensor Selections(Tensor a, Tensor b)
    {
        var clamped = a.Clamp(-0.5, 0.5) + b.Clamp(null, 0.25);
        var extremes = a.Maximum(b) * 2 + a.Minimum(b * 0.5);
        var chosen = Tensor.Where(a.Gt(b), a * 3, b.Exp());
        return (clamped * extremes + chosen).Sum();
    }
}
