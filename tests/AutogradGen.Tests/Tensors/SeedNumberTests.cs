using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Tensors;

/// <summary>The numbers the seed tutorials print that need only tensors and the engine.</summary>
public class SeedNumberTests
{
    [Fact]
    public void Seed_001_mean_of_three_y_squared_gives_four_and_a_half()
    {
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        var y = x + 2;
        var output = (y * y * 3).Mean();
        Assert.Equal(27, output.Item());
        output.Backward();
        TensorAssert.Equal([4.5, 4.5, 4.5, 4.5], x.Grad);
    }

    [Fact]
    public void Seed_002_mean_of_three_y_squared_with_y_x_plus_one_gives_three()
    {
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        var z = 3 * (x + 1).Pow(2);
        z.Mean().Backward();
        TensorAssert.Equal([3, 3, 3, 3], x.Grad);
    }

    [Fact]
    public void Seed_004_sum_of_squares_gives_two_four_six()
    {
        var x = Tensor.From([1f, 2f, 3f], requiresGrad: true);
        var y = x.Pow(2).Sum();
        Assert.Equal(14, y.Item());
        y.Backward();
        TensorAssert.Equal([2, 4, 6], x.Grad);
    }

    [Fact]
    public void Seed_004_ten_x_squared_gives_twenty()
    {
        var x = Tensor.From([1f], requiresGrad: true);
        var z = x.Pow(2) * 10;
        z.Backward();
        TensorAssert.Equal([20], x.Grad);
    }

    [Fact]
    public void Seed_004_partial_derivatives_are_four_and_two()
    {
        var x = Tensor.From([1f], requiresGrad: true);
        var y = Tensor.From([1f], requiresGrad: true);
        var z = 2 * x.Pow(2) + y.Pow(2);
        Assert.Equal(3, z.Item());
        z.Backward();
        TensorAssert.Equal([4], x.Grad);
        TensorAssert.Equal([2], y.Grad);
    }

    [Fact]
    public void Seed_004_gradients_accumulate_two_then_four_then_two_after_reset()
    {
        var x = Tensor.Scalar(1, requiresGrad: true);
        x.Pow(2).Backward();
        Assert.Equal(2, x.Grad!.Item());
        x.Pow(2).Backward();
        Assert.Equal(4, x.Grad!.Item());
        x.Grad = Tensor.Scalar(0);
        x.Pow(2).Backward();
        Assert.Equal(2, x.Grad!.Item());
    }

    [Fact]
    public void Seed_000_vector_jacobian_product_of_two_x_plus_two_squared()
    {
        var x = Tensor.From([1.2630f, -1.5445f, -2.4180f], requiresGrad: true);
        var y = x + 2;
        var z = y * y * 2;
        // The seed printed x rounded to four places, so z agrees to three.
        TensorAssert.Equal([21.2941, 0.4150, 0.3494], z, precision: 3);
        z.Backward(Tensor.From([0.1f, 1.0f, 0.01f]));
        TensorAssert.Equal([1.3052, 1.8220, -0.0167], x.Grad);
    }

    [Fact]
    public void Seed_000_weights_times_three_accumulate_three_six_nine()
    {
        var weights = Tensor.Ones([4], requiresGrad: true);
        double[] seen = new double[3];
        for (int epoch = 0; epoch < 3; epoch++)
        {
            (weights * 3).Sum().Backward();
            seen[epoch] = weights.Grad![0].Item();
        }
        Assert.Equal([3.0, 6, 9], seen);
    }

    [Fact]
    public void Seed_002_detach_keeps_the_values_and_drops_requires_grad()
    {
        var x = Tensor.Randn([3], requiresGrad: true, generator: new RandomGenerator(1));
        var y = x.Detach();
        Assert.False(y.RequiresGrad);
        Assert.Equal(1, x.Eq(y).All().Item());
    }
}
