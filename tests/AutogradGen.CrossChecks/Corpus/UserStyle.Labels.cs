namespace AutogradGen.CrossChecks.Corpus;

public enum CashOrNothing { Call, Put }

/// <summary>
/// User-style corpus, labels and guards: switch expressions whose arms throw, switches on the strings and chars that
/// options arrive as from configuration and trade files, and null tests of array parameters in guard clauses.
/// </summary>
public static partial class UserLabels
{
    /// <summary>A smoothed cash-or-nothing digital; an unknown side throws from the switch's last arm.</summary>
    [Differentiable(nameof(spot), nameof(strike), nameof(vol)), Domain(0.8, 1.2), With(1)]
    public static double Digital(double spot, double strike, double vol, CashOrNothing side)
    {
        double moneyness = Math.Log(spot / strike) / (0.25 * vol);
        double indicator = side switch
        {
            CashOrNothing.Call => 1 / (1 + Math.Exp(-moneyness)),
            CashOrNothing.Put => 1 / (1 + Math.Exp(moneyness)),
            _ => throw new ArgumentOutOfRangeException(nameof(side), side, "unknown digital side"),
        };
        return Math.Exp(-0.02) * indicator;
    }

    /// <summary>The Bachelier (normal-model) price; the option type is a string and an unknown one throws.</summary>
    [Differentiable(nameof(forward), nameof(strike), nameof(normalVol)), Domain(0.5, 1.5), With("put")]
    public static double Bachelier(double forward, double strike, double normalVol, string optionType)
    {
        double stdev = normalVol * Math.Sqrt(1.5);
        double d = (forward - strike) / stdev;
        double pdf = Math.Exp(-0.5 * d * d) / Math.Sqrt(2 * Math.PI);
        double cdf = 1 / (1 + Math.Exp(-1.702 * d));
        switch (optionType)
        {
            case "call":
                return (forward - strike) * cdf + stdev * pdf;
            case "put":
                return (strike - forward) * (1 - cdf) + stdev * pdf;
            default:
                throw new ArgumentException($"unknown option type {optionType}", nameof(optionType));
        }
    }

    /// <summary>An activation chosen by name, several names for one case.</summary>
    [Differentiable(nameof(x)), Domain(-2, 2), With("gelu")]
    public static double Activation(double x, string kind)
    {
        switch (kind)
        {
            case "relu":
                return Math.Max(0, x);
            case "tanh":
                return Math.Tanh(x);
            case "gelu" or "GELU":
                return 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
            default:
                return x;
        }
    }

    /// <summary>A discount factor by compounding convention, a switch expression on a string.</summary>
    [Differentiable(nameof(rate), nameof(t)), Domain(0.01, 2), With("annual")]
    public static double DiscountFactor(double rate, double t, string compounding) => compounding switch
    {
        "continuous" => Math.Exp(-rate * t),
        "annual" => Math.Pow(1 + rate, -t),
        "simple" or "linear" => 1 / (1 + rate * t),
        _ => throw new ArgumentException("unknown compounding " + compounding, nameof(compounding)),
    };

    /// <summary>A length in a unit given as a char, squared into an area.</summary>
    [Differentiable(nameof(length)), Domain(0.1, 3), With('c')]
    public static double AreaInSquareMetres(double length, char unit)
    {
        double metres = unit switch
        {
            'k' => length * 1000,
            'c' => length / 100,
            'm' => length,
            _ => throw new ArgumentOutOfRangeException(nameof(unit)),
        };
        return metres * metres;
    }

    /// <summary>A time-dependent rate whose first arm rejects negative times, on the differentiated value.</summary>
    [Differentiable, Domain(0.1, 3), AlsoAt(0.5), AlsoAt(2.0)]
    public static double ForwardRate(double t) => t switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(t), "a negative time"),
        < 1 => 0.01 + 0.02 * t * t,
        _ => 0.03 + 0.01 * Math.Log(t),
    };

    /// <summary>An exponentially weighted moving average of prices, after the usual guard on the series.</summary>
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

    /// <summary>A weighted sum of squares whose weights are optional (== null: all ones).</summary>
    [Differentiable(nameof(x))]
    public static double WeightedSumOfSquares(double[] x, double[] weights)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double w = weights == null ? 1.0 : weights[i];
            s += w * x[i] * x[i];
        }

        return s;
    }
}
