using N = AutogradGen.Generator.Tests.Functions.NestedSpanFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Nested derivatives over spans (<see cref="Functions.NestedSpanFunctions"/>): methods that call the generated Gradient
/// of a SecondOrder method with span parameters, differentiated by their own Gradient (reverse over reverse) and
/// Derivative (forward over reverse). Values against closed forms written by hand; derivatives against central
/// differences of those closed forms (independent of the generated code), or of the method itself for the saddle.
/// </summary>
public class NestedSpanDerivativeTests
{
    private static readonly double[][] Points = [[0.3, -0.4, 0.8], [0.7, 0.2, -1.1, 0.5], [-0.5], [1.2, -0.9, 0.1, 0.6, -0.3]];

    private static readonly double[] Scales = [0.7, -1.3];

    // E(x; s) = Σ s xᵢ² xᵢ₊₁ + exp(0.1 s xᵢ) + sin xᵢ and its gradient, by hand.
    private static double E(double[] x, double s)
    {
        var e = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            e += (i + 1 < x.Length ? s * x[i] * x[i] * x[i + 1] : 0) + Math.Exp(0.1 * s * x[i]) + Math.Sin(x[i]);
        }

        return e;
    }

    private static double Ex(double[] x, double s, int j) =>
        (j + 1 < x.Length ? 2 * s * x[j] * x[j + 1] : 0) + (j > 0 ? s * x[j - 1] * x[j - 1] : 0) + 0.1 * s * Math.Exp(0.1 * s * x[j]) + Math.Cos(x[j]);

    private static double Es(double[] x, double s)
    {
        var d = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            d += (i + 1 < x.Length ? x[i] * x[i] * x[i + 1] : 0) + 0.1 * x[i] * Math.Exp(0.1 * s * x[i]);
        }

        return d;
    }

    private static double PenalizedClosed(double[] x, double s) => E(x, s) + Enumerable.Range(0, x.Length).Sum(j => Ex(x, s, j) * Ex(x, s, j));

    private static double PenalizedBothClosed(double[] x, double s) =>
        Es(x, 2 * s) * Es(x, 2 * s) + Enumerable.Range(0, x.Length).Sum(j => (j + 1) * Ex(x, 2 * s, j) * Ex(x, 2 * s, j));

    /// <summary>Central differences of f(x, s) over each xⱼ, then s.</summary>
    private static double[] Central(Func<double[], double, double> f, double[] x, double s, double h = 1e-5)
    {
        var result = new double[x.Length + 1];
        for (var j = 0; j <= x.Length; j++)
        {
            var (plus, minus) = ((double[])x.Clone(), (double[])x.Clone());
            var (sp, sm) = (s, s);
            if (j < x.Length)
            {
                plus[j] += h;
                minus[j] -= h;
            }
            else
            {
                sp += h;
                sm -= h;
            }

            result[j] = (f(plus, sp) - f(minus, sm)) / (2 * h);
        }

        return result;
    }

    private static void Close(double expected, double actual, double tolerance = 1e-7) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * (1 + Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    public static TheoryData<string> Outers => new() { "Penalized", "PenalizedBoth" };

    private static (Func<double[], double, double> Closed, Func<double[], double, double> Method,
        Func<double[], double, double[], (double Value, double Gs)> Reverse,
        Func<double[], double, double[], double, (double Value, double Derivative)> Forward) Outer(string name) => name switch
    {
        "Penalized" => (PenalizedClosed, (x, s) => N.Penalized(x, s),
            (x, s, gx) => (N.PenalizedGradient(x, s, gx, out var gs), gs),
            (x, s, tx, ts) => N.PenalizedDerivative(x, s, tx, ts)),
        _ => (PenalizedBothClosed, (x, s) => N.PenalizedBoth(x, s),
            (x, s, gx) => (N.PenalizedBothGradient(x, s, gx, out var gs), gs),
            (x, s, tx, ts) => N.PenalizedBothDerivative(x, s, tx, ts)),
    };

    [Theory]
    [MemberData(nameof(Outers))]
    public void Reverse_over_a_span_gradient_matches_central_differences_of_the_closed_form(string name)
    {
        var outer = Outer(name);
        foreach (var x in Points)
        {
            foreach (var s in Scales)
            {
                var expected = Central(outer.Closed, x, s);
                var gx = new double[x.Length];
                var (value, gs) = outer.Reverse(x, s, gx);
                Close(outer.Closed(x, s), outer.Method(x, s), 1e-12);
                Close(outer.Closed(x, s), value, 1e-12);
                for (var j = 0; j < x.Length; j++)
                {
                    Close(expected[j], gx[j]);
                }

                // s reaches the gradient only through the mixed block of the Hessian (Penalized: s is not differentiated by Energy).
                Assert.NotEqual(0.0, expected[x.Length]);
                Close(expected[x.Length], gs);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Outers))]
    public void Forward_over_a_span_gradient_matches_central_differences_and_reverse(string name)
    {
        var outer = Outer(name);
        foreach (var x in Points)
        {
            foreach (var s in Scales)
            {
                var expected = Central(outer.Closed, x, s);
                var gx = new double[x.Length];
                var (_, gs) = outer.Reverse(x, s, gx);
                var direction = x.Select((_, j) => 0.3 - 0.4 * j).ToArray();
                var (value, along) = outer.Forward(x, s, direction, -0.6);
                Close(outer.Closed(x, s), value, 1e-12);
                Close(direction.Select((d, j) => d * expected[j]).Sum() - 0.6 * expected[x.Length], along);
                Close(direction.Select((d, j) => d * gx[j]).Sum() - 0.6 * gs, along, 1e-11);
                for (var j = 0; j < x.Length; j++)
                {
                    var unit = new double[x.Length];
                    unit[j] = 1;
                    Close(gx[j], outer.Forward(x, s, unit, 0).Derivative, 1e-11);
                }
            }
        }
    }

    [Fact]
    public void Saddle_over_vectors_is_differentiated_both_ways()
    {
        foreach (var x in Points)
        {
            var expected = Central((p, _) => N.Saddle(p), x, 0.0);
            var gx = new double[x.Length];
            var value = N.SaddleGradient(x, gx);
            Close(N.Saddle(x), value, 1e-14);
            for (var j = 0; j < x.Length; j++)
            {
                var unit = new double[x.Length];
                unit[j] = 1;
                Close(expected[j], N.SaddleDerivative(x, unit).Derivative, 1e-6);
                Close(expected[j], gx[j], 1e-6);
            }
        }
    }

    [Fact]
    public void Saddle_over_vectors_keeps_the_inner_players_dependence_on_x()
    {
        // Without the mixed block ∂(∇_y G)/∂x, the outer gradient would be ∂G/∂x at the inner result only.
        double[] x = [0.4, -0.7, 0.9];
        var gx = new double[x.Length];
        N.SaddleGradient(x, gx);
        var y = new double[x.Length];
        var gxInner = new double[x.Length];
        var gy = new double[x.Length];
        for (var step = 0; step < 4; step++)
        {
            N.GameGradient(x, y, gxInner, gy);
            for (var i = 0; i < y.Length; i++)
            {
                y[i] += 0.3 * gy[i];
            }
        }

        var partial = new double[x.Length];
        N.GameGradient(x, y, partial, gy);
        Assert.Contains(Enumerable.Range(0, x.Length), j => Math.Abs(partial[j] - gx[j]) > 1e-3);
    }

    [Fact]
    public void A_gradient_of_the_wrong_length_throws_as_the_inner_gradient_does()
    {
        double[] x = [1.0, 2.0];
        Assert.Throws<ArgumentException>(() => N.WrongLength(x));
        Assert.Throws<ArgumentException>(() => N.WrongLengthGradient(x, new double[2]));
        Assert.Throws<ArgumentException>(() => N.WrongLengthDerivative(x, new double[2]));
    }
}
