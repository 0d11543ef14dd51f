using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Helpers with ref/out parameters and void helpers, inlined at their calls: values and derivatives against closed
/// forms in both modes, the reverse sweep restoring what a callee overwrote through ref, and no allocation per call.
/// </summary>
public class RefHelperTests
{
    [Theory]
    [InlineData(0.7, 1.0)]
    [InlineData(-1.3, 2.0)]
    public void An_rk4_step_by_ref_follows_the_exponential_and_its_derivatives(double x0, double rate)
    {
        // RK4 with step h applies the same polynomial factor each step: x₂₀ = x₀·p(rate·h)²⁰, p(z) = 1 − z + z²/2 − z³/6 + z⁴/24.
        const double H = 0.05;
        var z = rate * H;
        var p = 1 - z + (z * z / 2) - (z * z * z / 6) + (z * z * z * z / 24);
        var dp = (-1 + z - (z * z / 2) + (z * z * z / 6)) * H;
        var value = RefHelperFunctions.Rk4ExponentialGradient(x0, rate, out var dx0, out var drate);
        Assert.Equal(x0 * Math.Pow(p, 20), value, 12);
        Assert.Equal(Math.Pow(p, 20), dx0, 12);
        Assert.Equal(x0 * 20 * Math.Pow(p, 19) * dp, drate, 12);
        Assert.Equal(dx0, RefHelperFunctions.Rk4ExponentialDerivative(x0, rate, 1, 0).Derivative, 12);
        Assert.Equal(drate, RefHelperFunctions.Rk4ExponentialDerivative(x0, rate, 0, 1).Derivative, 12);
        Assert.Equal(x0 * Math.Exp(-rate), value, 6);
    }

    [Fact]
    public void Two_out_results_give_the_gradient_of_r_squared()
    {
        var value = RefHelperFunctions.RadiusSquaredGradient(1.5, 0.4, out var dr, out var dtheta);
        Assert.Equal(2.25, value, 12);
        Assert.Equal(3.0, dr, 12);
        Assert.Equal(0.0, dtheta, 12);
        Assert.Equal(3.0, RefHelperFunctions.RadiusSquaredDerivative(1.5, 0.4, 1, 0).Derivative, 12);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(-1.1)]
    public void The_reverse_sweep_restores_every_value_a_callee_overwrote_through_ref(double x)
    {
        var value = RefHelperFunctions.RepeatedSquaringGradient(x, out var dx);
        Assert.Equal(Math.Pow(x, 8), value, 12);
        Assert.Equal(8 * Math.Pow(x, 7), dx, 12);
        Assert.Equal(dx, RefHelperFunctions.RepeatedSquaringDerivative(x, 1).Derivative, 12);
        var xTensor = Tensor.Scalar(x, requiresGrad: true, dtype: DType.Float64);
        RefHelperFunctions.RepeatedSquaringTape(xTensor).Backward();
        Assert.Equal(dx, xTensor.Grad!.Item(), 12);
    }

    [Fact]
    public void A_void_helper_writing_through_a_span_gives_the_derivative_of_the_power_sum()
    {
        const double X = 0.6;
        var value = RefHelperFunctions.PowerSumGradient(X, out var dx);
        Assert.Equal(1 + X + (X * X) + (X * X * X) + (X * X * X * X), value, 12);
        Assert.Equal(1 + (2 * X) + (3 * X * X) + (4 * X * X * X), dx, 12);
        Assert.Equal(dx, RefHelperFunctions.PowerSumDerivative(X, 1).Derivative, 12);
    }

    [Fact]
    public void An_instance_void_helper_called_on_this_reads_the_objects_fields()
    {
        var model = new DecayModel { Rate = 0.25 };
        var value = model.SimulateGradient(2.0, out var dx);
        Assert.Equal(2.0 * Math.Pow(0.75, 4), value, 12);
        Assert.Equal(Math.Pow(0.75, 4), dx, 12);
        Assert.Equal(dx, model.SimulateDerivative(2.0, 1).Derivative, 12);
    }

    [Fact]
    public void Inlined_ref_helpers_allocate_nothing_in_either_mode()
    {
        AssertNoAllocation(() => RefHelperFunctions.Rk4ExponentialGradient(0.7, 1.0, out _, out _));
        AssertNoAllocation(() => RefHelperFunctions.Rk4ExponentialDerivative(0.7, 1.0, 1, 0).Derivative);
        AssertNoAllocation(() => RefHelperFunctions.RadiusSquaredGradient(1.5, 0.4, out _, out _));
        AssertNoAllocation(() => RefHelperFunctions.RepeatedSquaringGradient(0.9, out _));
        AssertNoAllocation(() => RefHelperFunctions.PowerSumGradient(0.6, out _));
        AssertNoAllocation(() => RefHelperFunctions.PowerSumDerivative(0.6, 1).Derivative);
    }

    private static void AssertNoAllocation(Func<double> call)
    {
        var sink = 0.0;
        for (var i = 0; i < 5; i++)
        {
            sink += call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            sink += call();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated over 50 calls (sink {sink}).");
    }
}

/// <summary>Aliasing and helpers of other types and files.</summary>
public class RefHelperAliasingTests
{
    [Fact]
    public void The_same_variable_passed_twice_by_ref_aliases_as_in_CSharp()
    {
        // Swap(a, a) changes nothing; then two swaps put a and b back: the result is a·b².
        var value = RefHelperFunctions.SelfSwapGradient(0.5, 1.5, out var da, out var db);
        Assert.Equal(0.5 * 1.5 * 1.5, value, 12);
        Assert.Equal(1.5 * 1.5, da, 12);
        Assert.Equal(2 * 0.5 * 1.5, db, 12);
        Assert.Equal(db, RefHelperFunctions.SelfSwapDerivative(0.5, 1.5, 0, 1).Derivative, 12);
    }

    [Fact]
    public void Out_arguments_into_array_elements_of_a_helper_in_another_file()
    {
        const double R = 1.2, T = 0.3;
        var value = RefHelperCallers.PolarIntoElementsGradient(R, T, out var dr, out var dt);
        Assert.Equal(Math.Pow(R * Math.Cos(T), 2) + (2 * R * Math.Sin(T)), value, 12);
        Assert.Equal((2 * R * Math.Cos(T) * Math.Cos(T)) + (2 * Math.Sin(T)), dr, 12);
        Assert.Equal((-2 * R * R * Math.Cos(T) * Math.Sin(T)) + (2 * R * Math.Cos(T)), dt, 12);
        Assert.Equal(dt, RefHelperCallers.PolarIntoElementsDerivative(R, T, 0, 1).Derivative, 12);
    }
}
