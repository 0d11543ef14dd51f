using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Views;

/// <summary>Views share storage with strides and an offset, as PyTorch's (issue 13, item 3).</summary>
public class ViewLayoutTests
{
    private static Tensor Matrix() => Tensor.From(new[] { 1.0, 2, 3, 4, 5, 6 }, [2, 3]);

    [Fact]
    public void Transpose_swaps_strides_and_is_not_contiguous()
    {
        var t = Matrix().T();
        Assert.Equal([1, 3], t.Stride());
        Assert.False(t.IsContiguous);
        Assert.Equal([1.0, 4, 2, 5, 3, 6], t.ToArray());
    }

    [Fact]
    public void Select_and_slice_move_the_storage_offset()
    {
        var m = Matrix();
        Assert.Equal(3, m[1].StorageOffset);
        var columns = m.Slice(1, 1, null, 2);
        Assert.Equal(1, columns.StorageOffset);
        Assert.Equal([3, 2], columns.Stride());
        Assert.Equal([2.0, 5], columns.ToArray());
    }

    [Fact]
    public void Expand_has_stride_zero_in_the_stretched_dimension()
    {
        var e = Tensor.From(new[] { 1.0, 2, 3 }).Expand([2, 3]);
        Assert.Equal([0, 1], e.Stride());
        Assert.Equal([1.0, 2, 3, 1, 2, 3], e.ToArray());
    }

    [Fact]
    public void Diagonal_is_a_view_with_the_summed_strides()
    {
        var m = Tensor.Arange(0.0, 9.0, 1, DType.Float64).View([3, 3]);
        var above = m.Diagonal(1);
        Assert.Equal([4], above.Stride());
        Assert.Equal(1, above.StorageOffset);
        Assert.Equal([1.0, 5], above.ToArray());
        Assert.Equal([3.0, 7], m.Diagonal(-1).ToArray());
    }

    [Fact]
    public void View_of_a_non_contiguous_tensor_fails_with_pytorchs_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Tensor.Ones([2, 3]).T().View([-1]));
        Assert.Equal("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.", error.Message);
    }

    [Fact]
    public void View_of_a_non_contiguous_tensor_succeeds_where_the_strides_allow()
    {
        var t = Tensor.Arange(0.0, 24.0, 1, DType.Float64).View([2, 3, 4]).Permute([1, 0, 2]);
        var merged = t.View([3, 2, 2, 2]);
        Assert.Equal([4, 12, 2, 1], merged.Stride());
        Assert.Equal(t.ToArray(), merged.ToArray());
    }

    [Fact]
    public void Reshape_of_a_non_contiguous_tensor_copies_and_records_unsafe_view()
    {
        var x = Tensor.Ones([2, 3], requiresGrad: true);
        var flat = x.T().Reshape([-1]);
        Assert.Equal("UnsafeViewBackward0", flat.GradFn!.Name);
        Assert.Equal("CloneBackward0", flat.GradFn.NextFunctions[0].Node!.Name);
        Assert.True(flat.IsContiguous);
    }

    [Fact]
    public void Contiguous_returns_the_tensor_itself_or_a_recorded_copy()
    {
        var x = Tensor.Ones([2, 3], requiresGrad: true);
        Assert.Same(x, x.Contiguous());
        var copy = x.T().Contiguous();
        Assert.True(copy.IsContiguous);
        Assert.Equal("CloneBackward0", copy.GradFn!.Name);
        Assert.Equal([2, 1], copy.Stride());
    }

    [Fact]
    public void A_full_range_slice_is_a_slice_and_alias_is_an_alias()
    {
        // libtorch 2.x: aten::slice and Python's one-dimensional x[:] record SliceBackward0 even for the whole range
        // (TensorIndexing.h dispatches a single slice with the optimisation disabled); x[...] and x[:, :] are at::alias.
        var x = Tensor.Ones([2, 3], requiresGrad: true);
        Assert.Equal("SliceBackward0", x.Slice(0, null, null).GradFn!.Name);
        Assert.Equal("SliceBackward0", x[..].GradFn!.Name);
        Assert.Equal("SliceBackward0", x.Slice(0, 1, null).GradFn!.Name);
        var alias = x.Alias();
        Assert.Equal("AliasBackward0", alias.GradFn!.Name);
        Assert.Equal(x.Shape, alias.Shape);
        alias.Sum().Backward();
        TensorAssert.Equal([1, 1, 1, 1, 1, 1], x.Grad!);
    }

    [Fact]
    public void Detach_of_a_view_keeps_its_layout_and_shares_the_storage()
    {
        var m = Matrix();
        var detached = m.T().Detach();
        Assert.Equal([1, 3], detached.Stride());
        detached[0].Fill_(9);
        Assert.Equal([9.0, 2, 3, 9, 5, 6], m.ToArray());
    }

    [Fact]
    public void Operations_read_views_in_their_logical_order()
    {
        var m = Matrix();
        var t = m.T();
        Assert.Equal([14.0, 32, 32, 77], t.T().MatMul(t).ToArray());
        Assert.Equal([2.0, 8, 4, 10, 6, 12], (t * 2).ToArray());
        Assert.Equal([5.0, 7, 9], t.Sum(1).ToArray());
    }

    [Fact]
    public void Gradients_through_views_are_the_gradients_of_their_copies()
    {
        var x = Tensor.From(new[] { 1.0, 2, 3, 4, 5, 6 }, [2, 3], requiresGrad: true);
        var weight = Tensor.From(new[] { 1.0, -2, 3, 0.5, 4, -1 }, [3, 2]);
        (x.T() * weight).Sum().Backward();
        Assert.Equal([1.0, 3, 4, -2, 0.5, -1], x.Grad!.ToArray());
        var x2 = Tensor.From(new[] { 1.0, 2, 3, 4, 5, 6 }, [2, 3], requiresGrad: true);
        (x2.Diagonal() * Tensor.From(new[] { 2.0, 3 })).Sum().Backward();
        Assert.Equal([2.0, 0, 0, 0, 3, 0], x2.Grad!.ToArray());
    }
}
