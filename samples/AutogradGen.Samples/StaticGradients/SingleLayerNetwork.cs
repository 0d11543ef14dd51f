using System.Globalization;
using F = AutogradGen.Functional;

namespace AutogradGen.Samples.StaticGradients;

/// <summary>
/// Seed 003's single-layer network (<c>z = x·w + b</c>, binary cross entropy with logits) written once as a
/// [Differentiable] method, trained with its generated gradient: no tape, no autograd node. Then the same method
/// inside a dynamic program: its result is ONE node, <c>LossBackward</c>, whose backward is the generated code.
/// </summary>
internal static partial class SingleLayerNetwork
{
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

        Show.Snippet(output, "training with the generated gradient (LossGradient): no tape");
        for (int step = 1; step <= 10; step++)
        {
            var loss = LossGradient(x, w, b, y, out var dw, out var db);
            w -= dw * learningRate;
            b -= db * learningRate;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step {step,2}  loss {Show.Fixed(loss.Item())}  records a node: {loss.GradFn is not null}"));
        }

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
