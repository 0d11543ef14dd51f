using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Regressions;

/// <summary>Issue 13, items 4 to 6: empty tensors, gather with a smaller index, and the smaller differences from libtorch.</summary>
public class EmptyAndEdgeCaseTests
{
    [Fact]
    public void Sigmoid_of_an_empty_tensor_is_empty()
    {
        Assert.Equal([4, 0], Tensor.Zeros([4, 0]).Sigmoid().Shape.ToArray());
    }

    [Fact]
    public void Softplus_and_bce_with_logits_backward_on_empty_input_give_empty_gradients()
    {
        var x = Tensor.Zeros([0], requiresGrad: true);
        x.Softplus().Sum().Backward();
        Assert.Empty(x.Grad!.ToArray());
        var y = Tensor.Zeros([0], requiresGrad: true);
        F.BinaryCrossEntropyWithLogits(y, Tensor.Zeros([0])).Backward();
        Assert.Empty(y.Grad!.ToArray());
    }

    [Theory]
    [InlineData(new[] { 0, 0, 3 }, new[] { 0, 3 })]
    [InlineData(new[] { 0, 3, 1 }, new[] { 0, 1 })]
    public void Cross_entropy_of_empty_class_index_batches_is_nan_with_an_empty_gradient(int[] inputShape, int[] targetShape)
    {
        var x = Tensor.Zeros(inputShape, requiresGrad: true);
        var loss = F.CrossEntropy(x, Tensor.Zeros(targetShape, dtype: DType.Int64));
        Assert.True(double.IsNaN(loss.Item()));
        Assert.Equal("NllLoss2DBackward0", loss.GradFn!.Name);
        loss.Backward();
        Assert.Equal(inputShape, x.Grad!.Shape.ToArray());
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 2, 0 })]
    public void Cross_entropy_with_empty_probability_targets_is_nan(int[] shape)
    {
        Assert.True(double.IsNaN(F.CrossEntropy(Tensor.Zeros(shape), Tensor.Zeros(shape)).Item()));
    }

    [Fact]
    public void Gather_accepts_an_index_smaller_than_the_input_outside_the_gathered_dimension()
    {
        var input = Tensor.From(new double[] { 1, 2, 3, 4 }, [1, 4], requiresGrad: true);
        var picked = input.Gather(0, Tensor.From(new long[] { 0, 0, 0, 0 }, [4, 1]));
        Assert.Equal([1.0, 1, 1, 1], picked.ToArray());
        Assert.Equal("GatherBackward0", picked.GradFn!.Name);
        picked.Sum().Backward();
        Assert.Equal([4.0, 0, 0, 0], input.Grad!.ToArray());
    }

    [Fact]
    public void Gather_with_a_larger_index_fails_with_pytorchs_message()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Ones([2, 2]).Gather(0, Tensor.Zeros([1, 3], dtype: DType.Int64)));
        Assert.Equal("Size does not match at dimension 1 expected index [1, 3] to be smaller than self [2, 2] apart from dimension 0", error.Message);
    }

    [Fact]
    public void The_sum_of_negative_zero_is_positive_zero()
    {
        double sum = Tensor.From(new[] { -0.0 }).Sum().Item();
        Assert.False(double.IsNegative(sum));
        Assert.Equal(Math.PI, Tensor.From(new[] { -0.0 }).Sum().Atan2(Tensor.From(new[] { -1.0 }).Sum()).Item(), 12);
    }

    [Fact]
    public void Integer_powers_of_integer_tensors_stay_int64()
    {
        var squares = Tensor.From(new long[] { 2, 3 }).Pow(2);
        Assert.Equal(DType.Int64, squares.DType);
        Assert.Equal([4L, 9L], squares.ToArray<long>());
        var powers = Tensor.From(new long[] { 2, 3 }).Pow(Tensor.From(new long[] { 2, 3 }));
        Assert.Equal(DType.Int64, powers.DType);
        Assert.Equal([4L, 27L], powers.ToArray<long>());
        Assert.Equal(DType.Float32, Tensor.From(new long[] { 2, 3 }).Pow(0.5).DType);
        var error = Assert.Throws<InvalidOperationException>(() => Tensor.From(new long[] { 2 }).Pow(-1));
        Assert.Equal("Integers to negative integer powers are not allowed.", error.Message);
    }

    [Fact]
    public void A_number_to_tensor_powers_is_differentiable()
    {
        var x = Tensor.From(new[] { 1.0, 2 }, requiresGrad: true);
        var y = Tensor.Pow(2, x);
        Assert.Equal([2.0, 4], y.ToArray());
        Assert.Equal("PowBackward2", y.GradFn!.Name);
        y.Sum().Backward();
        Assert.Equal(2 * Math.Log(2), x.Grad!.ToArray()[0], 12);
        Assert.Equal(4 * Math.Log(2), x.Grad!.ToArray()[1], 12);
        var z = Tensor.From(new[] { 0.5, 0 }, requiresGrad: true);
        Tensor.Pow(0, z).Sum().Backward();
        Assert.Equal([0.0, 0], z.Grad!.ToArray());
    }
}
