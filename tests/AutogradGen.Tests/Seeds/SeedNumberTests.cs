using AutogradGen.Tests.Support;
using F = AutogradGen.Functional;

namespace AutogradGen.Tests.Seeds;

/// <summary>
/// The seeds' own numbers that need the losses or the seeds' printed random values (the plain-tensor ones are in
/// Tensors/SeedNumberTests): where a seed drew random values, the test starts from the values it printed (or fixed
/// ones) and checks what it printed or the relation it teaches.
/// </summary>
public class SeedNumberTests
{
    [Fact]
    public void Seed000_vector_jacobian_product_from_the_printed_x_prints_the_seeds_gradient()
    {
        // x is the seed's printed (rounded) x, so z differs in its last digit; the gradient prints as the seed's.
        var x = Tensor.From([1.2630f, -1.5445f, -2.4180f], requiresGrad: true);
        var y = x + 2;
        var z = y * y * 2;
        Assert.Equal("tensor([ 3.2630,  0.4555, -0.4180], grad_fn=<AddBackward0>)", y.ToString());
        z.Backward(Tensor.From([0.1f, 1.0f, 0.01f]));
        Assert.Equal("tensor([ 1.3052,  1.8220, -0.0167])", x.Grad!.ToString());
    }

    [Fact]
    public void Seed001_vector_jacobian_product_of_repeated_doubling_is_a_power_of_two_times_v()
    {
        // The seed's y = [429.5515, 194.7347, 1144.1230] is x doubled 11 times; its gradient printed 2^11 v.
        var x = Tensor.From([429.5515f / 2048, 194.7347f / 2048, 1144.1230f / 2048], requiresGrad: true);
        var y = x * 2;
        while (y.Data.Norm().Item() < 1000) y *= 2;
        Assert.Equal("tensor([ 429.5515,  194.7347, 1144.1230], grad_fn=<MulBackward0>)", y.ToString());
        y.Backward(Tensor.From([0.1f, 1.0f, 0.0001f]));
        Assert.Equal("tensor([2.0480e+02, 2.0480e+03, 2.0480e-01])", x.Grad!.ToString());
    }

    [Fact]
    public void Seed002_backward_with_an_integer_vector_gives_two_four_six()
    {
        var x = Tensor.Randn([3], requiresGrad: true, generator: new RandomGenerator(5));
        (x * 2).Backward(Tensor.From([1, 2, 3]));
        Assert.Equal("tensor([2., 4., 6.])", x.Grad!.ToString());
    }

    /// <summary>Seed 003's network with a fixed w and a b chosen so that sigmoid(z)/3 is the gradient the seed printed.</summary>
    private static (Tensor W, Tensor B, Tensor Z) Seed003Network()
    {
        double[] printed = [0.0352, 0.0399, 0.2644];
        var w = Tensor.From(new float[,] { { 0.3f, -0.1f, 0.2f }, { -0.5f, 0.4f, 0.1f }, { 0.2f, 0.2f, -0.3f }, { 0.1f, -0.6f, 0.5f }, { -0.2f, 0.3f, 0.1f } }, requiresGrad: true);
        var bias = new float[3];
        for (int j = 0; j < 3; j++)
        {
            double s = 3 * printed[j];
            double columnSum = 0;
            for (int i = 0; i < 5; i++) columnSum += w.ToArray()[(i * 3) + j];
            bias[j] = (float)(Math.Log(s / (1 - s)) - columnSum);
        }
        var b = Tensor.From(bias, requiresGrad: true);
        var z = Tensor.Ones([5]).MatMul(w) + b;
        return (w, b, z);
    }

    [Fact]
    public void Seed003_weight_gradient_rows_all_equal_sigmoid_of_z_over_three()
    {
        var (w, _, z) = Seed003Network();
        F.BinaryCrossEntropyWithLogits(z, Tensor.Zeros([3])).Backward();
        var expected = z.Detach().Sigmoid().ToArray();
        var grad = w.Grad!.ToArray();
        for (int row = 0; row < 5; row++)
        {
            for (int column = 0; column < 3; column++) Assert.Equal(expected[column] / 3, grad[(row * 3) + column], 7);
        }
    }

    [Fact]
    public void Seed003_bias_gradient_equals_sigmoid_of_z_over_three()
    {
        var (_, b, z) = Seed003Network();
        F.BinaryCrossEntropyWithLogits(z, Tensor.Zeros([3])).Backward();
        var expected = z.Detach().Sigmoid().ToArray();
        TensorAssert.Equal([expected[0] / 3, expected[1] / 3, expected[2] / 3], b.Grad, precision: 7);
    }

    [Fact]
    public void Seed003_gradients_print_as_the_seed_printed()
    {
        var (w, b, z) = Seed003Network();
        var loss = F.BinaryCrossEntropyWithLogits(z, Tensor.Zeros([3]));
        Assert.Equal("<BinaryCrossEntropyWithLogitsBackward0 object>", loss.GradFn!.ToString());
        Assert.Equal("<AddBackward0 object>", z.GradFn!.ToString());
        loss.Backward();
        Assert.Equal("tensor([0.0352, 0.0399, 0.2644])", b.Grad!.ToString());
        Assert.Equal(
            "tensor([[0.0352, 0.0399, 0.2644],\n        [0.0352, 0.0399, 0.2644],\n        [0.0352, 0.0399, 0.2644],\n"
            + "        [0.0352, 0.0399, 0.2644],\n        [0.0352, 0.0399, 0.2644]])",
            w.Grad!.ToString());
    }

    [Fact]
    public void Seed004_derivative_of_x_squared_at_one_is_two()
    {
        var x = Tensor.From([1f]);
        x.RequiresGrad = true;
        x.Pow(2).Backward();
        Assert.Equal("tensor([2.])", x.Grad!.ToString());
    }

    [Fact]
    public void Seed004_no_grad_result_does_not_require_grad_and_cannot_backward()
    {
        var x = Tensor.Scalar(1.0, requiresGrad: true);
        Tensor y;
        using (Autograd.NoGrad()) y = x.Pow(2);
        Assert.False(y.RequiresGrad);
        Assert.Equal("tensor(1.)", y.ToString());
        var error = Assert.Throws<AutogradException>(() => y.Backward());
        Assert.Equal("element 0 of tensors does not require grad and does not have a grad_fn", error.Message);
    }
}
