using AutogradGen.Tests.Support;

namespace AutogradGen.Tests.Operations;

/// <summary>Tan, Asin, Acos, Atan, Sinh, Cosh, Log2, Log10, Cbrt and Atan2: values, grad_fn names and backward rules.</summary>
public class MoreMathGradientTests
{
    public static TheoryData<string> Operations => [.. Unary.Keys];

    private static readonly Dictionary<string, (Func<Tensor, Tensor> Operation, Func<double, double> Reference, string GradFn)> Unary = new()
    {
        ["tan"] = (x => x.Tan(), Math.Tan, "TanBackward0"),
        ["asin"] = (x => (x * 0.3).Asin(), x => Math.Asin(x * 0.3), "AsinBackward0"),
        ["acos"] = (x => (x * 0.3).Acos(), x => Math.Acos(x * 0.3), "AcosBackward0"),
        ["atan"] = (x => x.Atan(), Math.Atan, "AtanBackward0"),
        ["sinh"] = (x => x.Sinh(), Math.Sinh, "SinhBackward0"),
        ["cosh"] = (x => x.Cosh(), Math.Cosh, "CoshBackward0"),
        ["log2"] = (x => (x.Abs() + 0.5).Log2(), x => Math.Log2(Math.Abs(x) + 0.5), "Log2Backward0"),
        ["log10"] = (x => (x.Abs() + 0.5).Log10(), x => Math.Log10(Math.Abs(x) + 0.5), "Log10Backward0"),
        ["cbrt"] = (x => x.Cbrt(), Math.Cbrt, "CbrtBackward0"),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Gradient_matches_central_differences(string operation)
    {
        var x = GradientCheck.Input([2, 3]);
        GradientCheck.AssertMatches(inputs => Unary[operation].Operation(inputs[0]), x);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Values_are_System_Math_values_element_by_element(string operation)
    {
        var x = GradientCheck.Input([2, 3]);
        var expected = x.ToArray().Select(Unary[operation].Reference).ToArray();
        TensorAssert.Equal(expected, Unary[operation].Operation(x));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void The_recorded_node_has_PyTorch_s_name(string operation)
    {
        var x = Tensor.From([0.25, 0.5], requiresGrad: true);
        Assert.Equal(Unary[operation].GradFn, Unary[operation].Operation(x).GradFn!.Name);
    }

    [Fact]
    public void Atan2_gradient_matches_central_differences_and_reduces_broadcasts()
    {
        var y = GradientCheck.Input([2, 3], offset: 1.2, scale: 0.5);
        var x = GradientCheck.Input([3], offset: -0.9, scale: 0.7);
        GradientCheck.AssertMatches(inputs => inputs[0].Atan2(inputs[1]), y, x);
    }

    [Fact]
    public void Atan2_takes_this_tensor_as_y_and_records_Atan2Backward0()
    {
        var y = Tensor.From([1.0, -1.0], requiresGrad: true);
        var x = Tensor.From([-1.0, -1.0]);
        var angle = y.Atan2(x);
        TensorAssert.Equal([Math.Atan2(1, -1), Math.Atan2(-1, -1)], angle);
        Assert.Equal("Atan2Backward0", angle.GradFn!.Name);
    }

    [Fact]
    public void Float32_inputs_compute_in_float32()
    {
        var x = Tensor.From([0.5f, 2f]);
        var y = x.Cbrt();
        Assert.Equal(DType.Float32, y.DType);
        Assert.Equal(MathF.Cbrt(2f), (float)y.ToArray()[1]);
    }

    [Fact]
    public void Cbrt_gradient_at_zero_is_infinite_as_the_generated_rule_s()
    {
        var x = Tensor.From([0.0], requiresGrad: true);
        x.Cbrt().Sum().Backward();
        Assert.Equal(double.PositiveInfinity, x.Grad!.ToArray()[0]);
    }
}
