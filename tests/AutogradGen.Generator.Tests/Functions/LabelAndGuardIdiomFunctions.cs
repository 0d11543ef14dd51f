namespace AutogradGen.Generator.Tests.Functions;

public enum PayoffSide { Call, Put }

/// <summary>
/// Idioms found by an outside corpus of user-style functions: a switch expression with an arm that throws, switches on
/// a string (statement and expression) or a char, and a null test of an array parameter in a guard clause. Checked by
/// <c>LabelAndGuardIdiomTests</c> against central differences, the other mode and the tape twin.
/// </summary>
public static partial class LabelAndGuardIdiomFunctions
{
    /// <summary>A smoothed digital: the side is an enum, an unknown value throws from the last arm.</summary>
    [Differentiable]
    public static double Digital(double spot, double strike, double width, PayoffSide side)
    {
        double m = Math.Log(spot / strike) / width;
        double indicator = side switch
        {
            PayoffSide.Call => 1 / (1 + Math.Exp(-m)),
            PayoffSide.Put => 1 / (1 + Math.Exp(m)),
            _ => throw new ArgumentOutOfRangeException(nameof(side), side, "unknown side"),
        };
        return indicator * strike;
    }

    /// <summary>A throwing arm first, on the differentiated value itself (a relational pattern).</summary>
    [Differentiable]
    public static double Rate(double x) => x switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(x), "a negative time"),
        < 1 => x * x,
        _ => Math.Log(x) + 1,
    };

    /// <summary>A throwing arm in the middle, after a guard on an integer.</summary>
    [Differentiable]
    public static double Tiered(double x, int tier) => tier switch
    {
        0 => x,
        1 or 2 => throw new NotSupportedException("tiers 1 and 2 are retired"),
        var t when t > 10 => Math.Sqrt(x * t),
        _ => x * x * tier,
    };

    /// <summary>A switch statement on a string, as option names come from a configuration file.</summary>
    [Differentiable]
    public static double Activate(double x, string kind)
    {
        switch (kind)
        {
            case "relu":
                return Math.Max(0, x);
            case "tanh":
            case "Tanh":
                return Math.Tanh(x);
            case "softplus" or "smooth-relu":
                return Math.Log(1 + Math.Exp(x));
            default:
                throw new ArgumentException($"unknown activation {kind}", nameof(kind));
        }
    }

    /// <summary>A switch expression on a string, with a throwing default arm.</summary>
    [Differentiable]
    public static double DiscountFactor(double rate, double t, string compounding) => compounding switch
    {
        "continuous" => Math.Exp(-rate * t),
        "annual" => Math.Pow(1 + rate, -t),
        "simple" or "linear" => 1 / (1 + rate * t),
        _ => throw new ArgumentException("unknown compounding " + compounding, nameof(compounding)),
    };

    /// <summary>A switch expression on a char.</summary>
    [Differentiable]
    public static double InMetres(double length, char unit) => unit switch
    {
        'k' => length * 1000,
        'c' => length / 100,
        _ => length,
    };

    /// <summary>A guard clause testing a differentiated array parameter for null, then its length.</summary>
    [Differentiable]
    public static double Ewma(double[] prices, double lambda)
    {
        if (prices is null || prices.Length == 0)
        {
            throw new ArgumentException("empty series", nameof(prices));
        }

        double s = prices[0];
        for (var i = 1; i < prices.Length; ++i)
        {
            s = lambda * s + (1 - lambda) * prices[i];
        }

        return s;
    }

    /// <summary>The other spellings: <c>== null</c> on an array that is not differentiated, <c>is not null</c> on one that is.</summary>
    [Differentiable(nameof(x))]
    public static double WeightedOrPlain(double[] x, double[]? weights)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += (weights == null ? 1.0 : weights[i]) * x[i] * x[i];
        }

        return x is not null ? s : 0;
    }
}
