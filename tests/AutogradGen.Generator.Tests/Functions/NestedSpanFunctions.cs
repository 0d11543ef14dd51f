namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// Nested derivatives over vectors: [Differentiable] methods that call the generated Gradient of a SecondOrder method
/// with <c>ReadOnlySpan&lt;double&gt;</c> parameters, its gradient written into a local array. Checked by
/// <c>NestedSpanDerivativeTests</c> against central differences of closed forms and of the methods, in both outer modes.
/// </summary>
public static partial class NestedSpanFunctions
{
    /// <summary>E(x; s) = Σ s xᵢ² xᵢ₊₁ + exp(0.1 s xᵢ) + sin xᵢ, differentiated with respect to x only: s is a parameter the gradient does not cover.</summary>
    [Differentiable(nameof(x), SecondOrder = true)]
    public static double Energy(ReadOnlySpan<double> x, double s)
    {
        var e = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            if (i + 1 < x.Length)
            {
                e += s * x[i] * x[i] * x[i + 1];
            }

            e += Math.Exp(0.1 * s * x[i]) + Math.Sin(x[i]);
        }

        return e;
    }

    /// <summary>The same energy with s differentiated too: its gradient has a span part and a scalar part.</summary>
    [Differentiable(SecondOrder = true)]
    public static double EnergyOfBoth(ReadOnlySpan<double> x, double s)
    {
        var e = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            if (i + 1 < x.Length)
            {
                e += s * x[i] * x[i] * x[i + 1];
            }

            e += Math.Exp(0.1 * s * x[i]) + Math.Sin(x[i]);
        }

        return e;
    }

    /// <summary>A gradient-norm penalty: E + Σ gᵢ², g = ∇ₓE, into an array local.</summary>
    [Differentiable]
    public static double Penalized(ReadOnlySpan<double> x, double s)
    {
        double[] g = new double[x.Length];
        double e = EnergyGradient(x, s, g);
        double sum = e;
        for (int i = 0; i < g.Length; i++)
        {
            sum += g[i] * g[i];
        }

        return sum;
    }

    /// <summary>The span and the scalar parts of the gradient, into a stackalloc'd span and an out double, with a scaled argument.</summary>
    [Differentiable]
    public static double PenalizedBoth(ReadOnlySpan<double> x, double s)
    {
        Span<double> g = stackalloc double[x.Length];
        EnergyOfBothGradient(x, 2 * s, g, out double gs);
        double sum = gs * gs;
        for (int i = 0; i < g.Length; i++)
        {
            sum += (i + 1) * g[i] * g[i];
        }

        return sum;
    }

    /// <summary>A two-player game over vectors: x minimises, y maximises.</summary>
    [Differentiable(SecondOrder = true)]
    public static double Game(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var v = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            v += x[i] * x[i] - y[i] * y[i] + 0.5 * x[i] * y[i] + 0.1 * Math.Sin(x[i] * y[(i + 1) % y.Length]);
        }

        return v;
    }

    /// <summary>
    /// Saddle over vectors: the inner player takes gradient-ascent steps on y from the inner gradient (the x part is
    /// computed and not used), and the outer value is the game at the result; differentiated with respect to x.
    /// </summary>
    [Differentiable]
    public static double Saddle(ReadOnlySpan<double> x)
    {
        double[] y = new double[x.Length];
        double[] gx = new double[x.Length];
        double[] gy = new double[x.Length];
        for (int step = 0; step < 4; step++)
        {
            GameGradient(x, y, gx, gy);
            for (int i = 0; i < y.Length; i++)
            {
                y[i] += 0.3 * gy[i];
            }
        }

        return Game(x, y);
    }

    /// <summary>A gradient array one longer than the span: the generated Gradient throws, and so do the derivatives of this method.</summary>
    [Differentiable]
    public static double WrongLength(ReadOnlySpan<double> x)
    {
        double[] g = new double[x.Length + 1];
        return EnergyGradient(x, 1.0, g) + g[0];
    }
}
