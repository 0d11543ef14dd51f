using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Tensors;

/// <summary>The first example, end to end.</summary>
public class QuickstartTests
{
    [Fact]
    public void Mean_of_three_times_x_plus_two_squared_has_gradient_four_and_a_half()
    {
        var x = Tensor.Ones([2, 2], requiresGrad: true);
        var y = x + 2;
        var z = y * y * 3;
        var output = z.Mean();
        output.Backward();
        Assert.Equal("AddBackward0", y.GradFn!.Name);
        TensorAssert.Equal([4.5, 4.5, 4.5, 4.5], x.Grad, shape: [2, 2]);
    }
}
