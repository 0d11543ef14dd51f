using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Graph;

/// <summary>Backward: accumulation, retained graphs, vector-Jacobian products, graph structure.</summary>
public class BackwardTests
{
    [Fact]
    public void Gradients_accumulate_across_backward_calls_until_reset()
    {
        var x = Tensor.Scalar(1, requiresGrad: true);
        (x * x).Backward();
        Assert.Equal(2, x.Grad!.Item());
        (x * x).Backward();
        Assert.Equal(4, x.Grad!.Item());
        x.Grad = Tensor.Scalar(0);
        (x * x).Backward();
        Assert.Equal(2, x.Grad!.Item());
    }

    [Fact]
    public void Retained_graph_can_be_differentiated_again()
    {
        var x = Tensor.From([1f, 2f], requiresGrad: true);
        var y = (x * x).Sum();
        y.Backward(retainGraph: true);
        y.Backward();
        TensorAssert.Equal([4, 8], x.Grad);
    }

    [Fact]
    public void Backward_with_a_vector_gives_the_vector_jacobian_product()
    {
        var x = Tensor.From([1.2630f, -1.5445f, -2.4180f], requiresGrad: true);
        var z = (x + 2) * (x + 2) * 2;
        z.Backward(Tensor.From([0.1f, 1.0f, 0.01f]));
        TensorAssert.Equal([1.3052, 1.8220, -0.0167], x.Grad);
    }

    [Fact]
    public void Integer_gradient_is_cast_to_the_output_dtype()
    {
        var x = Tensor.Ones([3], requiresGrad: true);
        (x * 2).Backward(Tensor.From([1, 2, 3]));
        Assert.Equal(DType.Float32, x.Grad!.DType);
        TensorAssert.Equal([2, 4, 6], x.Grad);
    }

    [Fact]
    public void Float64_operand_of_a_float32_computation_gets_a_float64_gradient()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var s = Tensor.Scalar(3, requiresGrad: true, dtype: DType.Float64);
        (x * s).Sum().Backward();
        Assert.Equal(DType.Float64, s.Grad!.DType);
        Assert.Equal(2, s.Grad.Item());
    }

    [Fact]
    public void Backward_on_a_leaf_accumulates_ones_into_its_grad()
    {
        var x = Tensor.Scalar(5, requiresGrad: true);
        x.Backward();
        Assert.Equal(1, x.Grad!.Item());
    }

    [Fact]
    public void Gradient_passed_to_backward_with_create_graph_is_copied_so_later_accumulation_leaves_it_alone()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var v = Tensor.From([1f, 2f]);
        x.View([2]).Backward(v, createGraph: true);
        (x * 1).Sum().Backward();
        TensorAssert.Equal([1, 2], v);
        TensorAssert.Equal([2, 3], x.Grad);
    }

    [Fact]
    public void First_gradient_under_create_graph_is_a_recorded_copy_as_in_pytorch()
    {
        var x = Tensor.Scalar(3, requiresGrad: true);
        (x * x * x).Backward(createGraph: true);
        Assert.Equal("tensor(27., grad_fn=<CopyBackwards>)", x.Grad!.ToString());
        Assert.Equal(1, x.Grad.Version);
    }

    [Fact]
    public void Plain_backward_after_create_graph_adds_into_the_same_gradient_in_place()
    {
        var x = Tensor.Scalar(2, requiresGrad: true);
        var y = x * x * x;
        y.Backward(createGraph: true);
        var first = x.Grad!;
        y.Backward();
        Assert.Same(first, x.Grad);
        Assert.Equal("tensor(24., grad_fn=<CopyBackwards>)", x.Grad!.ToString());
    }

    [Fact]
    public void Next_functions_link_a_node_to_its_inputs()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var y = x + 2;
        var edges = y.GradFn!.NextFunctions;
        Assert.Equal(2, edges.Count);
        var accumulate = Assert.IsType<AccumulateGrad>(edges[0].Node);
        Assert.Same(x, accumulate.Variable);
        Assert.Null(edges[1].Node);
        Assert.Equal("<AddBackward0 object>", y.GradFn.ToString());
    }

    [Fact]
    public void Non_leaf_keeps_no_grad_without_retain_grad()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var y = x * 2;
        y.Sum().Backward();
        Assert.Null(y.Grad);
        Assert.False(y.IsLeaf);
        Assert.True(x.IsLeaf);
    }

    [Fact]
    public void Retain_grad_keeps_a_non_leaf_gradient_and_accumulates_it()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var y = x * 2;
        y.RetainGrad();
        var z = (y * y).Sum();
        z.Backward(retainGraph: true);
        TensorAssert.Equal([4, 4], y.Grad);
        z.Backward();
        TensorAssert.Equal([8, 8], y.Grad);
        Assert.True(y.RetainsGrad);
    }

    [Fact]
    public void Chain_of_a_million_operations_differentiates_without_stack_overflow()
    {
        var x = Tensor.Scalar(1, requiresGrad: true);
        var y = x;
        for (int i = 0; i < 1_000_000; i++) y = y + 1;
        y.Backward();
        Assert.Equal(1, x.Grad!.Item());
        Assert.Equal(1_000_001, y.Item());
    }

    [Fact]
    public void Tensor_used_ten_thousand_times_sums_its_gradients()
    {
        var x = Tensor.Scalar(2, requiresGrad: true, dtype: DType.Float64);
        var terms = new Tensor[10_000];
        for (int i = 0; i < terms.Length; i++) terms[i] = x * (i % 3);
        Tensor.Stack(terms).Sum().Backward();
        Assert.Equal(9_999, x.Grad!.Item());
    }

    [Fact]
    public void Tensor_used_ten_thousand_times_in_a_chain_of_sums_sums_its_gradients()
    {
        var x = Tensor.Scalar(2, requiresGrad: true, dtype: DType.Float64);
        var total = Tensor.Scalar(0, dtype: DType.Float64);
        for (int i = 0; i < 10_000; i++) total = total + x * x;
        total.Backward();
        Assert.Equal(40_000, x.Grad!.Item(), 6);
    }

    [Fact]
    public void Saved_tensors_become_collectable_after_backward()
    {
        var x = Tensor.Ones([1000], requiresGrad: true);
        var (loss, saved) = BuildGraphKeepingOnlyTheLoss(x);
        Assert.True(IsAlive(saved));
        loss.Backward();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(IsAlive(saved));
        Assert.NotNull(loss.GradFn);
    }

    [Fact]
    public void Saved_tensors_stay_alive_while_the_graph_is_retained()
    {
        var x = Tensor.Ones([1000], requiresGrad: true);
        var (loss, saved) = BuildGraphKeepingOnlyTheLoss(x);
        loss.Backward(retainGraph: true);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.True(IsAlive(saved));
        GC.KeepAlive(loss);
    }

    // Separate frames, so that no local of the test method (debug builds keep them alive) holds the tensor.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool IsAlive(WeakReference<Tensor> reference) => reference.TryGetTarget(out _);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (Tensor Loss, WeakReference<Tensor> Saved) BuildGraphKeepingOnlyTheLoss(Tensor x)
    {
        var intermediate = x.Exp();
        return (intermediate.Sum(), new WeakReference<Tensor>(intermediate));
    }
}
