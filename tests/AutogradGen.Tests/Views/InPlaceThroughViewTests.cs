namespace AutogradGen.Tests.Views;

/// <summary>
/// Issue 13, item 2: in-place writes through views update the base and give libtorch's gradients (the base's history
/// becomes CopySlices). Expected values printed by PyTorch for y = x * 1, the write, then (y * y).sum().backward().
/// </summary>
public class InPlaceThroughViewTests
{
    public static TheoryData<string> Writes => [.. Cases.Keys];

    private static readonly Dictionary<string, (Action<Tensor, Tensor> Write, double[] Y, double[] Grad)> Cases = new()
    {
        ["y[0].mul_(2)"] = ((x, y) => y[0].Mul_(2), [2, 4, 6, 4, 5, 6], [8, 16, 24, 8, 10, 12]),
        ["y.t().add_(1)"] = ((x, y) => y.T().Add_(1), [2, 3, 4, 5, 6, 7], [4, 6, 8, 10, 12, 14]),
        ["y[:, 1:].fill_(0)"] = ((x, y) => y.Slice(1, 1, null).Fill_(0), [1, 0, 0, 4, 0, 0], [2, 0, 0, 8, 0, 0]),
        ["y.view(-1).mul_(2)"] = ((x, y) => y.View([-1]).Mul_(2), [2, 4, 6, 8, 10, 12], [8, 16, 24, 32, 40, 48]),
        ["y.unsqueeze(0).add_(1)"] = ((x, y) => y.Unsqueeze(0).Add_(1), [2, 3, 4, 5, 6, 7], [4, 6, 8, 10, 12, 14]),
        ["y.diagonal().mul_(3)"] = ((x, y) => y.Diagonal().Mul_(3), [3, 2, 3, 4, 15, 6], [18, 4, 6, 8, 90, 12]),
        ["y[1] = x[0] * 10"] = ((x, y) => y[1] = x[0] * 10, [1, 2, 3, 10, 20, 30], [202, 404, 606, 0, 0, 0]),
        ["y.permute(1, 0)[2].sub_(x[:, 0])"] = ((x, y) => y.Permute([1, 0])[2].Sub_(x.Select(1, 0)), [1, 2, 2, 4, 5, 2], [-2, 4, 4, 4, 10, 4]),
        ["y[0][1:].copy_(y[1][:2])"] = ((x, y) => y[0].Slice(0, 1, null).Copy_(y[1].Slice(0, 0, 2)), [1, 4, 5, 4, 5, 6], [2, 0, 0, 16, 20, 12]),
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public void A_write_through_a_view_updates_the_base_and_its_gradient(string write)
    {
        var (apply, expectedY, expectedGrad) = Cases[write];
        var x = Tensor.From(new[] { 1.0, 2, 3, 4, 5, 6 }, [2, 3], requiresGrad: true);
        var y = x * 1;
        apply(x, y);
        Assert.Equal(expectedY, y.ToArray());
        Assert.Equal("CopySlices", y.GradFn!.Name);
        (y * y).Sum().Backward();
        Assert.Equal(expectedGrad, x.Grad!.ToArray());
    }

    [Fact]
    public void Every_view_of_a_base_written_in_place_reads_it_through_as_strided()
    {
        var x = Tensor.From(new[] { 1.0, 2, 3, 4, 5, 6 }, [2, 3], requiresGrad: true);
        var y = x * 1;
        var first = y[0];
        var second = y[1];
        Assert.Equal("SelectBackward0", second.GradFn!.Name);
        first.Mul_(2);
        Assert.Equal("AsStridedBackward0", first.GradFn!.Name);
        Assert.Equal("AsStridedBackward0", second.GradFn!.Name);
        (first.Sum() + second.Sum() * 3).Backward();
        Assert.Equal([2.0, 2, 2, 3, 3, 3], x.Grad!.ToArray());
    }

    [Fact]
    public void Assigning_into_a_tensor_that_does_not_require_grad_records_the_copy()
    {
        var z = Tensor.Zeros([3], dtype: DType.Float64);
        var w = Tensor.From(new[] { 2.0 }, requiresGrad: true);
        z[1] = w * 3;
        Assert.Equal([0.0, 6, 0], z.ToArray());
        Assert.Equal("CopySlices", z.GradFn!.Name);
        (z * z).Sum().Backward();
        Assert.Equal(36, w.Grad!.Item());
    }

    [Fact]
    public void A_write_through_a_view_without_grad_reaches_the_base()
    {
        var y = Tensor.Zeros([2, 2]);
        y.T()[0].Fill_(1);
        Assert.Equal([1.0, 0, 1, 0], y.ToArray());
        y.View([4])[3].Add_(5);
        Assert.Equal([1.0, 0, 1, 5], y.ToArray());
    }

    [Fact]
    public void A_view_of_a_leaf_that_requires_grad_cannot_be_written()
    {
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        var error = Assert.Throws<AutogradException>(() => x[0].Mul_(2));
        Assert.Equal("a view of a leaf Variable that requires grad is being used in an in-place operation.", error.Message);
        Assert.Equal([1.0, 1, 1, 1], x.ToArray().Select(v => v).ToArray());
    }

    [Fact]
    public void Writing_an_expanded_view_is_refused_as_in_pytorch()
    {
        var y = Tensor.Ones([3]);
        var error = Assert.Throws<InvalidOperationException>(() => y.Expand([2, 3]).Add_(1));
        Assert.StartsWith("unsupported operation: more than one element of the written-to tensor refers to a single memory location.", error.Message);
        Assert.Equal([1.0, 1, 1], y.ToArray());
    }

    [Fact]
    public void Writing_with_grad_a_view_made_without_grad_is_refused()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var y = x * 1;
        Tensor view;
        using (Autograd.NoGrad()) view = y[0];
        var error = Assert.Throws<AutogradException>(() => view.Mul_(2));
        Assert.StartsWith("A view was created in no_grad mode and is being modified inplace with grad mode enabled.", error.Message);
    }

