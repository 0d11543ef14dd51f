using AutogradGen.Nn;
using AutogradGen.Optim;
using AutogradGen.Samples.Output;
using AutogradGen.Samples.Plots;
using AutogradGen.Samples.Progress;
using F = AutogradGen.Functional;

namespace AutogradGen.Samples.Models;

/// <summary>
/// An image classifier trained end to end on the tape, written as a PyTorch user would write it: an
/// <see cref="Nn.Module"/> (Linear, LayerNorm, GELU, Dropout), shuffled mini-batches, cross entropy, AdamW with two
/// parameter groups (no weight decay on biases and norms), a one-cycle learning-rate schedule stepped per batch,
/// gradient clipping, train/eval modes, and the trained weights saved to a state-dict file and loaded into a new model
/// that must give the same logits. The per-batch training loss and the per-epoch test loss are drawn on one chart
/// (glyph-classifier-loss.png); the progress bar runs over the batches.
/// </summary>
internal static class GlyphClassifier
{
    private const int TrainImages = 5000;
    private const int TestImages = 500;
    private const int BatchSize = 50;
    private const int Epochs = 6;
    private const double MaxLearningRate = 0.01;

    /// <summary>144 pixels → 64 hidden features (normalised, GELU, dropout) → 5 class scores.</summary>
    private sealed class Network : Module
    {
        private readonly Sequential _layers;

        public Network(RandomGenerator generator)
        {
            _layers = RegisterModule("layers", new Sequential(
                new Linear(GlyphImages.Pixels, 64, generator: generator),
                new LayerNorm([64]),
                new GELU(),
                new Dropout(0.25, generator),
                new Linear(64, GlyphImages.ClassNames.Length, generator: generator)));
        }

        public override Tensor Forward(Tensor input) => _layers.Forward(input);
    }

    public static void Run(TextWriter output)
    {
        var generator = new RandomGenerator(7);
        var (trainImages, trainLabels) = GlyphImages.Make(TrainImages, generator);
        var (testImages, testLabels) = GlyphImages.Make(TestImages, generator);
        var model = new Network(generator);

        // Decay the weight matrices only, as is usual for AdamW: biases and LayerNorm's affine parameters get none.
        var named = model.NamedParameters().ToList();
        var weightMatrices = named.ToLookup(static p => p.Key.EndsWith(".weight", StringComparison.Ordinal) && p.Value.Rank == 2, static p => p.Value);
        var optimizer = new AdamW([new ParameterGroup(weightMatrices[true], weightDecay: 0.01), new ParameterGroup(weightMatrices[false], weightDecay: 0)], lr: MaxLearningRate);
        int batchesPerEpoch = TrainImages / BatchSize;
        var schedule = new OneCycleLR(optimizer, MaxLearningRate, totalSteps: Epochs * batchesPerEpoch);

        output.WriteLine($"{TrainImages} training and {TestImages} test images of {GlyphImages.Side}x{GlyphImages.Side} pixels, {GlyphImages.ClassNames.Length} glyphs: {string.Join(", ", GlyphImages.ClassNames)}");
        output.WriteLine($"model: {string.Join(", ", named.Select(static p => $"{p.Key} [{string.Join('x', p.Value.Shape.ToArray())}]"))}");
        output.WriteLine($"AdamW (weight decay 0.01 on the 2 weight matrices, 0 on the other {named.Count - 2} parameters), OneCycleLR to {MaxLearningRate}, batches of {BatchSize}, gradients clipped to norm 1");

        var batchLosses = new List<double>();
        var testLosses = new List<double>();
        var order = new long[TrainImages];
        TrainingProgress.Run("glyph classifier", Epochs * batchesPerEpoch, step =>
        {
            for (int epoch = 1; epoch <= Epochs; epoch++)
            {
                model.Train();
                Shuffle(order, generator);
                double epochLoss = 0;
                for (int batch = 0; batch < batchesPerEpoch; batch++)
                {
                    var indices = Tensor.From(order[(batch * BatchSize)..((batch + 1) * BatchSize)]);
                    var loss = F.CrossEntropy(model.Forward(trainImages.IndexSelect(0, indices)), trainLabels.IndexSelect(0, indices));
                    optimizer.ZeroGrad();
                    loss.Backward();
                    GradClipping.ClipGradNorm(model.Parameters(), maxNorm: 1.0);
                    optimizer.Step();
                    schedule.Step();

                    batchLosses.Add(loss.Item());
                    epochLoss += batchLosses[^1] / batchesPerEpoch;
                    step();
                }

                var (testLoss, accuracy) = Evaluate(model, testImages, testLabels);
                testLosses.Add(testLoss);
                output.WriteLine($"epoch {epoch}  train loss {Show.Fixed(epochLoss)}  test loss {Show.Fixed(testLoss)}  test accuracy {Show.Fixed(accuracy)}");
            }
        });

        // The test loss is drawn at the last batch of each epoch, on the same axis as the batches.
        var epochEnds = Enumerable.Range(1, Epochs).Select(epoch => (double)(epoch * batchesPerEpoch)).ToList();
        SampleFiles.LossCurves("glyph-classifier-loss", "Glyph classifier: AdamW + OneCycleLR, cross entropy", "batch",
            new LossCurve("training batch", batchLosses), new LossCurve("test set (after each epoch)", testLosses, epochEnds));

        ReloadAndCompare(model, testImages, output);
    }

    private static (double Loss, double Accuracy) Evaluate(Module model, Tensor images, Tensor labels)
    {
        model.Eval();
        using (Autograd.NoGrad())
        {
            var logits = model.Forward(images);
            double loss = F.CrossEntropy(logits, labels).Item();
            double accuracy = logits.ArgMax(1).Eq(labels).Float().Mean().Item();
            return (loss, accuracy);
        }
    }

    // Saving writes the AGDSTATE file format; a new model loaded from it must compute exactly the same logits.
    private static void ReloadAndCompare(Network model, Tensor testImages, TextWriter output)
    {
        string path = Path.Combine(Path.GetTempPath(), $"autogradgen-glyph-classifier-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.agdstate");
        try
        {
            model.Save(path);
            var reloaded = new Network(new RandomGenerator(12345));
            reloaded.Load(path);
            model.Eval();
            reloaded.Eval();
            using (Autograd.NoGrad())
            {
                bool same = model.Forward(testImages).Eq(reloaded.Forward(testImages)).All().Item() != 0;
                output.WriteLine($"saved {model.StateDict().Count} tensors to a state-dict file and loaded them into a new model: same test logits: {same}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Shuffle(long[] order, RandomGenerator generator)
    {
        for (int i = 0; i < order.Length; i++) order[i] = i;
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = (int)(generator.NextUInt32() % (uint)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
