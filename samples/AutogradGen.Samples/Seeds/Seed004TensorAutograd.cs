using AutogradGen.Samples.Output;

namespace AutogradGen.Samples.Seeds;

/// <summary>
/// Seed 004 (Tensor Autograd(자동미분)): derivatives of powers, partial derivatives, the gradient of a sum, no_grad,
/// and resetting an accumulated gradient by assigning <c>x.grad</c>.
/// </summary>
internal static class Seed004TensorAutograd
{
    public static void Run(TextWriter output)
    {
        Show.Snippet(output, "x = torch.tensor([1.]); x.requires_grad = True");
        var x = Tensor.From([1f]);
        x.RequiresGrad = true;
        output.WriteLine(x);
        output.WriteLine(x.RequiresGrad);

        Show.Snippet(output, "y = x ** 2; y.backward(); x.grad");
        var y = x.Pow(2);
        output.WriteLine(y);
        y.Backward();
        output.WriteLine(x.Grad);

        Show.Snippet(output, "without requires_grad, y.backward() raises");
        x = Tensor.From([1f]);
        y = x.Pow(2);
        try
        {
            y.Backward();
        }
        catch (AutogradException error)
        {
            Show.Error(output, error);
        }

        Show.Snippet(output, "y = x ** 2; z = y * 10; z.backward(): dz/dx = 20x");
        x = Tensor.From([1f], requiresGrad: true);
        y = x.Pow(2);
        var z = y * 10;
        output.WriteLine($"{y} {y.RequiresGrad}");
        output.WriteLine(z);
        z.Backward();
        output.WriteLine(x.Grad);

        Show.Snippet(output, "partial derivatives of z = 2x² + y²");
        x = Tensor.From([1f], requiresGrad: true);
        y = Tensor.From([1f], requiresGrad: true);
        z = 2 * x.Pow(2) + y.Pow(2);
        output.WriteLine(z);
        SampleFiles.Graph("seed004-graph", z, new Dictionary<string, Tensor> { ["x"] = x, ["y"] = y });
        z.Backward();
        output.WriteLine(x.Grad);
        output.WriteLine(y.Grad);

        Show.Snippet(output, "y = torch.sum(x ** 2): dy/dx = 2x");
        x = Tensor.From([1f, 2f, 3f], requiresGrad: true);
        y = x.Pow(2).Sum();
        y.Backward();
        output.WriteLine(y);
        output.WriteLine(x.Grad);

        Show.Snippet(output, "torch.no_grad()");
        x = Tensor.Scalar(1.0, requiresGrad: true);
        output.WriteLine(x.RequiresGrad);
        y = x.Pow(2);
        output.WriteLine(y.RequiresGrad);
        output.WriteLine(x.RequiresGrad);
        output.WriteLine(y);
        y.Backward();
        output.WriteLine(x.Grad);

        x = Tensor.Scalar(1.0, requiresGrad: true);
        output.WriteLine(x.RequiresGrad);
        using (Autograd.NoGrad())
        {
            output.WriteLine(x.RequiresGrad);
            y = x.Pow(2);
            output.WriteLine(y.RequiresGrad);
            output.WriteLine(y);
        }
        output.WriteLine(x.RequiresGrad);
        try
        {
            y.Backward();
        }
        catch (AutogradException error)
        {
            Show.Error(output, error);
        }

        Show.Snippet(output, "gradients accumulate until reset");
        x = Tensor.Scalar(1.0, requiresGrad: true);
        y = x.Pow(2);
        y.Backward();
        output.WriteLine($"x의 gradient값: {x.Grad}");
        output.WriteLine(x);
        z = x.Pow(2);
        z.Backward();
        output.WriteLine($"x의 gradient값: {x.Grad}");

        x = Tensor.Scalar(1.0, requiresGrad: true);
        y = x.Pow(2);
        y.Backward();
        output.WriteLine(x.Grad);

        Show.Snippet(output, "x.grad = torch.tensor(0.) resets the gradient");
        x.Grad = Tensor.Scalar(0.0);
        z = x.Pow(2);
        z.Backward();
        output.WriteLine(x.Grad);
    }
}
