using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Operations;

/// <summary>
/// A number on one side of + - * with a floating tensor skips the wrapped 0-d tensor: each case is compared with the
/// general path, which the same operation takes when the number is given as a 0-d tensor of the tensor's dtype.
/// </summary>
public class NumberOperandTests
{
    public static TheoryData<DType, int[]> FloatingShapes => new()
    {
        { DType.Float64, [] },
        { DType.Float64, [3] },
        { DType.Float32, [] },
        { DType.Float32, [2, 3] },
    };

    private static Tensor Sample(DType dtype, int[] shape, bool requiresGrad = false)
    {
        int count = 1;
        foreach (int size in shape) count *= size;
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = 0.3 + 1.7 * i;
        var tensor = Tensor.From(values, shape).To(dtype);
        if (requiresGrad) tensor.RequiresGrad = true;
        return tensor;
    }

    private static Tensor Wrapped(double number, DType dtype) => Tensor.Scalar(number, dtype: dtype);

    [Theory]
    [MemberData(nameof(FloatingShapes))]
    public void Multiplying_by_a_number_matches_multiplying_by_a_wrapped_number_bit_for_bit(DType dtype, int[] shape)
    {
        var x = Sample(dtype, shape);
        var direct = x * 0.1;
        var general = x * Wrapped(0.1, dtype);
        Assert.Equal(general.DType, direct.DType);
        Assert.Equal(general.Shape, direct.Shape);
        Assert.Equal(general.ToArray(), direct.ToArray());
    }

    [Theory]
    [MemberData(nameof(FloatingShapes))]
    public void Adding_a_number_matches_adding_a_wrapped_number_bit_for_bit(DType dtype, int[] shape)
    {
        var x = Sample(dtype, shape);
        var direct = x + 0.1;
        var general = x + Wrapped(0.1, dtype);
        Assert.Equal(general.DType, direct.DType);
        Assert.Equal(general.Shape, direct.Shape);
        Assert.Equal(general.ToArray(), direct.ToArray());
    }

    [Theory]
    [MemberData(nameof(FloatingShapes))]
    public void Subtracting_a_number_matches_subtracting_a_wrapped_number_bit_for_bit(DType dtype, int[] shape)
    {
        var x = Sample(dtype, shape);
        var direct = x - 0.1;
        var general = x - Wrapped(0.1, dtype);
        Assert.Equal(general.DType, direct.DType);
        Assert.Equal(general.ToArray(), direct.ToArray());
    }

    [Theory]
    [MemberData(nameof(FloatingShapes))]
    public void Gradients_through_number_operands_match_the_general_path(DType dtype, int[] shape)
    {
        var direct = Sample(dtype, shape, requiresGrad: true);
        ((direct * 0.7 + 0.2 - 1.5) * direct).Sum().Backward();
        var general = Sample(dtype, shape, requiresGrad: true);
        ((general * Wrapped(0.7, dtype) + Wrapped(0.2, dtype) - Wrapped(1.5, dtype)) * general).Sum().Backward();
        Assert.Equal(general.Grad!.DType, direct.Grad!.DType);
        Assert.Equal(general.Grad.ToArray(), direct.Grad.ToArray());
    }

    [Fact]
    public void Number_operands_record_the_nodes_pytorch_records_with_no_edge_for_the_number()
    {
        var x = Tensor.Scalar(2, requiresGrad: true, dtype: DType.Float64);
        var product = x * 3;
        var sum = x + 3;
        var difference = x - 3;
        Assert.Equal(["MulBackward0", "AddBackward0", "SubBackward0"], new[] { product.GradFn!.Name, sum.GradFn!.Name, difference.GradFn!.Name });
        foreach (var result in new[] { product, sum, difference })
        {
            Assert.Equal(2, result.GradFn!.NextFunctions.Count);
            Assert.IsType<AccumulateGrad>(result.GradFn.NextFunctions[0].Node);
            Assert.Null(result.GradFn.NextFunctions[1].Node);
        }
    }

    [Fact]
    public void A_number_operand_on_a_tensor_that_does_not_require_grad_records_nothing()
    {
        var x = Tensor.Scalar(2, dtype: DType.Float64);
        var result = x * 3 + 1 - 0.5;
        Assert.False(result.RequiresGrad);
        Assert.Null(result.GradFn);
        Assert.Equal(6.5, result.Item());
    }

    [Fact]
    public void Multiplying_by_a_number_twice_differentiates_to_the_number_under_create_graph()
    {
        var x = Tensor.Scalar(1.5, requiresGrad: true, dtype: DType.Float64);
        var y = x * x * 3;
        var firstDerivative = Autograd.Grad(y, x, createGraph: true)[0]!;
        Assert.Equal(9, firstDerivative.Item());
        var secondDerivative = Autograd.Grad(firstDerivative, x)[0]!;
        Assert.Equal(6, secondDerivative.Item());
    }

    [Fact]
    public void A_float64_gradient_from_a_hook_on_a_float32_product_gives_the_general_paths_result()
    {
        // A hook may hand the node a gradient of another dtype; the wrapped Float32 number held 0.1 rounded to Float32.
        var x = Tensor.Scalar(1, requiresGrad: true);
        var y = x * 0.1;
        y.RegisterHook(grad => grad.To(DType.Float64));
        var direct = Autograd.Grad(y, x)[0]!;
        var xGeneral = Tensor.Scalar(1, requiresGrad: true);
        var yGeneral = xGeneral * Tensor.Scalar(0.1);
        yGeneral.RegisterHook(grad => grad.To(DType.Float64));
        var general = Autograd.Grad(yGeneral, xGeneral)[0]!;
        Assert.Equal(general.ToArray(), direct.ToArray());
        Assert.Equal((double)0.1f, direct.Item(), 7);
    }

    [Fact]
    public void An_integer_tensor_times_a_fraction_still_takes_the_fraction_dtype()
    {
        var counts = Tensor.From([1L, 2L, 3L]);
        var scaled = counts * 0.5;
        Assert.Equal(DType.Float32, scaled.DType);
        Assert.Equal([0.5, 1, 1.5], scaled.ToArray());
    }

    [Fact]
    public void An_integer_tensor_plus_a_whole_number_stays_integer()
    {
        var counts = Tensor.From([1L, 2L]);
        var shifted = counts + 2;
        Assert.Equal(DType.Int64, shifted.DType);
        Assert.Equal([3, 4], shifted.ToArray());
    }

    [Fact]
    public void A_bool_tensor_minus_a_number_is_still_refused()
    {
        var mask = Tensor.From([true, false]);
        var error = Assert.Throws<InvalidOperationException>(() => mask - 1);
        Assert.StartsWith("Subtraction, the `-` operator, with a bool tensor is not supported.", error.Message);
    }

    [Fact]
    public void Saved_number_factor_needs_no_saved_tensor_so_an_in_place_change_of_the_input_is_allowed()
    {
        // PyTorch's MulBackward0 for tensor * number saves only the number: changing self afterwards is fine.
        var x = Tensor.From([1.0, 2.0], requiresGrad: true);
        var y = x * 1;
        var z = y * 4;
        y.Add_(10);
        z.Sum().Backward();
        TensorAssert.Equal([4, 4], x.Grad);
    }
}
