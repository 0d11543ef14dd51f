namespace AutogradGen.Tests.Kernels;

/// <summary>
/// The one-pass activation gradients give bit for bit what the composite formulas give (the backward nodes use one
/// or the other depending on whether the pass is recorded), on odd lengths so the vector loop's tail runs, with
/// zeros, negative zeros, NaN and infinities among the values.
/// </summary>
public class ActivationGradientKernelTests
{
    public static TheoryData<int, DType> Cases => new()
    {
        { 1, DType.Float32 }, { 7, DType.Float32 }, { 65, DType.Float32 }, { 257, DType.Float32 },
        { 1, DType.Float64 }, { 7, DType.Float64 }, { 63, DType.Float64 }, { 257, DType.Float64 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fused_gradients_equal_the_composite_formulas(int length, DType dtype)
    {
        var (grad, result) = Operands(length, dtype);
        Check(ActivationGradient.Tanh, grad, result, grad * (1 - (result * result)));
        Check(ActivationGradient.Sigmoid, grad, result, grad * result * (1 - result));
    }

    [Fact]
    public void Recorded_passes_take_the_composite_formula()
    {
        var grad = Tensor.From([1.0, 2.0], requiresGrad: true);
        Assert.False(Tensor.TryActivationGradient(ActivationGradient.Tanh, grad, Tensor.From([0.5, 0.25]), out var fused));
        Assert.Null(fused);
    }

    [Fact]
    public void Backward_through_tanh_sigmoid_and_relu_matches_the_formulas()
    {
        double[] values = [-1.5, -0.0, 0.0, 0.3, 2.0, 40.0];
        var plain = Tensor.From(values);
        var t = plain.Tanh();
        var s = plain.Sigmoid();
        var ones = Tensor.From(new double[values.Length]) + 1;
        Assert.Equal((ones * (1 - (t * t))).ToArray(), GradientOf(x => x.Tanh()));
        Assert.Equal((ones * s * (1 - s)).ToArray(), GradientOf(x => x.Sigmoid()));
        Assert.Equal((ones * plain.Gt(0).To(DType.Float64)).ToArray(), GradientOf(x => x.Relu()));

        double[] GradientOf(Func<Tensor, Tensor> activation)
        {
            var x = Tensor.From(values, requiresGrad: true);
            activation(x).Sum().Backward();
            return x.Grad!.ToArray();
        }
    }

    private static void Check(ActivationGradient kind, Tensor grad, Tensor result, Tensor composite)
    {
        Assert.True(Tensor.TryActivationGradient(kind, grad, result, out var fused));
        var expected = composite.To(DType.Float64).ToArray();
        var actual = fused!.To(DType.Float64).ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            // Equal bit patterns (so -0 against 0 and NaN against NaN are told apart and matched).
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"{kind} entry {i}: {actual[i]} against {expected[i]}");
        }
    }

    private static (Tensor Grad, Tensor Result) Operands(int length, DType dtype)
    {
        var grad = new double[length];
        var result = new double[length];
        double[] specials = [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.0, -1.0];
        for (int i = 0; i < length; i++)
        {
            grad[i] = i % 11 == 3 ? specials[i % specials.Length] : Math.Sin(i * 1.7) * 3;
            result[i] = i % 13 == 5 ? specials[(i / 13) % specials.Length] : Math.Cos(i * 0.9);
        }
        return (Tensor.From(grad).To(dtype), Tensor.From(result).To(dtype));
    }
}
