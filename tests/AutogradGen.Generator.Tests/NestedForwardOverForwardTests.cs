using AutogradGen.CompilerServices;
using AutogradGen.Generator.Tests.Functions;
using N = AutogradGen.Generator.Tests.Functions.NestedFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Forward over forward (GradBench's ff): a SecondOrder method whose body calls no other method gets
/// <c>{Name}TangentDerivative</c>, its Derivative on dual numbers, and a forward-mode caller's nested
/// <c>FDerivative(...).Derivative</c> runs it (<c>{F}NestedDirectionalDerivative</c>) instead of the dual pullback.
/// </summary>
public class NestedForwardOverForwardTests
{
    private static void Close(double expected, double actual, double tolerance = 1e-12) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * (1 + Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Theory]
    [InlineData(0.3, -0.4, 1.0, 0.0, 0.2, 0.9)]
    [InlineData(-1.1, 0.7, 0.5, -2.0, 1.3, -0.6)]
    public void The_dual_derivative_carries_d_transposed_H_t_plus_the_gradient_times_d_prime(double x, double y, double dx, double dy, double tx, double ty)
    {
        Span<double> h = stackalloc double[4];
        SecondOrderFunctions.BealeHessian(x, y, h);
        SecondOrderFunctions.BealeGradient(x, y, out var gx, out var gy);
        var (value, derivative) = SecondOrderFunctions.BealeTangentDerivative(new Dual(x, tx), new Dual(y, ty), new Dual(dx, 0.25), new Dual(dy, -0.5));
        Close(SecondOrderFunctions.Beale(x, y), value.Value);
        Close(gx * tx + gy * ty, value.Tangent);
        Close(gx * dx + gy * dy, derivative.Value);
        var dHt = dx * (h[0] * tx + h[1] * ty) + dy * (h[2] * tx + h[3] * ty);
        Close(dHt + gx * 0.25 - gy * 0.5, derivative.Tangent, 1e-10);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    public void Forward_over_forward_and_reverse_over_reverse_agree_on_particle(double w)
    {
        // ParticleByDerivatives reads PotentialDerivative(...).Derivative: its Derivative nests forward over forward.
        N.ParticleGradient(w, out var rr);
        Close(rr, N.ParticleByDerivativesDerivative(w, 1).Derivative, 1e-10);
    }

    [Theory]
    [InlineData(0.3, -0.4)]
    [InlineData(-0.8, 1.2)]
    public void A_method_calling_other_methods_and_user_derivatives_has_the_same_dual_derivative(double x, double y)
    {
        // Calls calls other SecondOrder methods (its forward mode on duals calls theirs); the user-derivative
        // functions' TangentDerivative runs the dual pullback. Both against the Hessian.
        Span<double> h = stackalloc double[4];
        SecondOrderFunctions.CallsHessian(x, y, h);
        SecondOrderFunctions.CallsGradient(x, y, out var gx, out var gy);
        var (_, derivative) = SecondOrderFunctions.CallsTangentDerivative(new Dual(x, 0.4), new Dual(y, -1.1), new Dual(1.0, 0.3), new Dual(0.5, 0.0));
        Close(gx + 0.5 * gy, derivative.Value);
        Close(1.0 * (h[0] * 0.4 - h[1] * 1.1) + 0.5 * (h[2] * 0.4 - h[3] * 1.1) + 0.3 * gx, derivative.Tangent, 1e-10);
    }
}
