using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Graph;

/// <summary>RegisterHook: hooks see gradients and may replace them.</summary>
public class HookTests
{
    [Fact]
    public void Hook_on_a_leaf_sees_its_gradient()
    {
        var x = Tensor.From([1f, 2f], requiresGrad: true);
        Tensor? seen = null;
        x.RegisterHook(grad => { seen = grad; });
        (x * 3).Sum().Backward();
        TensorAssert.Equal([3, 3], seen);
        TensorAssert.Equal([3, 3], x.Grad);
    }

    [Fact]
    public void Hook_returning_a_tensor_replaces_the_gradient()
    {
        var x = Tensor.From([1f, 2f], requiresGrad: true);
        x.RegisterHook(grad => grad * 2);
        (x * 3).Sum().Backward();
        TensorAssert.Equal([6, 6], x.Grad);
    }

    [Fact]
    public void Hook_on_a_non_leaf_changes_what_flows_to_its_inputs()
    {
        var x = Tensor.From([1f, 2f], requiresGrad: true);
        var y = x * 3;
        y.RegisterHook(grad => grad * 10);
        y.Sum().Backward();
        TensorAssert.Equal([30, 30], x.Grad);
    }

    [Fact]
    public void Removed_hook_is_no_longer_called()
    {
        var x = Tensor.Scalar(1, requiresGrad: true);
        int calls = 0;
        var handle = x.RegisterHook(_ => { calls++; });
        (x * 2).Backward();
        handle.Remove();
        (x * 2).Backward();
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Hook_on_a_tensor_that_does_not_require_grad_fails()
    {
        var error = Assert.Throws<AutogradException>(() => Tensor.Ones([2]).RegisterHook(_ => { }));
        Assert.Equal("cannot register a hook on a tensor that doesn't require gradient", error.Message);
    }

    [Fact]
    public void Retained_grad_sees_the_hooked_gradient()
    {
        var x = Tensor.Scalar(1, requiresGrad: true);
        var y = x * 2;
        y.RetainGrad();
        y.RegisterHook(grad => grad * 5);
        (y * 3).Backward();
        Assert.Equal(15, y.Grad!.Item());
        Assert.Equal(30, x.Grad!.Item());
    }

    [Fact]
    public void Hooks_of_ready_nodes_fire_most_recent_first_as_in_pytorch()
    {
        var x = Tensor.Scalar(1, requiresGrad: true);
        var y = x * 2;
        var z = x * 3;
        var order = new List<string>();
        y.RegisterHook(_ => order.Add("y"));
        z.RegisterHook(_ => order.Add("z"));
        x.RegisterHook(_ => order.Add("x"));
        (y + z).Backward();
        Assert.Equal(["z", "y", "x"], order);
    }
}
