using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Tensors;

/// <summary>Factories: shapes as collection expressions, dtypes, seeded random numbers.</summary>
public class CreationTests
{
    [Fact]
    public void Ones_takes_its_shape_as_a_collection_expression()
    {
        var x = Tensor.Ones([2, 3], requiresGrad: true);
        Assert.Equal([2, 3], x.Shape);
        Assert.Equal(DType.Float32, x.DType);
        Assert.True(x.RequiresGrad);
        Assert.True(x.IsLeaf);
        Assert.All(x.ToArray(), value => Assert.Equal(1, value));
    }

    [Fact]
    public void From_a_2d_array_keeps_rows()
    {
        var x = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal([2, 3], x.Shape);
        Assert.Equal(DType.Float64, x.DType);
        Assert.Equal(6, x[1, 2].Item());
    }

    [Fact]
    public void From_a_3d_array_keeps_its_layout()
    {
        var x = Tensor.From(new float[,,] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } } }, requiresGrad: true);
        Assert.Equal([2, 2, 2], x.Shape);
        Assert.Equal(7, x[1, 1, 0].Item());
        Assert.True(x.RequiresGrad);
    }

    [Fact]
    public void From_integers_makes_int64_and_from_bools_makes_bool()
    {
        Assert.Equal(DType.Int64, Tensor.From([1, 2, 3]).DType);
        Assert.Equal(DType.Bool, Tensor.From([true, false]).DType);
    }

    [Fact]
    public void From_copies_the_array()
    {
        var data = new float[] { 1, 2 };
        var x = Tensor.From(data);
        data[0] = 9;
        Assert.Equal(1, x[0].Item());
    }

    [Fact]
    public void From_with_a_shape_that_does_not_fit_fails()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.From(new float[5], [2, 3]));
        Assert.Equal("shape '[2, 3]' is invalid for input of size 5", error.Message);
    }

    [Fact]
    public void Scalar_is_zero_dimensional()
    {
        var x = Tensor.Scalar(2.5, requiresGrad: true);
        Assert.Empty(x.Shape);
        Assert.Equal(1, x.Numel);
        Assert.Equal(2.5, x.Item());
    }

    [Fact]
    public void Full_zeros_eye_and_like_factories_fill_as_named()
    {
        TensorAssert.Equal([7, 7], Tensor.Full([2], 7));
        TensorAssert.Equal([0, 0, 0], Tensor.Zeros([3]));
        TensorAssert.Equal([1, 0, 0, 0, 1, 0], Tensor.Eye(2, 3), shape: [2, 3]);
        TensorAssert.Equal([1, 1], Tensor.OnesLike(Tensor.Zeros([2])));
        Assert.Equal(DType.Float64, Tensor.ZerosLike(Tensor.Zeros([1], dtype: DType.Float64)).DType);
    }

    [Fact]
    public void Arange_of_integers_is_int64_and_of_doubles_is_float32()
    {
        var integers = Tensor.Arange(5);
        Assert.Equal(DType.Int64, integers.DType);
        Assert.Equal([0L, 1, 2, 3, 4], integers.ToArray<long>());
        Assert.Equal([1L, 3], Tensor.Arange(1, 5, 2).ToArray<long>());
        var fractions = Tensor.Arange(0.0, 1.0, 0.25);
        Assert.Equal(DType.Float32, fractions.DType);
        TensorAssert.Equal([0, 0.25, 0.5, 0.75], fractions);
    }

    [Fact]
    public void Linspace_includes_both_ends()
    {
        TensorAssert.Equal([0, 0.25, 0.5, 0.75, 1], Tensor.Linspace(0, 1, 5), precision: 7);
        TensorAssert.Equal([2], Tensor.Linspace(2, 5, 1));
    }

    [Fact]
    public void Randn_after_manual_seed_zero_gives_pytorchs_numbers()
    {
        Tensor.ManualSeed(0);
        TensorAssert.Equal([1.5410, -0.2934, -2.1788], Tensor.Randn([3]));
    }

    [Fact]
    public void Rand_after_manual_seed_zero_gives_pytorchs_numbers()
    {
        Tensor.ManualSeed(0);
        TensorAssert.Equal([0.4963, 0.7682, 0.0885], Tensor.Rand([3]));
    }

    [Fact]
    public void Generators_with_the_same_seed_give_the_same_stream()
    {
        var a = Tensor.Randn([20], generator: new RandomGenerator(42));
        var b = Tensor.Randn([20], generator: new RandomGenerator(42));
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void Large_randn_has_roughly_standard_moments()
    {
        var x = Tensor.Randn([10_000], dtype: DType.Float64, generator: new RandomGenerator(7));
        Assert.Equal(0, x.Mean().Item(), 1);
        Assert.Equal(1, (x * x).Mean().Item(), 1);
    }

    [Fact]
    public void Requires_grad_on_an_integer_factory_fails()
    {
        var error = Assert.Throws<AutogradException>(() => Tensor.Ones([2], requiresGrad: true, dtype: DType.Int64));
        Assert.Equal("Only Tensors of floating point and complex dtype can require gradients", error.Message);
    }
}
