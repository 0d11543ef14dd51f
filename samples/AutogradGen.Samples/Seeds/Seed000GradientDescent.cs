using AutogradGen.Samples.Output;

namespace AutogradGen.Samples.Seeds;

/// <summary>
/// Seed 000 (경사하강, computing gradients): a graph from a random x, backward on a non-scalar output with and
/// without the vector v, three ways to stop tracking, and gradients accumulating across backward calls.
/// </summary>
internal static class Seed000GradientDescent
{
    public static void Run(TextWriter output)
    {
        // The seed drew x with torch.randn; a seeded generator makes the run repeatable (torch.manual_seed(0) gives the same x).
        var generator = new RandomGenerator(0);

        Show.Snippet(output, "In [2]: x = randn(3, requires_grad=True); y = x + 2; z = y * y * 2");
        var x = Tensor.Randn([3], requiresGrad: true, generator: generator);
        output.WriteLine(x);
        var y = x + 2;
        output.WriteLine(y);
        var z = y * y * 2;
        output.WriteLine(z);
        SampleFiles.Graph("seed000-graph", z, new Dictionary<string, Tensor> { ["x"] = x });

        Show.Snippet(output, "In [3]: z.backward() on a 3-element z needs a vector");
        try
        {
            z.Backward();
            output.WriteLine(x.Grad);
        }
        catch (AutogradException error)
        {
            Show.Error(output, error);
        }

        Show.Snippet(output, "In [4]: z.backward(v) computes the vector-Jacobian product");
        var v = Tensor.From([0.1f, 1.0f, 0.01f]);
        z.Backward(v);
        output.WriteLine(x.Grad);
        // dz/dx = 4 (x + 2), so the vector-Jacobian product is 4 (x + 2) · v element by element.
        var expected = 4 * (x.Detach() + 2) * v;
        output.WriteLine($"x.grad equals 4(x+2)·v = {expected}: {Show.AllClose(x.Grad, expected)}");

        Show.Snippet(output, "In [5]: requires_grad_(False), detach() and no_grad() stop tracking");
        x.RequiresGrad_(false);
        output.WriteLine(x);
        var detached = x.Detach();
        output.WriteLine(detached.RequiresGrad);
        using (Autograd.NoGrad())
        {
            output.WriteLine((x * 2).RequiresGrad);
        }

        Show.Snippet(output, "In [ ]: weights * 3 is not a scalar, so backward() alone fails inside the loop");
        var weights = Tensor.Ones([4], requiresGrad: true);
        try
        {
            for (int epoch = 0; epoch < 3; epoch++)
            {
                var modelOutput = weights * 3;
                modelOutput.Backward();
                output.WriteLine(weights.Grad);
            }
        }
        catch (AutogradException error)
        {
            Show.Error(output, error);
        }

        Show.Snippet(output, "the intended loop sums the output first; the gradients add up across epochs (3, 6, 9)");
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var modelOutput = (weights * 3).Sum();
            modelOutput.Backward();
            output.WriteLine(weights.Grad);
        }
    }
}
