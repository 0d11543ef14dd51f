using AutogradGen.Samples.Output;

namespace AutogradGen.Samples.Seeds;

/// <summary>Seed 002 ([Pytorch] - Autograd): out = 3(x + 1)² averaged, its gradient 3, and backward with an integer vector.</summary>
internal static class Seed002Autograd
{
    public static void Run(TextWriter output)
    {
        var generator = new RandomGenerator(2);

        Show.Snippet(output, "x = torch.ones(2, 2, requires_grad=True); y = x + 1; z = 3 * y**2; out = z.mean()");
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        output.WriteLine(x);
        var y = x + 1;
        output.WriteLine(y);
        var z = 3 * y.Pow(2);
        output.WriteLine(z);
        var @out = z.Mean();
        SampleFiles.Graph("seed002-graph", @out, new Dictionary<string, Tensor> { ["x"] = x });
        output.WriteLine(@out);

        Show.Snippet(output, "out.backward(); d(out)/dx = 6(x + 1) / 4 = 3");
        @out.Backward();
        output.WriteLine(x.Grad);

        Show.Snippet(output, "Multiple input: y = x * 2; y.backward(torch.tensor([1, 2, 3]))");
        x = Tensor.Randn([3], requiresGrad: true, generator: generator);
        y = x * 2;
        var inputs = Tensor.From([1, 2, 3]);
        y.Backward(inputs);
        output.WriteLine(x.Grad);
    }
}
