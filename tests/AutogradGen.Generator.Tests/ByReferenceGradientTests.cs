using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Issue 10, item 6 in reverse mode: a [Differentiable] helper with ref/out parameters gets {Name}Gradient of its own
/// (Emit/ByReferenceReverse.cs). A ref parameter's gradient goes in as the adjoint of its final value and comes out as
/// the gradient with respect to its initial value; an out parameter's adjoint goes in only; the value's adjoint is 1.
/// Checked against central differences of value + Σ adjoint · result, and against forward mode.
/// </summary>
public class ByReferenceGradientTests
{
    private const double H = 1e-6;

    /// <summary>a·x + b·v after one step from (x0, v0) with k and dt.</summary>
    private static double WeightedStep(double a, double b, double x0, double v0, double k, double dt)
    {
        double x = x0, v = v0;
        ByReferenceFunctions.Step(ref x, ref v, k, dt);
        return a * x + b * v;
    }

    [Theory]
    [InlineData(0.7, -0.3, 2.0, 0.1, 1.0, 0.0)]
    [InlineData(-1.2, 0.8, 0.5, 0.25, 0.3, -2.0)]
    public void A_void_step_by_ref_advances_the_values_and_turns_the_final_adjoints_into_initial_gradients(double x0, double v0, double k, double dt, double a, double b)
    {
        double x = x0, v = v0, xGradient = a, vGradient = b;
        ByReferenceFunctions.StepGradient(ref x, ref v, k, dt, ref xGradient, ref vGradient, out var kGradient, out var dtGradient);

        double ex = x0, ev = v0;
        ByReferenceFunctions.Step(ref ex, ref ev, k, dt);
        Assert.Equal(ex, x, 15);
        Assert.Equal(ev, v, 15);
        Assert.Equal(Central(h => WeightedStep(a, b, x0 + h, v0, k, dt)), xGradient, 8);
        Assert.Equal(Central(h => WeightedStep(a, b, x0, v0 + h, k, dt)), vGradient, 8);
        Assert.Equal(Central(h => WeightedStep(a, b, x0, v0, k + h, dt)), kGradient, 8);
        Assert.Equal(Central(h => WeightedStep(a, b, x0, v0, k, dt + h)), dtGradient, 8);
    }

    [Theory]
    [InlineData(0.7, -0.3, 2.0, 0.1)]
    [InlineData(-1.2, 0.8, 0.5, 0.25)]
    public void Reverse_mode_of_a_ref_step_agrees_with_its_forward_mode(double x0, double v0, double k, double dt)
    {
        // ⟨x̄, J·ẋ⟩ = ⟨Jᵀ·x̄, ẋ⟩ for the adjoints (0.4, -1.5) and the tangents below.
        double[] tangent = [0.3, -0.7, 1.1, 0.4];
        double x = x0, v = v0, xTangent = tangent[0], vTangent = tangent[1];
        ByReferenceFunctions.StepDerivative(ref x, ref v, k, dt, ref xTangent, ref vTangent, tangent[2], tangent[3]);
        double rx = x0, rv = v0, xGradient = 0.4, vGradient = -1.5;
        ByReferenceFunctions.StepGradient(ref rx, ref rv, k, dt, ref xGradient, ref vGradient, out var kGradient, out var dtGradient);
        var forward = 0.4 * xTangent - 1.5 * vTangent;
        var reverse = xGradient * tangent[0] + vGradient * tangent[1] + kGradient * tangent[2] + dtGradient * tangent[3];
        Assert.Equal(forward, reverse, 13);
    }

