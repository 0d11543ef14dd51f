using N = AutogradGen.Generator.Tests.Functions.NestedFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Nested derivatives (<see cref="Functions.NestedFunctions"/>): methods that call a generated Gradient or Derivative,
/// differentiated again by their own generated Gradient (reverse) and Derivative (forward), in the four combinations.
/// Values against closed forms; derivatives against central differences of the closed forms (independent of the
/// generated code), or of the method itself where no closed form is at hand, and forward against reverse.
/// </summary>
public class NestedDerivativeTests
{
    private static readonly (double A, double B)[] Points = [(0.3, -0.4), (0.7, 0.2), (-0.5, 0.9), (1.1, -0.8)];

    // Inner f(x, y; w) = w x² y + sin(xy) + exp(0.1 w x) and its gradient over (x, y), by hand.
    private static double F(double x, double y, double w) => w * x * x * y + Math.Sin(x * y) + Math.Exp(0.1 * w * x);

    private static double Fx(double x, double y, double w) => 2 * w * x * y + y * Math.Cos(x * y) + 0.1 * w * Math.Exp(0.1 * w * x);

    private static double Fy(double x, double y, double w) => w * x * x + x * Math.Cos(x * y);

    private static double OfGradientClosed(double a, double b)
    {
        var (x, y, w) = (a * b, a + b, b);
        return F(x, y, w) * Fx(x, y, w) + Fy(x, y, w) * Fy(x, y, w);
    }

    private static double OfDerivativeClosed(double a, double b)
    {
        var (x, y, w) = (a * b, a + b, b);
        var dy = a * Fy(x, y, w);
        return F(x, y, w) * Fx(x, y, w) + dy * dy;
    }

    private static (double, double) Central(Func<double, double, double> f, double a, double b, double h = 1e-5) =>
        ((f(a + h, b) - f(a - h, b)) / (2 * h), (f(a, b + h) - f(a, b - h)) / (2 * h));

    private static void Close(double expected, double actual, double tolerance = 1e-7) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * (1 + Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Parenthesized_and_conditional_arguments_of_an_inner_call_are_read_as_written()
    {
        static double Closed(double a, double b)
        {
            var (x, y, w) = (a * b, a > b ? a : b, -b);
            var (u, t) = (a - b, b);
            return F(x, y, w) * Fx(x, y, w) + Fy(x, y, w) * Fy(x, y, w) + a * a * Fx(u, t, a) + Fy(u, t, a);
        }

        foreach (var (a, b) in Points)
        {
            Close(Closed(a, b), N.OfParenthesizedArguments(a, b), 1e-12);
            double value = N.OfParenthesizedArgumentsGradient(a, b, out var ga, out var gb);
            var (ca, cb) = Central(Closed, a, b);
            Close(Closed(a, b), value, 1e-12);
            Close(ca, ga, 1e-6);
            Close(cb, gb, 1e-6);
            var (_, forward) = N.OfParenthesizedArgumentsDerivative(a, b, 0.6, -0.8);
            Close(0.6 * ga - 0.8 * gb, forward, 1e-9);
        }
    }

    public static TheoryData<string> Outers => new() { "OfGradient", "OfDerivative" };

    private static (Func<double, double, double> Closed, Func<double, double, double> Method, Func<double, double, (double, double, double)> Reverse,
        Func<double, double, double, double, (double, double)> Forward) Outer(string name) => name switch
    {
        "OfGradient" => (OfGradientClosed, N.OfGradient,
            (a, b) => (N.OfGradientGradient(a, b, out var ga, out var gb), ga, gb),
            (a, b, ta, tb) => N.OfGradientDerivative(a, b, ta, tb)),
        _ => (OfDerivativeClosed, N.OfDerivative,
            (a, b) => (N.OfDerivativeGradient(a, b, out var ga, out var gb), ga, gb),
            (a, b, ta, tb) => N.OfDerivativeDerivative(a, b, ta, tb)),
    };

    [Theory]
    [MemberData(nameof(Outers))]
    public void Reverse_over_the_inner_call_matches_central_differences_of_the_closed_form(string name)
    {
        var outer = Outer(name);
        foreach (var (a, b) in Points)
        {
            var (value, ga, gb) = outer.Reverse(a, b);
            var (ea, eb) = Central(outer.Closed, a, b);
            Close(outer.Closed(a, b), outer.Method(a, b), 1e-12);
            Close(outer.Closed(a, b), value, 1e-12);
            Close(ea, ga);
            Close(eb, gb);
        }
    }

    [Theory]
    [MemberData(nameof(Outers))]
    public void Forward_over_the_inner_call_matches_central_differences_of_the_closed_form(string name)
    {
        var outer = Outer(name);
        foreach (var (a, b) in Points)
        {
            var (ea, eb) = Central(outer.Closed, a, b);
            var (value, da) = outer.Forward(a, b, 1, 0);
            var (_, db) = outer.Forward(a, b, 0, 1);
            var (_, along) = outer.Forward(a, b, 0.3, -1.7);
            Close(outer.Closed(a, b), value, 1e-12);
            Close(ea, da);
            Close(eb, db);
            Close(0.3 * ea - 1.7 * eb, along);
        }
    }

    [Fact]
    public void A_gradient_descent_loop_over_the_inner_gradient_is_differentiated_both_ways()
    {
        foreach (var (a, b) in Points)
        {
            var (ea, eb) = Central(N.Descent, a, b);
            var value = N.DescentGradient(a, b, out var ga, out var gb);
            Close(N.Descent(a, b), value, 1e-14);
            Close(ea, ga, 1e-6);
            Close(eb, gb, 1e-6);
            Close(ga, N.DescentDerivative(a, b, 1, 0).Derivative, 1e-12);
            Close(gb, N.DescentDerivative(a, b, 0, 1).Derivative, 1e-12);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    [InlineData(-0.35)]
    public void Particle_in_small_keeps_the_mixed_term_of_a_parameter_the_inner_gradient_does_not_differentiate(double w)
    {
        // The trip count of the while (true) loop is constant near these w, so central differences are smooth there.
        const double h = 1e-6;
        var expected = (N.Particle(w + h) - N.Particle(w - h)) / (2 * h);
        Assert.NotEqual(0.0, expected);
        Close(N.Particle(w), N.ParticleByDerivatives(w), 1e-14);
        var value = N.ParticleGradient(w, out var rr);
        Close(N.Particle(w), value, 1e-14);
        Close(expected, rr, 1e-5);
        Close(rr, N.ParticleDerivative(w, 1).Derivative, 1e-10);
        N.ParticleByDerivativesGradient(w, out var rf);
        Close(rr, rf, 1e-10);
        Close(rr, N.ParticleByDerivativesDerivative(w, 1).Derivative, 1e-10);
    }
}
