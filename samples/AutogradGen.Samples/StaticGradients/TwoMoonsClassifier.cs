using System.Globalization;
using AutogradGen.Samples.Output;
using AutogradGen.Samples.Plots;
using AutogradGen.Samples.Progress;
using F = AutogradGen.Functional;

namespace AutogradGen.Samples.StaticGradients;

/// <summary>
/// A two-layer classifier (2 → 16 tanh → 2, cross entropy) on a generated two-moons dataset, trained twice from the
/// same start with plain gradient descent: once with the generated gradient, once operation by operation on the tape.
/// The losses printed side by side are the same.
/// </summary>
internal static partial class TwoMoonsClassifier
{
    private const int PointsPerMoon = 100;
    private const int Hidden = 16;
    private const int Epochs = 15;
    private const double LearningRate = 0.5;

    [Differentiable(nameof(w1), nameof(b1), nameof(w2), nameof(b2))]
    internal static Tensor Loss(Tensor x, Tensor w1, Tensor b1, Tensor w2, Tensor b2, Tensor labels)
    {
        var hidden = (x.MatMul(w1) + b1).Tanh();
        var logits = hidden.MatMul(w2) + b2;
        return F.CrossEntropy(logits, labels);
    }

    public static void Run(TextWriter output)
    {
        var generator = new RandomGenerator(2024);
        var (x, labels) = TwoMoons(generator);
        Tensor[] start =
        [
            Tensor.Randn([2, Hidden], dtype: DType.Float64, generator: generator) * 0.5,
            Tensor.Zeros([Hidden], dtype: DType.Float64),
            Tensor.Randn([Hidden, 2], dtype: DType.Float64, generator: generator) * 0.5,
            Tensor.Zeros([2], dtype: DType.Float64),
        ];

        // The generated gradient: plain tensors, no requires_grad, nothing recorded.
        var generated = start.Select(p => p.Clone()).ToArray();

        // The tape: leaves that require grad, and the method called through a delegate. A method group is not a call
        // site, so the generated interceptor leaves it alone and the body runs operation by operation on the tape.
        var taped = start.Select(p => p.Clone().RequiresGrad_()).ToArray();
        Func<Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor> onTheTape = Loss;

        output.WriteLine($"{2 * PointsPerMoon} points on two moons; 2 -> {Hidden} tanh -> 2, cross entropy; gradient descent, lr {LearningRate.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine("epoch  generated gradient  tape");
        var generatedLosses = new List<double>();
        var tapeLosses = new List<double>();
        TrainingProgress.Run("two moons", Epochs, advance =>
        {
            for (int epoch = 1; epoch <= Epochs; epoch++)
            {
                var lossGenerated = LossGradient(x, generated[0], generated[1], generated[2], generated[3], labels, out var dw1, out var db1, out var dw2, out var db2);
                Tensor[] gradients = [dw1, db1, dw2, db2];
                for (int i = 0; i < generated.Length; i++) generated[i] -= gradients[i] * LearningRate;

                var lossTaped = onTheTape(x, taped[0], taped[1], taped[2], taped[3], labels);
                lossTaped.Backward();
                using (Autograd.NoGrad())
                {
                    foreach (var parameter in taped)
                    {
                        parameter.Sub_(parameter.Grad! * LearningRate);
                        parameter.Grad = null;
                    }
                }

                generatedLosses.Add(lossGenerated.Item());
                tapeLosses.Add(lossTaped.Item());
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{epoch,5}  {lossGenerated.Item(),18:F6}  {lossTaped.Item():F6}"));
                advance();
            }
        });
        SampleFiles.LossCurves("static-two-moons-loss", $"Two moons, 2-{Hidden}-2 tanh network, gradient descent (lr {LearningRate.ToString(CultureInfo.InvariantCulture)})", "epoch",
            new LossCurve("generated gradient (static)", generatedLosses), new LossCurve("tape (dynamic)", tapeLosses));

        using (Autograd.NoGrad())
        {
            var logits = (x.MatMul(generated[0]) + generated[1]).Tanh().MatMul(generated[2]) + generated[3];
            var accuracy = logits.Max(1).Indices.Eq(labels).Double().Mean().Item();
            output.WriteLine($"training accuracy (generated gradient) {Show.Fixed(accuracy)}");
        }
    }

    /// <summary>Two interleaving half circles with a little noise: class 0 on top, class 1 shifted below.</summary>
    private static (Tensor Points, Tensor Labels) TwoMoons(RandomGenerator generator)
    {
        var points = new double[2 * PointsPerMoon * 2];
        var labels = new long[2 * PointsPerMoon];
        for (int i = 0; i < 2 * PointsPerMoon; i++)
        {
            bool lower = i >= PointsPerMoon;
            double angle = Math.PI * (i % PointsPerMoon) / (PointsPerMoon - 1);
            points[2 * i] = (lower ? 1 - Math.Cos(angle) : Math.Cos(angle)) + (0.1 * generator.NextNormal());
            points[(2 * i) + 1] = (lower ? 0.5 - Math.Sin(angle) : Math.Sin(angle)) + (0.1 * generator.NextNormal());
            labels[i] = lower ? 1 : 0;
        }

        return (Tensor.From(points, [2 * PointsPerMoon, 2]), Tensor.From(labels));
    }
}