    [Theory]
    [InlineData(0.4, 1.5, 0.0)]
    [InlineData(-2.0, 0.25, 3.0)]
    public void An_out_result_takes_its_adjoint_in_and_the_value_its_own_adjoint_of_one(double x, double s, double yAdjoint)
    {
        var value = ByReferenceFunctions.SplitGradient(x, s, out var y, out var xGradient, out var sGradient, yAdjoint);
        Assert.Equal(ByReferenceFunctions.Split(x, s, out var expectedY), value, 15);
        Assert.Equal(expectedY, y, 15);
        // value = x² + y, y = sin(x)·s: ∂(value + ȳ·y)/∂x = 2x + (1 + ȳ)·cos(x)·s, ∂/∂s = (1 + ȳ)·sin(x).
        Assert.Equal(2 * x + (1 + yAdjoint) * Math.Cos(x) * s, xGradient, 12);
        Assert.Equal((1 + yAdjoint) * Math.Sin(x), sGradient, 12);
    }

    [Theory]
    [InlineData(0.05, 0)]
    [InlineData(2.0, 1)]
    public void An_early_return_passes_the_adjoint_through_and_an_int_ref_is_advanced(double x0, int expectedSteps)
    {
        double x = x0, xGradient = 0.5;
        var steps = 0;
        ByReferenceFunctions.ShrinkGradient(ref x, ref steps, 0.9, ref xGradient, out var factorGradient);
        Assert.Equal(expectedSteps, steps);
        if (expectedSteps == 0)
        {
            Assert.Equal(x0, x);
            Assert.Equal(0.5, xGradient);
            Assert.Equal(0.0, factorGradient);
        }
        else
        {
            Assert.Equal(Math.Sqrt(x0) * 0.9, x, 15);
            Assert.Equal(0.5 * 0.9 * 0.5 / Math.Sqrt(x0), xGradient, 13);
            Assert.Equal(0.5 * Math.Sqrt(x0), factorGradient, 13);
        }
    }

    [Fact]
    public void A_ref_parameter_left_out_of_the_list_still_passes_its_gradient_through()
    {
        // x ← x·scale + offset, only scale named: x̄₀ = x̄·scale, ∂/∂scale = x̄·x₀; offset carries none.
        double x = 2.0, xGradient = 1.5;
        ByReferenceFunctions.ScaleGradient(ref x, 3.0, 0.5, ref xGradient, out var scaleGradient);
        Assert.Equal(6.5, x);
        Assert.Equal(4.5, xGradient, 15);
        Assert.Equal(3.0, scaleGradient, 15);
    }

    [Theory]
    [InlineData(0.8, 1.3, 1.0, 0.0)]
    [InlineData(-0.5, 0.7, -0.5, 2.0)]
    public void A_helper_calling_a_user_derivative_and_a_differentiable_method_in_a_loop_matches_central_differences(double x0, double k, double xAdjoint, double energyAdjoint)
    {
        double Weighted(double x, double kk)
        {
            var value = CallFunctions.Relax(ref x, kk, out var energy);
            return value + xAdjoint * x + energyAdjoint * energy;
        }

        double x = x0, xGradient = xAdjoint;
        var value = CallFunctions.RelaxGradient(ref x, k, out var energy, ref xGradient, out var kGradient, energyAdjoint);
        double ex = x0;
        Assert.Equal(CallFunctions.Relax(ref ex, k, out var expectedEnergy), value, 15);
        Assert.Equal(ex, x, 15);
        Assert.Equal(expectedEnergy, energy, 15);
        Assert.Equal(Central(h => Weighted(x0 + h, k)), xGradient, 7);
        Assert.Equal(Central(h => Weighted(x0, k + h)), kGradient, 7);
    }

    [Fact]
    public void The_gradient_of_a_ref_step_allocates_nothing()
    {
        double x = 0.5, v = 0.1, xGradient = 1, vGradient = 0;
        for (var i = 0; i < 3; i++)
        {
            ByReferenceFunctions.StepGradient(ref x, ref v, 2, 0.1, ref xGradient, ref vGradient, out _, out _);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            ByReferenceFunctions.StepGradient(ref x, ref v, 2, 0.1, ref xGradient, ref vGradient, out _, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static double Central(Func<double, double> f) => (f(H) - f(-H)) / (2 * H);
}
