namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// switch statements and expressions, relational and logical patterns on differentiated values, patterns on
/// integers, when guards and is-patterns: lowered to if/else chains and ternaries before differentiation.
/// </summary>
public static partial class SwitchesAndPatterns
{
    /// <summary>A piecewise function written with relational patterns, evaluated on both sides of each break point.</summary>
    [Differentiable, Domain(-3, 3), AlsoAt(-1.0), AlsoAt(1.0)]
    public static double PiecewiseByPattern(double x) => x switch
    {
        < -1 => -x - 1,
        < 1 => x * x * 0.5,
        _ => Math.Log(x) + 0.5,
    };

    /// <summary>A payoff chosen by an integer option kind in a switch statement (call, put, straddle).</summary>
    [Differentiable(nameof(spot), nameof(strike)), Domain(50, 150), With(2)]
    public static double PayoffByKind(double spot, double strike, int kind)
    {
        double payoff;
        switch (kind)
        {
            case 0:
                payoff = Math.Max(spot - strike, 0);
                break;
            case 1:
                payoff = Math.Max(strike - spot, 0);
                break;
            case 2:
            case 3:
                payoff = Math.Abs(spot - strike);
                break;
            default:
                payoff = 0;
                break;
        }

        return payoff * Math.Exp(-0.01 * spot / 100);
    }

    /// <summary>and/or/not patterns and a when guard on a differentiated value.</summary>
    [Differentiable, Domain(-2, 2), AlsoAt(0.5, 0.0), AlsoAt(-0.5, 1.0)]
    public static double BandedWithGuard(double x, double y) => x switch
    {
        > 0 and < 1 when y > 0 => x * y,
        > 0 and < 1 => x - y,
        <= -1 or >= 1 => Math.Sin(x) * y,
        not 0 => x * x * y,
        _ => y,
    };

    /// <summary>A switch statement whose sections return, with a declaration pattern and a guard, inside a loop.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double SwitchInLoop(double x)
    {
        var s = 0.0;
        for (var i = 0; i < 6; i++)
        {
            switch (i % 3)
            {
                case 0:
                    s += x * i;
                    break;
                case var r when r == 1 && s > 0:
                    s = s * x;
                    break;
                default:
                    s -= Math.Cos(x + s);
                    break;
            }
        }

        return s;
    }

    /// <summary>A switch statement that returns from its sections; the switched value (a step function of x, so carrying no derivative) is evaluated once.</summary>
    [Differentiable, Domain(-2, 2), AlsoAt(0.0, 1.0)]
    public static double ReturnFromSection(double x, double y)
    {
        switch ((int)Math.Floor(Differentiation.WithoutDerivative(x) + 2))
        {
            case 0:
                return x * y;
            case 1 or 2:
                return x + (y * y);
            default:
                return Math.Exp(x - y);
        }
    }

    /// <summary>is-patterns in conditions, with a designation that the branch reassigns.</summary>
    [Differentiable, Domain(-2, 2), AlsoAt(0.0)]
    public static double IsPatterns(double x)
    {
        var y = x * 3;
        if (y is > 1 and < 4)
        {
            return y * x;
        }

        if (x * x is var square && square < 0.5)
        {
            square += x;
            return square * 2;
        }

        return x is not > 0 ? -x : Math.Sqrt(x);
    }

    /// <summary>A float switch expression on a differentiated value, chosen by a bool pattern too.</summary>
    [Differentiable(nameof(x)), Domain(-2, 2), With(true)]
    public static float FloatSwitch(float x, bool smooth) => x switch
    {
        > 0 when smooth => MathF.Log(1 + MathF.Exp(x)),
        var positive when positive > 0 => positive,
        _ => 0.01f * x,
    };
}
