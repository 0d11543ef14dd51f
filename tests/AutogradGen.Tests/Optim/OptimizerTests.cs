using AutogradGen.Optim;
using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Optim;

/// <summary>What every optimiser shares: no-grad in-place updates, ZeroGrad, skipped parameters, training.</summary>
public class OptimizerTests
{
    [Fact]
    public void Step_updates_in_place_and_bumps_the_version()
    {
        var p = Tensor.From([1.0], requiresGrad: true);
        var alias = p.Detach();
        p.Grad = Tensor.From([1.0]);
        new SGD([p], lr: 0.5).Step();
        Assert.Equal(1, p.Version);
        Assert.Equal(0.5, alias.Item());
    }

    [Fact]
    public void Step_records_no_history_and_keeps_the_parameter_a_leaf()
    {
        var p = Tensor.From([1.0], requiresGrad: true);
        p.Grad = Tensor.From([1.0]);
        new Adam([p]).Step();
        Assert.True(p.IsLeaf);
        Assert.Null(p.GradFn);
        Assert.True(p.RequiresGrad);
    }

    [Fact]
    public void Step_after_a_parameter_was_saved_makes_that_graph_fail_backward()
    {
        var p = Tensor.From([2.0], requiresGrad: true);
        var y = (p * p).Sum();
        p.Grad = Tensor.From([1.0]);
        new SGD([p], lr: 0.1).Step();
        var error = Assert.Throws<AutogradException>(() => y.Backward());
        Assert.Contains("has been modified by an inplace operation", error.Message);
    }

    [Fact]
    public void Step_skips_parameters_without_a_gradient()
    {
        var a = Tensor.From([1.0], requiresGrad: true);
        var b = Tensor.From([1.0], requiresGrad: true);
        a.Grad = Tensor.From([1.0]);
        new SGD([a, b], lr: 0.5).Step();
        Assert.Equal(0.5, a.Item());
        Assert.Equal(1, b.Item());
        Assert.Equal(0, b.Version);
    }

    [Fact]
    public void Zero_grad_sets_gradients_to_null_by_default()
    {
        var p = Tensor.From([1.0], requiresGrad: true);
        p.Grad = Tensor.From([3.0]);
        new SGD([p], lr: 0.1).ZeroGrad();
        Assert.Null(p.Grad);
    }

    [Fact]
    public void Zero_grad_without_set_to_none_fills_the_same_gradient_with_zeros()
    {
        var p = Tensor.From([1.0, 2], requiresGrad: true);
        var grad = Tensor.From([3.0, 4]);
        p.Grad = grad;
        new SGD([p], lr: 0.1).ZeroGrad(setToNone: false);
        Assert.Same(grad, p.Grad);
        Assert.Equal([0.0, 0], grad.ToArray());
    }

    [Fact]
    public void Zero_grad_without_set_to_none_cuts_a_gradient_built_with_create_graph()
    {
        var p = Tensor.From([2.0], requiresGrad: true);
        (p * p * p).Sum().Backward(createGraph: true);
        Assert.NotNull(p.Grad!.GradFn);
        new SGD([p], lr: 0.1).ZeroGrad(setToNone: false);
        Assert.Null(p.Grad!.GradFn);
        Assert.False(p.Grad.RequiresGrad);
        Assert.Equal(0, p.Grad.Item());
    }

    [Fact]
    public void Backward_after_zero_grad_assigns_rather_than_adds()
    {
        var p = Tensor.From([3.0], requiresGrad: true);
        var optimizer = new SGD([p], lr: 0.1);
        (p * 2).Sum().Backward();
        optimizer.ZeroGrad();
        (p * 5).Sum().Backward();
        Assert.Equal(5, p.Grad!.Item());
    }

    [Fact]
    public void Step_with_a_closure_returns_the_loss_it_computed()
    {
        var p = Tensor.From([3.0], requiresGrad: true);
        var optimizer = new SGD([p], lr: 0.25);
        var loss = optimizer.Step(() =>
        {
            optimizer.ZeroGrad();
            var value = (p * p).Sum();
            value.Backward();
            return value;
        });
        Assert.Equal(9, loss.Item());
        Assert.Equal(3 - (0.25 * 6), p.Item());
    }

    [Fact]
    public void Learning_rate_can_change_between_steps()
    {
        var p = Tensor.From([1.0], requiresGrad: true);
        var optimizer = new SGD([p], lr: 0.1) { LearningRate = 0.5 };
        p.Grad = Tensor.From([1.0]);
        optimizer.Step();
        Assert.Equal(0.5, p.Item());
    }

    [Theory]
    [InlineData("sgd with momentum")]
    [InlineData("adam with amsgrad")]
    public void Step_allocates_nothing_once_the_state_exists(string which)
    {
        var p = Tensor.Zeros([1000], requiresGrad: true);
        p.Grad = Tensor.Ones([1000]);
        Optimizer optimizer = which == "adam with amsgrad" ? new Adam([p], amsGrad: true) : new SGD([p], lr: 0.1, momentum: 0.9);
        optimizer.Step();
        optimizer.Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        optimizer.Step();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void An_empty_parameter_list_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new SGD(Array.Empty<Tensor>(), lr: 0.1));
        Assert.StartsWith("optimizer got an empty parameter list", error.Message);
    }

    [Fact]
    public void A_non_leaf_parameter_is_rejected()
    {
        var x = Tensor.Ones([1], requiresGrad: true);
        var error = Assert.Throws<ArgumentException>(() => new Adam([x * 2]));
        Assert.StartsWith("can't optimize a non-leaf Tensor", error.Message);
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("sgd with nesterov")]
    [InlineData("adam")]
    [InlineData("adam with amsgrad")]
    public void Optimiser_fits_a_line_to_noiseless_data(string which)
    {
        var x = Tensor.From([0.0, 1, 2, 3, 4], [5, 1]);
        var y = x * 2 + 1;
        var w = Tensor.Zeros([1, 1], requiresGrad: true, dtype: DType.Float64);
        var b = Tensor.Zeros([1], requiresGrad: true, dtype: DType.Float64);
        Optimizer optimizer = which switch
        {
            "sgd" => new SGD([w, b], lr: 0.05),
            "sgd with nesterov" => new SGD([w, b], lr: 0.02, momentum: 0.9, nesterov: true),
            "adam" => new Adam([w, b], lr: 0.1),
            _ => new Adam([w, b], lr: 0.1, amsGrad: true),
        };
        for (int epoch = 0; epoch < 2000; epoch++)
        {
            optimizer.ZeroGrad();
            F.MseLoss(x.MatMul(w) + b, y).Backward();
            optimizer.Step();
        }
        Assert.Equal(2, w.Item(), 3);
        Assert.Equal(1, b.Item(), 3);
    }
}
