using AutogradGen.Optim;
using AutogradGen.Samples.Output;
using AutogradGen.Samples.Plots;
using AutogradGen.Samples.Progress;
using F = AutogradGen.Functional;

namespace AutogradGen.Samples;

/// <summary>
/// Gradient descent end to end: logistic regression fitted with SGD to a seeded synthetic dataset of two classes.
/// The loss printed each epoch falls; the learned boundary points the way of the one that made the labels. The same
/// loss written as a [Differentiable] method is trained beside it from the same start with its generated gradient (no
/// tape): both losses are printed, and drawn on one chart (logistic-regression-loss.png).
/// </summary>
internal static partial class LogisticRegression
{
    private const int Points = 200;
    private const int Epochs = 20;

    [Differentiable(nameof(weight), nameof(bias))]
    internal static Tensor Loss(Tensor features, Tensor weight, Tensor bias, Tensor labels)
        => F.BinaryCrossEntropyWithLogits(features.MatMul(weight) + bias, labels);

    public static void Run(TextWriter output)
    {
        var generator = new RandomGenerator(42);

        // Labels come from a known boundary, 2 x0 - 3 x1 + 0.5 > 0, with a little noise near it.
        var features = Tensor.Randn([Points, 2], generator: generator);
        var trueWeight = Tensor.From([2f, -3f], [2, 1]);
        var noise = Tensor.Randn([Points, 1], generator: generator) * 0.5;
        var labels = (features.MatMul(trueWeight) + 0.5 + noise).Gt(0).Float();

        var weight = Tensor.Zeros([2, 1], requiresGrad: true);
        var bias = Tensor.Zeros([1], requiresGrad: true);
        var optimizer = new SGD([weight, bias], lr: 0.5);

        // The generated gradient's copy of the parameters: plain tensors, updated by hand as SGD does.
        var generatedWeight = Tensor.Zeros([2, 1]);
        var generatedBias = Tensor.Zeros([1]);
        var tapeLosses = new List<double>();
        var generatedLosses = new List<double>();

        output.WriteLine($"{Points} points, 2 features; SGD(lr=0.5) on binary_cross_entropy_with_logits, full batch");
        output.WriteLine("the generated gradient (LossGradient, no tape) trains a copy from the same start; 'loss' is the tape's");
        TrainingProgress.Run("logistic regression", Epochs, step =>
        {
            for (int epoch = 1; epoch <= Epochs; epoch++)
            {
                optimizer.ZeroGrad();
                var logits = features.MatMul(weight) + bias;
                var loss = F.BinaryCrossEntropyWithLogits(logits, labels);
                loss.Backward();
                optimizer.Step();

                var generatedLoss = LossGradient(features, generatedWeight, generatedBias, labels, out var dWeight, out var dBias);
                generatedWeight -= dWeight * 0.5;
                generatedBias -= dBias * 0.5;

                tapeLosses.Add(loss.Item());
                generatedLosses.Add(generatedLoss.Item());
                output.WriteLine($"epoch {epoch,2}  generated {Show.Fixed(generatedLosses[^1])}  loss {Show.Fixed(tapeLosses[^1])}");
                step();
            }
        });
        SampleFiles.LossCurves("logistic-regression-loss", "Logistic regression, SGD(lr=0.5)", "epoch",
            new LossCurve("generated gradient (static)", generatedLosses), new LossCurve("tape (dynamic)", tapeLosses));

        using (Autograd.NoGrad())
        {
            var predictions = (features.MatMul(weight) + bias).Gt(0).Float();
            double accuracy = predictions.Eq(labels).Float().Mean().Item();
            output.WriteLine($"accuracy {Show.Fixed(accuracy)}");
        }
        // The scale of the labelling boundary cannot be learned from noisy labels, only its direction: compare the ratio.
        output.WriteLine($"weight {weight.Detach()}");
        output.WriteLine($"bias {bias.Detach()}");
        var learned = weight.Detach().ToArray();
        output.WriteLine($"w0 / w1 = {Show.Fixed(learned[0] / learned[1])} (the labelling boundary has 2 / -3 = {Show.Fixed(2.0 / -3)})");
    }
}