    [Fact]
    public void A_saved_view_is_stale_after_a_write_to_its_base()
    {
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        var y = x * 1;
        var row = y[0];
        var product = row * row;
        y.Add_(1);
        var error = Assert.Throws<AutogradException>(() => product.Sum().Backward());
        Assert.Contains("modified by an inplace operation", error.Message);
    }

    [Fact]
    public void Second_order_through_a_write_through_a_view_matches_central_differences()
    {
        static Tensor F(Tensor x)
        {
            var y = x * x;
            y.T()[1].Mul_(x[0]);
            return (y * y).Sum();
        }
        var x = Tensor.From(new[] { 0.3, -0.7, 1.1, 0.5 }, [2, 2], requiresGrad: true);
        var g = Autograd.Grad(F(x), x, createGraph: true)[0]!;
        var h = Autograd.Grad(g.Sum(), x)[0]!;
        var values = x.ToArray();
        var expected = new double[4];
        for (int i = 0; i < 4; i++)
        {
            double GradSum(double delta)
            {
                var shifted = (double[])values.Clone();
                shifted[i] += delta;
                var probe = Tensor.From(shifted, [2, 2], requiresGrad: true);
                return Autograd.Grad(F(probe), probe)[0]!.Sum().Item();
            }
            expected[i] = (GradSum(1e-6) - GradSum(-1e-6)) / 2e-6;
        }
        var actual = h.ToArray();
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], actual[i], 4);
    }

    [Fact]
    public void Second_order_through_mul_in_place_sees_the_value_before_the_write()
    {
        // b = a², b[1] *= a[0]: the gradient's gradient, as PyTorch prints it.
        var a = Tensor.From(new[] { 0.3, -0.7 }, requiresGrad: true);
        var b = a * a;
        b[1].Mul_(a[0]);
        var g = Autograd.Grad(b.Sum(), a, createGraph: true)[0]!;
        Assert.Equal([1.09, -0.42], g.ToArray().Select(v => Math.Round(v, 12)).ToArray());
        Assert.Equal([0.6, -0.8], Autograd.Grad(g.Sum(), a)[0]!.ToArray().Select(v => Math.Round(v, 12)).ToArray());
    }
}
