using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Graph;

/// <summary>
/// The engine keeps each pass's state on the nodes it owns and adds gradients into sums it made itself: these pin
/// that this is invisible (no tensor a caller or hook holds is changed) and that passes sharing nodes stay apart.
/// </summary>
public class EngineStateTests
{
    [Fact]
    public void Summing_many_gradients_into_one_node_leaves_the_callers_gradient_unchanged()
    {
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var y = x.Exp();
        var z = y + y + y + y;
        var gradient = Tensor.From([1.0, 10.0]);
        z.Backward(gradient);
        Assert.Equal([1.0, 10.0], gradient.ToArray());
        TensorAssert.Equal([4 * Math.Exp(1), 40 * Math.Exp(2)], x.Grad);
    }

    [Fact]
    public void A_hook_sees_the_full_sum_of_the_gradients_arriving_at_a_node()
    {
        var x = Tensor.Scalar(2, requiresGrad: true, dtype: DType.Float64);
        var y = x * 1;
        var seen = new List<double>();
        y.RegisterHook(grad => seen.Add(grad.Item()));
        (y * 2 + y * 3 + y * 5).Backward();
        Assert.Equal([10.0], seen);
        Assert.Equal(10, x.Grad!.Item());
    }

    [Fact]
    public void A_gradient_kept_by_a_hook_is_not_changed_by_later_sums()
    {
        var x = Tensor.Scalar(2, requiresGrad: true, dtype: DType.Float64);
        var y = x * 1;
        var a = y * 2;
        var kept = new List<Tensor>();
        a.RegisterHook(grad => kept.Add(grad));
        (a + a + a).Backward();
        Assert.Equal(3, kept[0].Item());
        Assert.Equal(6, x.Grad!.Item());
    }

    [Fact]
    public void A_leaf_used_a_thousand_times_in_a_chain_gets_the_exact_sum()
    {
        var x = Tensor.Scalar(0.5, requiresGrad: true, dtype: DType.Float64);
        var y = x;
        for (int i = 0; i < 1000; i++) y = i % 2 == 0 ? y * 0.999 : y + x;
        y.Backward();

        double value = 0.5, derivative = 1;
        for (int i = 0; i < 1000; i++)
        {
            if (i % 2 == 0) { value *= 0.999; derivative *= 0.999; }
            else { value += 0.5; derivative += 1; }
        }
        Assert.Equal(value, y.Item());
        Assert.Equal(derivative, x.Grad!.Item(), 12);
    }

    [Fact]
    public void A_backward_pass_run_from_a_hook_over_the_same_graph_gives_correct_gradients_to_both()
    {
        var x = Tensor.Scalar(3, requiresGrad: true, dtype: DType.Float64);
        var y = x * x;
        var z = y * 4;
        var inner = new List<double>();
        // When the hook runs, the outer pass owns y's node and x's AccumulateGrad: the inner pass keeps its own state.
        z.RegisterHook(_ => inner.Add(Autograd.Grad(y, x, retainGraph: true)[0]!.Item()));
        z.Backward();
        Assert.Equal([6.0], inner);
        Assert.Equal(24, x.Grad!.Item());
    }

    [Fact]
    public void A_failed_backward_pass_gives_its_nodes_back()
    {
        var x = Tensor.Scalar(1, requiresGrad: true, dtype: DType.Float64);
        var y = x.Exp();
        y.Backward();
        Assert.Throws<AutogradException>(() => y.Backward());
        var accumulator = (AccumulateGrad)y.GradFn!.NextFunctions[0].Node!;
        Assert.Null(accumulator.TaskOwner);
        Assert.Null(y.GradFn.TaskOwner);
    }

    [Fact]
    public void A_finished_pass_drops_the_gradients_it_buffered()
    {
        var x = Tensor.Scalar(1, requiresGrad: true, dtype: DType.Float64);
        var y = x * 2;
        (y + y).Backward(retainGraph: true);
        Assert.Null(y.GradFn!.TaskState.Buffer);
        Assert.Equal(0, y.GradFn.TaskState.Dependencies);
    }

    [Fact]
    public void Passes_on_two_threads_into_one_shared_leaf_each_add_their_gradient()
    {
        var weight = Tensor.From([1.0, 2.0], requiresGrad: true);
        var threads = new Thread[2];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int round = 0; round < 300; round++) ((weight * 3) + weight).Sum().Backward();
            });
        }
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        TensorAssert.Equal([2400, 2400], weight.Grad);
    }
}
