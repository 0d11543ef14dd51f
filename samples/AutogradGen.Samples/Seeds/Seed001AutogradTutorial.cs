using AutogradGen.Samples.Output;

namespace AutogradGen.Samples.Seeds;

/// <summary>
/// Seed 001 (AUTOGRAD: 자동 미분, the PyTorch 60-minute blitz): grad_fn, requires_grad_, backward of a mean, a
/// vector-Jacobian product of a data-dependent loop, no_grad and detach.
/// </summary>
internal static class Seed001AutogradTutorial
{
    public static void Run(TextWriter output)
    {
        var generator = new RandomGenerator(1);

        Show.Snippet(output, "x = torch.ones(2, 2, requires_grad=True)");
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        output.WriteLine(x);

        Show.Snippet(output, "y = x + 2");
        var y = x + 2;
        output.WriteLine(y);
        output.WriteLine(y.GradFn);

        Show.Snippet(output, "z = y * y * 3; out = z.mean()");
        var z = y * y * 3;
        var @out = z.Mean();
        SampleFiles.Graph("seed001-graph", @out, new Dictionary<string, Tensor> { ["x"] = x });
        output.WriteLine($"{z} {@out}");

        Show.Snippet(output, "a = randn(2, 2); a = (a * 3) / (a - 1); a.requires_grad_(True); b = (a * a).sum()");
        var a = Tensor.Randn([2, 2], generator: generator);
        a = a * 3 / (a - 1);
        output.WriteLine(a.RequiresGrad);
        a.RequiresGrad_(true);
        output.WriteLine(a.RequiresGrad);
        var b = (a * a).Sum();
        output.WriteLine(b.GradFn);

        Show.Snippet(output, "out.backward(); d(out)/dx = 3(x + 2) / 2 = 4.5");
        output.WriteLine(@out);
        @out.Backward();
        output.WriteLine(x);
        output.WriteLine(x.Grad);

        Show.Snippet(output, "vector-Jacobian product: y = x * 2, doubled while its norm is below 1000");
        x = Tensor.Randn([3], requiresGrad: true, generator: generator);
        y = x * 2;
        int doublings = 1;
        while (y.Data.Norm().Item() < 1000)
        {
            y *= 2;
            doublings++;
        }
        output.WriteLine(y);
        var v = Tensor.From([0.1f, 1.0f, 0.0001f]);
        y.Backward(v);
        output.WriteLine(x.Grad);
        // y = 2^k x, so its vector-Jacobian product is 2^k v.
        var expected = v * Math.Pow(2, doublings);
        output.WriteLine($"x.grad equals 2^{doublings}·v = {expected}: {Show.AllClose(x.Grad, expected)}");

        Show.Snippet(output, "no_grad: (x ** 2).requires_grad");
        output.WriteLine(x.RequiresGrad);
        output.WriteLine(x.Pow(2).RequiresGrad);
        using (Autograd.NoGrad())
        {
            output.WriteLine(x.Pow(2).RequiresGrad);
        }

        Show.Snippet(output, "detach: the same content without requires_grad");
        output.WriteLine(x.RequiresGrad);
        y = x.Detach();
        output.WriteLine(y.RequiresGrad);
        output.WriteLine(x.Eq(y).All());
    }
}
