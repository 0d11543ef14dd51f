using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests.Tensors;

/// <summary>{Name}Recorded: a [Differentiable] tensor method as one node of the tape, with PyTorch's semantics.</summary>
public sealed class TensorBridgeTests
{
    private static (Tensor X, Tensor W, Tensor B, Tensor Y) Seed003Inputs()
    {
        var generator = new RandomGenerator(5);
        var x = Tensor.Randn([6, 3], dtype: DType.Float64, generator: generator);
        var w = Tensor.Randn([3, 1], requiresGrad: true, dtype: DType.Float64, generator: generator);
        var b = Tensor.Randn([1], requiresGrad: true, dtype: DType.Float64, generator: generator);
        var y = Tensor.Rand([6, 1], dtype: DType.Float64, generator: generator).Gt(0.5).Double();
        return (x, w, b, y);
    }

    [Fact]
    public void Recorded_result_carries_one_node_named_after_the_method()
    {
        var (x, w, b, y) = Seed003Inputs();
        var loss = TensorFunctions.LossRecorded(x, w, b, y);
        Assert.Equal("LossBackward", loss.GradFn!.Name);
        Assert.All(loss.GradFn.NextFunctions.Where(e => e.Node is not null), e => Assert.IsType<AccumulateGrad>(e.Node));
    }

    [Fact]
    public void Backward_through_the_node_accumulates_the_generated_gradient_into_grad()
    {
        var (x, w, b, y) = Seed003Inputs();
        TensorFunctions.LossGradient(x, w, b, y, out var dw, out var db);
        TensorFunctions.LossRecorded(x, w, b, y).Backward();
        TensorFunctions.LossRecorded(x, w, b, y).Backward();
        Assert.Equal((dw * 2).ToArray(), w.Grad!.ToArray());
        Assert.Equal((db * 2).ToArray(), b.Grad!.ToArray());
    }

    [Fact]
    public void The_node_composes_with_recorded_operations_around_it()
    {
        var (x, w, b, y) = Seed003Inputs();
        (TensorFunctions.LossRecorded(x, w * 2, b, y) * 3).Backward();
        var expected = Tensor.Zeros([3, 1], dtype: DType.Float64);
        TensorFunctions.LossGradient(x, w.Detach() * 2, b.Detach(), y, out var dw2, out _);
        Assert.Equal((dw2 * 6).ToArray(), w.Grad!.ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal(expected.Shape, w.Grad.Shape);
    }

    [Fact]
    public void Second_backward_without_retain_graph_fails_as_in_PyTorch()
    {
        var (x, w, b, y) = Seed003Inputs();
        var loss = TensorFunctions.LossRecorded(x, w, b, y);
        loss.Backward();
        var error = Assert.Throws<AutogradException>(() => loss.Backward());
        Assert.StartsWith("Trying to backward through the graph a second time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retain_graph_allows_a_second_backward()
    {
        var (x, w, b, y) = Seed003Inputs();
        var loss = TensorFunctions.LossRecorded(x, w, b, y);
        loss.Backward(retainGraph: true);
        var first = w.Grad!.ToArray();
        loss.Backward();
        Assert.Equal(first.Select(v => v * 2), w.Grad!.ToArray(), new ToleranceComparer(1e-15));
    }

    [Fact]
    public void Calling_the_original_method_in_grad_mode_is_redirected_to_the_bridge()
    {
        var (x, w, b, y) = Seed003Inputs();
        var loss = TensorFunctions.Loss(x, w, b, y);
        Assert.Equal("LossBackward", loss.GradFn!.Name);
        loss.Backward();
        TensorFunctions.LossGradient(x, w, b, y, out var dw, out _);
        Assert.Equal(dw.ToArray(), w.Grad!.ToArray());
    }

    [Fact]
    public void Calling_the_original_method_when_nothing_requires_grad_records_nothing()
    {
        var (x, w, b, y) = Seed003Inputs();
        var loss = TensorFunctions.Loss(x, w.Detach(), b.Detach(), y);
        Assert.Null(loss.GradFn);
    }

    [Fact]
    public void A_tensor_the_method_does_not_differentiate_that_requires_grad_keeps_the_tape()
    {
        var (x, w, b, y) = Seed003Inputs();
        x.RequiresGrad = true;
        var loss = TensorFunctions.Loss(x, w, b, y);
        Assert.Equal("BinaryCrossEntropyWithLogitsBackward0", loss.GradFn!.Name);
        loss.Backward();
        Assert.NotNull(x.Grad);
        Assert.NotNull(w.Grad);
    }

    [Fact]
    public void Under_no_grad_the_result_has_no_node()
    {
        var (x, w, b, y) = Seed003Inputs();
        using (Autograd.NoGrad())
        {
            Assert.Null(TensorFunctions.LossRecorded(x, w, b, y).GradFn);
        }
    }

    [Fact]
    public void Create_graph_falls_back_to_the_tape_and_gives_second_derivatives()
    {
        var x = Tensor.From([0.3, -1.2, 0.7], requiresGrad: true);
        var value = TensorFunctions.UnaryRecorded(x);
        var gradient = Autograd.Grad(value, x, createGraph: true)[0]!;
        var taped = Autograd.Grad(TensorFunctions.Unary(x), x, createGraph: true)[0]!;
        Assert.NotNull(gradient.GradFn);
        var second = Autograd.Grad(gradient.Sum(), x)[0]!;
        var tapedSecond = Autograd.Grad(taped.Sum(), x)[0]!;
        Assert.Equal(tapedSecond.ToArray(), second.ToArray(), new ToleranceComparer(1e-12));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * (1 + Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
