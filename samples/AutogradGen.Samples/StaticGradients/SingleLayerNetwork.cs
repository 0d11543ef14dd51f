using System.Globalization;
using AutogradGen.Samples.Output;
using AutogradGen.Samples.Plots;
using AutogradGen.Samples.Progress;
using F = AutogradGen.Functional;

namespace AutogradGen.Samples.StaticGradients;

/// <summary>
/// Seed 003's single-layer network (<c>z = x·w + b</c>, binary cross entropy with logits) written once as a
/// [Differentiable] method, trained with its generated gradient: no tape, no autograd node. Then the same method
/// inside a dynamic program: its result is ONE node, <c>LossBackward</c>, whose backward is the generated code.
/// </summary>
internal static partial class SingleLayerNetwork
{
    private const int Steps = 10;

    [Differentiable(nameof(w), nameof(b))]
    internal static Tensor Loss(Tensor x, Tensor w, Tensor b, Tensor y)
        => F.BinaryCrossEntropyWithLogits(x.MatMul(w) + b, y);

    public static void Run(TextWriter output)
    {
        var generator = new RandomGenerator(3);
        var x = Tensor.Ones([5]);                         // input tensor
        var y = Tensor.Zeros([3]);                        // expected output
        var w = Tensor.Randn([5, 3], generator: generator);
        var b = Tensor.Randn([3], generator: generator);
        const double learningRate = 0.1;

        // The tape trains a copy from the same start, operation by operation: the method called through a delegate
        // (a method group is not a call site, so the generated interceptor leaves it alone).
        var tapeW = w.Clone().RequiresGrad_();
        var tapeB = b.Clone().RequiresGrad_();
        Func<Tensor, Tensor, Tensor, Tensor, Tensor> onTheTape = Loss;
        var generatedLosses = new List<double>();
        var tapeLosses = new List<double>();

        Show.Snippet(output, "training with the generated gradient (LossGradient): no tape; beside it the tape, from the same start");
        TrainingProgress.Run("seed 003's network", Steps, advance =>
        {
            for (int step = 1; step <= Steps; step++)
            {
                var loss = LossGradient(x, w, b, y, out var dw, out var db);
                w -= dw * learningRate;
                b -= db * learningRate;

                var tapeLoss = onTheTape(x, tapeW, tapeB, y);
                tapeLoss.Backward();
                using (Autograd.NoGrad())
                {
                    tapeW.Sub_(tapeW.Grad! * learningRate);
                    tapeB.Sub_(tapeB.Grad! * learningRate);
                }
                tapeW.Grad = null;
                tapeB.Grad = null;

                generatedLosses.Add(loss.Item());
                tapeLosses.Add(tapeLoss.Item());
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step {step,2}  loss {Show.Fixed(loss.Item())}  tape {Show.Fixed(tapeLoss.Item())}  records a node: {loss.GradFn is not null}"));
                advance();
            }
        });
        SampleFiles.LossCurves("static-seed003-loss", "Seed 003's network, gradient descent (lr 0.1)", "step",
            new LossCurve("generated gradient (static)", generatedLosses), new LossCurve("tape (dynamic)", tapeLosses));

        Show.Snippet(output, "the same method in a dynamic program: one node whose backward is the generated code");
        w.RequiresGrad = true;
        b.RequiresGrad = true;
        var recorded = Loss(x, w, b, y);                   // redirected to LossRecorded by the generated interceptor
        output.WriteLine($"Gradient function for loss = {recorded.GradFn}");
        (recorded * 2).Backward();
        LossGradient(x, w.Detach(), b.Detach(), y, out var expectedW, out var expectedB);
        output.WriteLine($"w.Grad equals 2 × the generated gradient: {Show.AllClose(w.Grad, expectedW * 2)}");
        output.WriteLine($"b.Grad equals 2 × the generated gradient: {Show.AllClose(b.Grad, expectedB * 2)}");
    }
}
