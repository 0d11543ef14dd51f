namespace AutogradGen.Tests.Graph;

/// <summary>NoGrad and EnableGrad: nestable, per thread.</summary>
public class GradModeTests
{
    [Fact]
    public void Results_under_no_grad_do_not_require_grad()
    {
        var x = Tensor.Scalar(1, requiresGrad: true);
        Tensor y;
        using (Autograd.NoGrad()) y = x * x;
        Assert.False(y.RequiresGrad);
        Assert.Null(y.GradFn);
        Assert.True(x.RequiresGrad);
    }

    [Fact]
    public void Enable_grad_inside_no_grad_records_again_and_scopes_restore_on_exit()
    {
        var x = Tensor.Scalar(1, requiresGrad: true);
        using (Autograd.NoGrad())
        {
            using (Autograd.EnableGrad())
            {
                Assert.True(Autograd.IsGradEnabled);
                Assert.True((x * 2).RequiresGrad);
            }
            Assert.False(Autograd.IsGradEnabled);
            Assert.False((x * 2).RequiresGrad);
        }
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void Nested_no_grad_scopes_keep_grad_off_until_the_outermost_ends()
    {
        var x = Tensor.Scalar(1, requiresGrad: true);
        using (Autograd.NoGrad())
        {
            using (Autograd.NoGrad()) Assert.False((x * 2).RequiresGrad);
            Assert.False(Autograd.IsGradEnabled);
            Assert.False((x * 2).RequiresGrad);
        }
        Assert.True(Autograd.IsGradEnabled);
        Assert.True((x * 2).RequiresGrad);
    }

    [Fact]
    public void Grad_mode_is_per_thread()
    {
        using var entered = new ManualResetEventSlim();
        using var checkedOther = new ManualResetEventSlim();
        bool otherThreadRecorded = false;
        var x = Tensor.Scalar(1, requiresGrad: true);
        var other = new Thread(() =>
        {
            entered.Wait();
            otherThreadRecorded = (x * 2).RequiresGrad;
            checkedOther.Set();
        });
        other.Start();
        using (Autograd.NoGrad())
        {
            entered.Set();
            checkedOther.Wait();
            Assert.False((x * 2).RequiresGrad);
        }
        other.Join();
        Assert.True(otherThreadRecorded);
    }

    [Fact]
    public void Independent_graphs_on_two_threads_get_their_own_gradients()
    {
        var results = new double[2];
        var threads = new Thread[2];
        for (int t = 0; t < 2; t++)
        {
            int index = t;
            threads[t] = new Thread(() =>
            {
                double total = 0;
                for (int round = 0; round < 200; round++)
                {
                    var x = Tensor.Scalar(index + 1, requiresGrad: true, dtype: DType.Float64);
                    var y = x;
                    for (int i = 0; i < 20; i++) y = y * 1.0 + x;
                    y.Backward();
                    total += x.Grad!.Item();
                }
                results[index] = total;
            });
        }
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        Assert.Equal(200 * 21.0, results[0]);
        Assert.Equal(200 * 21.0, results[1]);
    }

    [Fact]
    public void Backward_passes_on_two_threads_sharing_a_parameter_accumulate_every_gradient()
    {
        var weight = Tensor.Zeros([20_000], requiresGrad: true, dtype: DType.Float64);
        var threads = new Thread[2];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int round = 0; round < 200; round++) (weight * 2).Sum().Backward();
            });
        }
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        Assert.All(weight.Grad!.ToArray(), value => Assert.Equal(800, value));
    }
}
