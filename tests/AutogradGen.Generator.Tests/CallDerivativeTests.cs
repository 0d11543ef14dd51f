using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Functions;
using static AutogradGen.Generator.Tests.Checking.Cases;

namespace AutogradGen.Generator.Tests;

/// <summary>Compile-and-run: calls to other [Differentiable] methods and to user-supplied derivatives.</summary>
public class CallDerivativeTests
{
    private static readonly double[] s_weights = [0.5, -1.25, 2.0, 0.75];

    private static readonly Dictionary<string, DerivativeCase> s_cases = new DerivativeCase[]
    {
        Two("CallsScalar", CallFunctions.CallsScalar, CallFunctions.CallsScalarGradient, CallFunctions.CallsScalarDerivative),
        Span("CallsWithSpans", 4, CallFunctions.CallsWithSpans, CallFunctions.CallsWithSpansGradient, CallFunctions.CallsWithSpansDerivative),
        Span("CallsInsideLoop", 4, CallFunctions.CallsInsideLoop, CallFunctions.CallsInsideLoopGradient, CallFunctions.CallsInsideLoopDerivative),
        Span("CallsWithInactiveSpan", 4, v => CallFunctions.CallsWithInactiveSpan(v, s_weights),
            (v, dv) => CallFunctions.CallsWithInactiveSpanGradient(v, s_weights, dv),
            (v, dv) => CallFunctions.CallsWithInactiveSpanDerivative(v, s_weights, dv)),
        Two("CallsUserDerivative", CallFunctions.CallsUserDerivative, CallFunctions.CallsUserDerivativeGradient, CallFunctions.CallsUserDerivativeDerivative),
        Span("CallsUserDerivativeWithSpan", 3, CallFunctions.CallsUserDerivativeWithSpan, CallFunctions.CallsUserDerivativeWithSpanGradient, CallFunctions.CallsUserDerivativeWithSpanDerivative),
    }.ToDictionary(c => c.Name);

    public static TheoryData<string> Names => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_central_finite_differences(string function) =>
        DerivativeChecker.GradientMatchesFiniteDifferences(s_cases[function]);

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_mode_equals_the_gradient_dotted_with_the_direction(string function) =>
        DerivativeChecker.ForwardModeMatchesGradientDotDirection(s_cases[function]);

    [Fact]
    public void A_parameter_the_callee_does_not_differentiate_passes_no_derivative()
    {
        // ScaledBy differentiates x only: the product x*y reaches it through x, the constant 3 through factor.
        CallFunctions.CallsPartiallyDifferentiatedGradient(2, 5, out var dx, out var dy);
        Assert.Equal((15.0, 7.0), (dx, dy));
    }

    [Fact]
    public void A_user_derivative_is_used_in_place_of_the_opaque_method()
    {
        // d/dx softplus(x*y)*y = sigmoid(x*y) * y * y.
        CallFunctions.CallsUserDerivativeGradient(0.5, 2, out var dx, out _);
        Assert.Equal(1 / (1 + Math.Exp(-1.0)) * 4, dx, 1e-15);
    }

    [Fact]
    public void Calls_no_derivative_flows_through_need_no_derivative()
    {
        // GuardedLog = log(1 + x²)·|w|·2 + y·softplus(stop(y)), with |w| = 5 for w = (3, 4).
        double x = 0.5, y = -0.25;
        var value = CallsWithoutDerivatives.GuardedLogGradient(x, y, [3.0, 4.0], out var dx, out var dy);
        Assert.Equal(CallsWithoutDerivatives.GuardedLog(x, y, [3.0, 4.0]), value);
        Assert.Equal(2 * x / (1 + x * x) * 10, dx, 1e-14);
        Assert.Equal(OpaqueLibrary.Softplus(y), dy, 1e-15);
    }
}
