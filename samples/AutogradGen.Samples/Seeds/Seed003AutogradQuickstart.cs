using AutogradGen.Samples.Output;
using F = AutogradGen.Functional;

namespace AutogradGen.Samples.Seeds;

/// <summary>
/// Seed 003 (the PyTorch quickstart's torch.autograd page): a one-layer network with a binary cross entropy loss,
/// the gradients of its weights, and two ways to stop tracking.
/// </summary>
internal static class Seed003AutogradQuickstart
{
    public static void Run(TextWriter output)
    {
        var generator = new RandomGenerator(3);

        Show.Snippet(output, "In [1]: z = matmul(x, w) + b; loss = binary_cross_entropy_with_logits(z, y)");
        var x = Tensor.Ones([5]);
        var y = Tensor.Zeros([3]);
        var w = Tensor.Randn([5, 3], requiresGrad: true, generator: generator);
        var b = Tensor.Randn([3], requiresGrad: true, generator: generator);
        var z = x.MatMul(w) + b;
        var loss = F.BinaryCrossEntropyWithLogits(z, y);
        SampleFiles.Graph("seed003-graph", loss, new Dictionary<string, Tensor> { ["w"] = w, ["b"] = b });

        Show.Snippet(output, "In [2]: the gradient functions");
        output.WriteLine($"Gradient function for z = {z.GradFn}");
        output.WriteLine($"Gradient function for loss = {loss.GradFn}");

        Show.Snippet(output, "In [3]: loss.backward()");
        loss.Backward();
        output.WriteLine(w.Grad);
        output.WriteLine(b.Grad);
        // With x all ones and y all zeros, dloss/dz = sigmoid(z) / 3 and every row of w.grad equals it, as does b.grad.
        var expected = z.Detach().Sigmoid() / 3;
        output.WriteLine($"every row of w.grad equals sigmoid(z)/3 = {expected}: {Show.AllClose(w.Grad, expected.Expand([5, 3]))}");
        output.WriteLine($"b.grad equals sigmoid(z)/3: {Show.AllClose(b.Grad, expected)}");

        Show.Snippet(output, "In [4]: torch.no_grad()");
        z = x.MatMul(w) + b;
        output.WriteLine(z.RequiresGrad);
        using (Autograd.NoGrad())
        {
            z = x.MatMul(w) + b;
        }
        output.WriteLine(z.RequiresGrad);

        Show.Snippet(output, "In [5]: detach()");
        z = x.MatMul(w) + b;
        var zDet = z.Detach();
        output.WriteLine(zDet.RequiresGrad);
    }
}
