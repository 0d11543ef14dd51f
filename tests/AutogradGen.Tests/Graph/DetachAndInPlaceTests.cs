using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Graph;

/// <summary>Detach, RequiresGrad_, views sharing storage, version counters and the in-place operations.</summary>
public class DetachAndInPlaceTests
{
    [Fact]
    public void Detach_shares_storage_and_drops_history()
    {
        var x = Tensor.From([1f, 2f], requiresGrad: true);
        var y = x * 2;
        var detached = y.Detach();
        Assert.False(detached.RequiresGrad);
        Assert.Null(detached.GradFn);
        detached.Add_(1);
        TensorAssert.Equal([3, 5], y);
        Assert.Equal(1, y.Version);
    }

    [Fact]
    public void Write_through_detach_is_caught_by_a_graph_that_saved_the_tensor()
    {
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var y = (x * x).Sum();
        x.Detach().Mul_(2);
        Assert.Equal(1, x.Version);
        Assert.Throws<AutogradException>(() => y.Backward());
    }

    [Fact]
    public void Write_through_data_shares_storage_but_not_the_version_counter()
    {
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var y = (x * x).Sum();
        x.Data.Mul_(2);
        Assert.Equal(0, x.Version);
        TensorAssert.Equal([2, 4], x);
        // As PyTorch's .data: the change is invisible to autograd, so backward uses the new values.
        y.Backward();
        TensorAssert.Equal([4, 8], x.Grad);
    }

    [Fact]
    public void Detach_in_place_makes_a_leaf()
    {
        var y = Tensor.Ones([2], requiresGrad: true) * 2;
        y.Detach_();
        Assert.True(y.IsLeaf);
        Assert.False(y.RequiresGrad);
    }

    [Fact]
    public void View_shares_storage_with_its_base()
    {
        var x = Tensor.Zeros([2, 2]);
        var flat = x.View([4]);
        flat.Fill_(3);
        TensorAssert.Equal([3, 3, 3, 3], x, shape: [2, 2]);
        Assert.Equal(x.Version, flat.Version);
    }

    [Fact]
    public void Transpose_is_a_view_so_a_write_through_it_reaches_the_base()
    {
        var x = Tensor.Zeros([2, 2]);
        var transposed = x.Transpose(0, 1);
        transposed[0].Fill_(1);
        TensorAssert.Equal([1, 0, 1, 0], x);
    }

    [Fact]
    public void Requires_grad_can_be_switched_on_and_off_on_a_leaf()
    {
        var a = Tensor.Ones([2]);
        Assert.Same(a, a.RequiresGrad_());
        Assert.True(a.RequiresGrad);
        a.RequiresGrad_(false);
        Assert.False(a.RequiresGrad);
        Assert.Equal("AddBackward0", (a.RequiresGrad_() + 1).RequiresGrad_().GradFn!.Name);
    }

    [Fact]
    public void In_place_operations_write_values_and_bump_the_version()
    {
        var x = Tensor.From([1.0, 2.0, 3.0]);
        x.Add_(1).Mul_(2).Sub_(Tensor.From([1.0, 1.0, 1.0])).Div_(2);
        TensorAssert.Equal([1.5, 2.5, 3.5], x);
        Assert.Equal(4, x.Version);
        x.Clamp_(2, 3);
        TensorAssert.Equal([2, 2.5, 3], x);
        x.Copy_(Tensor.From([9.0]));
        TensorAssert.Equal([9, 9, 9], x);
        x.Zero_();
        TensorAssert.Equal([0, 0, 0], x);
        Assert.Equal(7, x.Version);
    }

    [Fact]
    public void Fill_writes_the_value_and_bumps_the_version()
    {
        var x = Tensor.From([1.0, 2.0, 3.0]);
        x.Fill_(-2.5);
        TensorAssert.Equal([-2.5, -2.5, -2.5], x);
        Assert.Equal(1, x.Version);
    }

    [Fact]
    public void In_place_operation_on_a_non_leaf_is_recorded()
    {
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var y = x * 2;
        y.Mul_(x);
        Assert.Equal("MulBackward0", y.GradFn!.Name);
        y.Sum().Backward();
        TensorAssert.Equal([4, 8], x.Grad);
    }

    [Fact]
    public void In_place_add_of_a_tensor_that_requires_grad_makes_a_non_leaf()
    {
        var a = Tensor.Zeros([2]);
        var w = Tensor.From([1f, 2f], requiresGrad: true);
        a.Add_(w, alpha: 3);
        Assert.False(a.IsLeaf);
        a.Sum().Backward();
        TensorAssert.Equal([3, 3], w.Grad);
    }

    [Fact]
    public void In_place_on_a_leaf_that_requires_grad_is_allowed_under_no_grad()
    {
        var w = Tensor.From([1f, 2f], requiresGrad: true);
        using (Autograd.NoGrad()) w.Sub_(Tensor.From([0.5f, 0.5f]));
        TensorAssert.Equal([0.5, 1.5], w);
        Assert.True(w.IsLeaf);
        Assert.Equal(1, w.Version);
    }

    [Fact]
    public void In_place_with_a_broadcast_result_larger_than_the_tensor_fails_and_changes_nothing()
    {
        var x = Tensor.Ones([3]);
        var error = Assert.Throws<TensorShapeException>(() => x.Add_(Tensor.Ones([2, 3])));
        Assert.Equal("output with shape [3] doesn't match the broadcast shape [2, 3]", error.Message);
        TensorAssert.Equal([1, 1, 1], x);
        Assert.Equal(0, x.Version);
    }

    [Fact]
    public void Zeroing_a_grad_in_place_resets_accumulation()
    {
        var x = Tensor.Scalar(1, requiresGrad: true);
        (x * x).Backward();
        x.Grad!.Zero_();
        (x * x).Backward();
        Assert.Equal(2, x.Grad.Item());
    }
}
