namespace AutogradGen.CrossChecks.Corpus;

public enum LossKind
{
    Squared,
    Huber,
    LogCosh,
}

/// <summary>A small network as ML code writes it: weights in jagged arrays held by readonly fields of a sealed class.</summary>
public sealed partial class TinyMlp
{
    private readonly double[][] _hidden;
    private readonly double[] _output;
    private readonly double _bias;

    public TinyMlp(double[][] hidden, double[] output, double bias)
    {
        _hidden = hidden;
        _output = output;
        _bias = bias;
    }

    public static TinyMlp Example { get; } = new(
        new[] { new[] { 0.5, -0.25 }, new[] { 1.0, 0.75 }, new[] { -0.6, 0.3 } },
        new[] { 0.8, -1.1, 0.45 },
        0.1);

    /// <summary>One hidden tanh layer over two inputs.</summary>
    [Differentiable, Domain(-1.5, 1.5)]
    public double Score(double x0, double x1)
    {
        double score = _bias;
        for (int j = 0; j < _hidden.Length; j++)
        {
            double[] row = _hidden[j];
            double activation = Math.Tanh(row[0] * x0 + row[1] * x1);
            score += _output[j] * activation;
        }

        return score;
    }

    /// <summary>A logistic loss of the score with a label, calling the instance member.</summary>
    [Differentiable(nameof(x0), nameof(x1)), Domain(-1.5, 1.5), With(1)]
    public double LogLoss(double x0, double x1, int label)
    {
        double p = 1.0 / (1.0 + Math.Exp(-Score(x0, x1)));
        return label == 1 ? -Math.Log(p) : -Math.Log(1 - p);
    }
}

/// <summary>User-style corpus, machine learning: losses, LINQ, lists, params arrays, enums and record-struct settings.</summary>
public static partial class UserLearning
{
    public static readonly List<double> Targets = new() { 0.5, -0.25, 1.0 };

    public static IReadOnlyList<double> Features { get; } = new[] { 1.0, 2.0, -0.5 };

    public static readonly double[] Coefficients = { 0.3, -0.7, 1.2 };

    /// <summary>A loss chosen by a switch statement on an enum, each case returning.</summary>
    [Differentiable(nameof(prediction), nameof(target)), Domain(-2, 2), With(LossKind.Huber)]
    public static double Loss(double prediction, double target, LossKind kind)
    {
        double r = prediction - target;
        switch (kind)
        {
            case LossKind.Squared:
                return 0.5 * r * r;
            case LossKind.Huber:
                const double Delta = 1.0;
                if (Math.Abs(r) <= Delta)
                {
                    return 0.5 * r * r;
                }

                return Delta * (Math.Abs(r) - 0.5 * Delta);
            case LossKind.LogCosh:
                return Math.Log(Math.Cosh(r));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>The same choice as a switch expression.</summary>
    [Differentiable(nameof(r)), Domain(-2, 2), With(LossKind.LogCosh)]
    public static double Penalty(double r, LossKind kind) => kind switch
    {
        LossKind.Squared => r * r,
        LossKind.Huber => Math.Abs(r) < 1 ? 0.5 * r * r : Math.Abs(r) - 0.5,
        _ => Math.Log(Math.Cosh(r)),
    };

    /// <summary>A linear model's squared error over List and IReadOnlyList data, the weights differentiated.</summary>
    [Differentiable(nameof(w), nameof(b)), Domain(-1, 1), With("Features", "Targets")]
    public static double ListRegression(IReadOnlyList<double> features, List<double> targets, double w, double b)
    {
        double loss = 0;
        for (int i = 0; i < features.Count; i++)
        {
            double residual = w * features[i] + b - targets[i];
            loss += residual * residual;
        }

        return loss / features.Count;
    }

    /// <summary>A Select(...).Sum() over a pass-through table with a static lambda, scaled by the differentiated value.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double TableEnergy(double scale)
    {
        double norm = Coefficients.Select(static c => c * c).Sum();
        return scale * scale * norm + Math.Sin(scale);
    }

    /// <summary>Ridge penalty over a params array.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double Ridge(double lambda, params double[] weights) => lambda * weights.Sum(w => w * w);

    /// <summary>A dot product with LINQ's Zip, then a Sum.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double ZipDot(double[] x) => x.Zip(Coefficients, (a, c) => a * c).Sum() + x.Select(v => v * v).Average();

    /// <summary>Elastic-net style regulariser over an array with foreach and a guard on its length.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double ElasticNet(double[] w, double l1 = 0.1, double l2 = 0.5)
    {
        if (w.Length == 0)
            throw new ArgumentException("need at least one weight", nameof(w));
        double penalty = 0;
        foreach (double wi in w)
        {
            penalty += l1 * Math.Sqrt(wi * wi + 1e-6) + l2 * wi * wi;
        }

        return penalty;
    }

    /// <summary>Calls a default-parameter helper with and without its optional argument.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double Smoothed(double x) => Softclip(x) + Softclip(x, limit: 0.5);

    [Differentiable(nameof(x)), Domain(-1, 1), With(2.0)]
    public static double Softclip(double x, double limit = 2.0) => limit * Math.Tanh(x / limit);

    /// <summary>A record of hyper-parameters passed through (its fields read), the logits differentiated.</summary>
    [Differentiable(nameof(logit)), Domain(-3, 3), With("Settings")]
    public static double FocalLoss(FocalSettings settings, double logit)
    {
        double p = 1 / (1 + Math.Exp(-logit));
        return -settings.Alpha * Math.Pow(1 - p, settings.Gamma) * Math.Log(p);
    }

    public static FocalSettings Settings { get; } = new(0.25, 2.0);

    /// <summary>Early stopping in a gradient-descent inner loop: the trained value is differentiated w.r.t. the start.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double TrainedValue(double start, double rate)
    {
        double x = start;
        for (int it = 0; it < 20; it++)
        {
            double grad = 2 * (x - 1) + 0.1 * Math.Sin(x);
            if (Math.Abs(grad) < 1e-3)
                break;
            x -= 0.1 * (1 + 0.1 * rate) * grad;
        }

        return x * x;
    }
}

/// <summary>Focal-loss settings, a positional record (a class: data passed through).</summary>
public sealed record FocalSettings(double Alpha, double Gamma);
