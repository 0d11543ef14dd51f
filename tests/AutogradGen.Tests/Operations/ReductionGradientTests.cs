using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Operations;

/// <summary>Sums, means, extremes and norms: gradients against central differences, and PyTorch's choices at ties.</summary>
public class ReductionGradientTests
{
    public static TheoryData<string> Reductions => [.. Cases.Keys];

    private static readonly Dictionary<string, Func<Tensor, Tensor>> Cases = new()
    {
        ["sum"] = x => x.Sum(),
        ["sum over dim 1"] = x => x.Sum(1),
        ["sum over dims 0 and 2 keeping them"] = x => x.Sum([0, 2], keepDim: true),
        ["sum over a negative dim"] = x => x.Sum(-1),
        ["mean"] = x => x.Mean(),
        ["mean over dim 0"] = x => x.Mean(0),
        ["mean over dim 2 keeping it"] = x => x.Mean(2, keepDim: true),
        ["max"] = x => x.Max(),
        ["min"] = x => x.Min(),
        ["max over dim 1"] = x => x.Max(1).Values,
        ["min over dim 2 keeping it"] = x => x.Min(2, keepDim: true).Values,
        ["norm"] = x => x.Norm(),
        ["norm p=1"] = x => x.Norm(1),
        ["norm p=3"] = x => x.Norm(3),
        ["norm over dim 1"] = x => x.Norm(2, 1),
        ["norm p=3 over dim 0 keeping it"] = x => x.Norm(3, 0, keepDim: true),
        ["norm p=inf"] = x => x.Norm(double.PositiveInfinity),
        ["norm p=inf over dim 2"] = x => x.Norm(double.PositiveInfinity, 2),
    };

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Reduction_gradient_matches_central_differences(string reduction)
    {
        var x = GradientCheck.Input([2, 3, 4]);
        GradientCheck.AssertMatches(inputs => Cases[reduction](inputs[0]), x);
    }

    [Fact]
    public void Max_over_everything_shares_the_gradient_among_tied_maxima()
    {
        var x = Tensor.From([1.0, 3.0, 3.0], requiresGrad: true);
        x.Max().Backward();
        TensorAssert.Equal([0, 0.5, 0.5], x.Grad);
    }

    [Fact]
    public void Max_over_a_dim_sends_the_gradient_to_the_selected_index()
    {
        var x = Tensor.From(new double[,] { { 1, 5, 5 }, { 7, 2, 0 } }, requiresGrad: true);
        var (values, indices) = x.Max(1);
        values.Sum().Backward();
        Assert.Equal([1L, 0L], indices.ToArray<long>());
        TensorAssert.Equal([0, 1, 0, 1, 0, 0], x.Grad);
        Assert.Equal("MaxBackward0", values.GradFn!.Name);
    }

    [Fact]
    public void Min_over_a_dim_sends_the_gradient_to_the_selected_index()
    {
        var x = Tensor.From(new double[,] { { 4, 1, 1 }, { 0, 2, 9 } }, requiresGrad: true);
        var (values, indices) = x.Min(1);
        values.Sum().Backward();
        TensorAssert.Equal([1, 0], values);
        Assert.Equal([1L, 0L], indices.ToArray<long>());
        Assert.Equal(DType.Int64, indices.DType);
        TensorAssert.Equal([0, 1, 0, 1, 0, 0], x.Grad);
        Assert.Equal("MinBackward0", values.GradFn!.Name);
    }

    [Fact]
    public void Gather_reads_the_indexed_entries_along_a_dimension()
    {
        var x = Tensor.From(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var picked = x.Gather(1, Tensor.From([2L, 0L, 1L, 1L], [2, 2]));
        TensorAssert.Equal([3, 1, 5, 5], picked, shape: [2, 2]);
    }

    [Fact]
    public void Gather_gradient_adds_up_repeated_indices()
    {
        var x = GradientCheck.Input([2, 3]);
        var index = Tensor.From([2L, 0L, 2L, 1L, 1L, 1L], [2, 3]);
        GradientCheck.AssertMatches(t => t[0].Gather(1, index), x);
        Assert.Equal("GatherBackward0", x.Gather(1, index).GradFn!.Name);
    }

    [Fact]
    public void Gather_can_be_differentiated_twice()
    {
        var x = GradientCheck.Input([3]);
        var index = Tensor.From([0L, 0L, 2L]);
        var first = Autograd.Grad(x.Gather(0, index).Pow(3).Sum(), x, createGraph: true)[0]!;
        var second = Autograd.Grad(first.Sum(), x)[0]!;
        var values = x.ToArray();
        TensorAssert.Equal([2 * 6 * values[0], 0, 6 * values[2]], second, precision: 8);
    }

    [Fact]
    public void Gather_with_an_index_out_of_bounds_fails()
    {
        var error = Assert.Throws<IndexOutOfRangeException>(() => Tensor.Ones([2, 3]).Gather(1, Tensor.From([3L, 0L], [2, 1])));
        Assert.Equal("index 3 is out of bounds for dimension 1 with size 3", error.Message);
    }

    [Fact]
    public void Infinity_norm_shares_the_gradient_among_tied_largest_magnitudes_with_their_signs()
    {
        var x = Tensor.From([-3.0, 1.0, 3.0], requiresGrad: true);
        var norm = x.Norm(double.PositiveInfinity);
        Assert.Equal(3, norm.Item());
        norm.Backward();
        TensorAssert.Equal([-0.5, 0, 0.5], x.Grad);
    }

    [Fact]
    public void Norm_of_zero_has_zero_gradient()
    {
        var x = Tensor.Zeros([3], requiresGrad: true, dtype: DType.Float64);
        x.Norm().Backward();
        TensorAssert.Equal([0, 0, 0], x.Grad);
    }

    [Fact]
    public void Sum_and_mean_name_their_nodes_as_pytorch()
    {
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        Assert.Equal("SumBackward0", x.Sum().GradFn!.Name);
        Assert.Equal("SumBackward1", x.Sum(0).GradFn!.Name);
        Assert.Equal("MeanBackward0", x.Mean().GradFn!.Name);
        Assert.Equal("MeanBackward1", x.Mean(1).GradFn!.Name);
        Assert.Equal("MaxBackward1", x.Max().GradFn!.Name);
        Assert.Equal("MinBackward1", x.Min().GradFn!.Name);
        Assert.Equal("LinalgVectorNormBackward0", x.Norm().GradFn!.Name);
    }
}
