using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Overloads whose twins would clash get numbered twins ({Name}Tape, {Name}Tape2 in declaration order), and a
/// caller's twin calls the twin of the overload the original calls, so each twin computes its own method.
/// </summary>
public class TapeTwinOverloadTests
{
    [Fact]
    public void Each_overload_has_its_own_twin_and_callers_twins_call_the_right_one()
    {
        var x = Tensor.Scalar(0.5f, requiresGrad: true);
        var floatCaller = OverloadFunctions.UsesFloatOverloadTape(x);
        floatCaller.Backward();
        float expected = OverloadFunctions.UsesFloatOverloadGradient(0.5f, out float gradient);
        Assert.Equal(expected, floatCaller.Item(), 6);
        Assert.Equal(gradient, x.Grad!.Item(), 5);

        var y = Tensor.Scalar(0.5, requiresGrad: true, dtype: DType.Float64);
        var doubleCaller = OverloadFunctions.UsesDoubleOverloadTape(y);
        doubleCaller.Backward();
        Assert.Equal(2 * 0.25 + 0.5, doubleCaller.Item(), 12);
        Assert.Equal(4 * 0.5 + 1, y.Grad!.Item(), 12);

        Assert.Equal(3 * 0.125, OverloadFunctions.ScaledTape2(Tensor.Scalar(0.5f)).Item(), 6);
        Assert.Equal(2 * 0.25, OverloadFunctions.ScaledTape(Tensor.Scalar(0.5, dtype: DType.Float64)).Item(), 12);
    }
}
