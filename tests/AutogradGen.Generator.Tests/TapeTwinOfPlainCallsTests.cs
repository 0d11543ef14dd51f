using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// A call no derivative flows through (a NaN guard, a library call on constants) runs on plain values in the tape
/// twin, as it does in the derivative code, and the twin's gradient is the generated one.
/// </summary>
public class TapeTwinOfPlainCallsTests
{
    [Theory]
    [InlineData(0.7, -1.3)]
    [InlineData(-2.0, 0.4)]
    public void Guarded_log_twin_gives_the_generated_value_and_gradient(double x, double y)
    {
        double[] weights = [0.5, 1.5, 2.0];
        double value = CallsWithoutDerivatives.GuardedLogGradient(x, y, weights, out double dx, out double dy);

        var xTensor = Tensor.Scalar(x, requiresGrad: true, dtype: DType.Float64);
        var yTensor = Tensor.Scalar(y, requiresGrad: true, dtype: DType.Float64);
        var twin = CallsWithoutDerivatives.GuardedLogTape(xTensor, yTensor, weights);
        twin.Backward();

        Assert.Equal(value, twin.Item(), 12);
        Assert.Equal(dx, xTensor.Grad!.Item(), 12);
        Assert.Equal(dy, yTensor.Grad!.Item(), 12);
    }

    [Fact]
    public void Guarded_log_twin_takes_the_guard_on_a_nan_input_as_the_original_does()
    {
        var twin = CallsWithoutDerivatives.GuardedLogTape(
            Tensor.Scalar(double.NaN, requiresGrad: true, dtype: DType.Float64),
            Tensor.Scalar(1.0, requiresGrad: true, dtype: DType.Float64),
            [1.0]);

        Assert.Equal(0.0, twin.Item());
    }
}
