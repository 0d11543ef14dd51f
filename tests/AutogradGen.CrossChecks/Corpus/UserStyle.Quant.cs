namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// User-style corpus, quantitative finance: written the way a quant writes a pricing library (constants, early
/// returns, a polynomial table for the normal CDF, Math.Max payoffs, pre-drawn normals, curve look-ups), not in the
/// style of the generator's own tests. Each method is cross-checked (generated vs tape twin vs central differences,
/// forward vs reverse).
/// </summary>
public static partial class UserQuant
{
    private const double InvSqrt2Pi = 0.3989422804014327;

    /// <summary>Abramowitz–Stegun 26.2.17 coefficients.</summary>
    private static readonly double[] CdfCoefficients = { 0.319381530, -0.356563782, 1.781477937, -1.821255978, 1.330274429 };

    /// <summary>Pre-drawn standard normals, so that the Monte Carlo functions are deterministic.</summary>
    public static readonly double[] Normals = { 0.31, -1.2, 0.77, 1.9, -0.05, -0.66, 1.1, -2.1, 0.42, 0.58, -0.93, 1.37 };

    public static readonly double[] CurveTimes = { 0.25, 0.5, 1.0, 2.0, 5.0, 10.0 };

    [Differentiable]
    public static double Density(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    [Differentiable, Domain(-3, 3), AlsoAt(0.0)]
    public static double NormalCdf(double x)
    {
        if (x < 0)
        {
            return 1.0 - NormalCdf(-x);
        }

        double k = 1.0 / (1.0 + 0.2316419 * x);
        double poly = 0;
        for (int i = CdfCoefficients.Length - 1; i >= 0; i--)
        {
            poly = poly * k + CdfCoefficients[i];
        }

        return 1.0 - InvSqrt2Pi * Math.Exp(-x * x / 2.0) * poly * k;
    }

    [Differentiable, Domain(0.2, 1.5)]
    public static double BlackScholesCall(double spot, double strike, double rate, double vol, double time)
    {
        if (time <= 0)
            return Math.Max(spot - strike, 0.0);
        double sqrtT = Math.Sqrt(time);
        double d1 = (Math.Log(spot / strike) + (rate + 0.5 * vol * vol) * time) / (vol * sqrtT);
        double d2 = d1 - vol * sqrtT;
        return spot * NormalCdf(d1) - strike * Math.Exp(-rate * time) * NormalCdf(d2);
    }

    [Differentiable, Domain(0.2, 1.5)]
    public static double BlackScholesPut(double spot, double strike, double rate, double vol, double time)
    {
        // d1 by a helper called with named arguments in another order than its parameters.
        double d1 = D1(spot: spot, vol: vol, strike: strike, time: time, rate: rate);
        double d2 = d1 - vol * Math.Sqrt(time);
        return strike * Math.Exp(-rate * time) * NormalCdf(-d2) - spot * NormalCdf(-d1);
    }

    [Differentiable, Domain(0.2, 1.5)]
    public static double D1(double spot, double strike, double rate, double vol, double time) =>
        (Math.Log(spot / strike) + (rate + 0.5 * vol * vol) * time) / (vol * Math.Sqrt(time));

    /// <summary>Delta as a user writes it: the closed form of ∂C/∂S, itself differentiated (gamma).</summary>
    [Differentiable, Domain(0.2, 1.5)]
    public static double CallDelta(double spot, double strike, double rate, double vol, double time)
    {
        var d1 = (Math.Log(spot / strike) + (rate + vol * vol / 2) * time) / (vol * Math.Sqrt(time));
        return NormalCdf(d1);
    }

    [Differentiable, Domain(0.2, 1.5)]
    public static double CallVega(double spot, double strike, double rate, double vol, double time)
    {
        var d1 = (Math.Log(spot / strike) + (rate + vol * vol / 2) * time) / (vol * Math.Sqrt(time));
        return spot * Density(d1) * Math.Sqrt(time);
    }

    /// <summary>A cash-or-nothing digital with a ?: chain on the option type given as a string label.</summary>
    [Differentiable(nameof(spot), nameof(vol)), Domain(0.5, 1.5), With("call", 1.0, 0.02, 1.0)]
    public static double Digital(string kind, double spot, double strike, double rate, double vol, double time)
    {
        var d2 = (Math.Log(spot / strike) + (rate - 0.5 * vol * vol) * time) / (vol * Math.Sqrt(time));
        double discount = Math.Exp(-rate * time);
        return kind == "call" ? discount * NormalCdf(d2)
            : kind == "put" ? discount * NormalCdf(-d2)
            : throw new ArgumentException($"Unknown option kind '{kind}'", nameof(kind));
    }

    /// <summary>Hagan's SABR lognormal implied volatility, β = 1 form, with the ATM limit as an early return.</summary>
    [Differentiable(nameof(alpha), nameof(rho), nameof(nu)), Domain(0.1, 0.6), With(1.0, 1.2, 2.0)]
    public static double SabrVolatility(double forward, double strike, double time, double alpha, double rho, double nu)
    {
        const double Epsilon = 1e-12;
        double logFk = Math.Log(forward / strike);
        double correction = 1 + (rho * nu * alpha / 4 + (2 - 3 * rho * rho) * nu * nu / 24) * time;
        if (Math.Abs(logFk) < Epsilon)
        {
            return alpha * correction;
        }

        double z = nu / alpha * logFk;
        double x = Math.Log((Math.Sqrt(1 - 2 * rho * z + z * z) + z - rho) / (1 - rho));
        return alpha * z / x * correction;
    }

    /// <summary>Heston's expected integrated variance, with the κ → 0 limit guarded.</summary>
    [Differentiable, Domain(0.1, 2)]
    public static double HestonExpectedVariance(double kappa, double theta, double v0, double maturity)
    {
        if (kappa < 1e-8)
            return v0 * maturity;
        var decay = (1 - Math.Exp(-kappa * maturity)) / kappa;
        return theta * maturity + (v0 - theta) * decay;
    }

    /// <summary>Monte Carlo of a call over pre-drawn normals (no Random), passed as a pass-through array.</summary>
    [Differentiable(nameof(s0), nameof(vol)), Domain(0.5, 1.5), With("Normals", 1.0)]
    public static double MonteCarloCall(double[] normals, double s0, double vol, double strike)
    {
        double sum = 0;
        foreach (var z in normals)
        {
            double st = s0 * Math.Exp(-0.5 * vol * vol + vol * z);
            sum += Math.Max(st - strike, 0.0);
        }

        return sum / normals.Length;
    }

    /// <summary>An up-and-out barrier over one pre-drawn path, with break when the barrier is hit.</summary>
    [Differentiable(nameof(s0), nameof(vol)), Domain(0.5, 0.9)]
    public static double BarrierPath(double s0, double vol)
    {
        const int Steps = 12;
        const double Barrier = 2.5, Dt = 1.0 / Steps;
        double s = s0, payoff = 0;
        for (int i = 0; i < Steps; i++)
        {
            s *= Math.Exp(-0.5 * vol * vol * Dt + vol * Math.Sqrt(Dt) * Normals[i]);
            if (s > Barrier)
            {
                payoff = 0;
                break;
            }

            payoff = Math.Max(s - 1.0, 0);
        }

        return payoff;
    }

    /// <summary>Euler–Maruyama for an Ornstein–Uhlenbeck rate, the step a void helper advancing the state by ref.</summary>
    [Differentiable, Domain(0.1, 1)]
    public static double OrnsteinUhlenbeck(double r0, double kappa, double theta, double sigma)
    {
        double r = r0;
        double dt = 0.1;
        for (int i = 0; i < 10; i++)
        {
            EulerMaruyamaStep(ref r, kappa, theta, sigma, dt, Normals[i]);
        }

        return r;
    }

    [Differentiable]
    public static void EulerMaruyamaStep(ref double x, double kappa, double theta, double sigma, double dt, double dw)
    {
        x += kappa * (theta - x) * dt + sigma * Math.Sqrt(dt) * dw;
    }

    /// <summary>A discount factor from a zero curve: Array.BinarySearch and ~index, then linear interpolation in rates.</summary>
    [Differentiable(nameof(rates)), Domain(0.01, 0.05)]
    public static double DiscountFactor(double t, double[] times, double[] rates)
    {
        int index = Array.BinarySearch(times, t);
        if (index < 0)
        {
            index = ~index;
        }

        double rate;
        if (index == 0)
        {
            rate = rates[0];
        }
        else if (index >= times.Length)
        {
            rate = rates[times.Length - 1];
        }
        else
        {
            double w = (t - times[index - 1]) / (times[index] - times[index - 1]);
            rate = (1 - w) * rates[index - 1] + w * rates[index];
        }

        return Math.Exp(-rate * t);
    }

    /// <summary>The same interpolation with a hand-written bisection on the knots.</summary>
    [Differentiable(nameof(rates)), Domain(0.01, 0.05)]
    public static double ZeroRate(double t, double[] times, double[] rates)
    {
        int lo = 0, hi = times.Length - 1;
        if (t <= times[lo]) return rates[lo];
        if (t >= times[hi]) return rates[hi];
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (times[mid] <= t) lo = mid;
            else hi = mid;
        }

        double frac = (t - times[lo]) / (times[hi] - times[lo]);
        return rates[lo] + frac * (rates[hi] - rates[lo]);
    }

    /// <summary>A fixed-coupon bond priced off a flat yield, coupons every half year (i += 2 over quarters).</summary>
    [Differentiable(nameof(yield)), Domain(0.01, 0.1), With(0.05, 12)]
    public static double BondPrice(double yield, double coupon, int quarters)
    {
        double price = 0;
        for (int q = 2; q <= quarters; q += 2)
        {
            double t = q / 4.0;
            price += coupon / 2 * Math.Exp(-yield * t);
        }

        return price + Math.Exp(-yield * quarters / 4.0);
    }

    /// <summary>A capped payoff: a nullable cap passed through, a default value, Math.Clamp on the spot.</summary>
    [Differentiable(nameof(spot)), Domain(0.5, 2.5), AlsoAt(1.0), With(1.5, 1.0)]
    public static double CappedCall(double spot, double? cap, double strike = 1.0)
    {
        var clamped = Math.Clamp(spot, 0.0, 3.0);
        var payoff = Math.Max(clamped - strike, 0.0);
        return cap is double c ? Math.Min(payoff, c) : payoff;
    }

    /// <summary>An implied volatility by Newton's method from a price: the iteration itself is differentiated.</summary>
    [Differentiable(nameof(price)), Domain(0.1, 0.2)]
    public static double ImpliedVolatility(double price)
    {
        double vol = 0.3;
        int iteration = 0;
        do
        {
            double diff = BlackScholesCall(1.0, 1.0, 0.01, vol, 1.0) - price;
            double vega = CallVega(1.0, 1.0, 0.01, vol, 1.0);
            vol -= diff / vega;
            iteration++;
        }
        while (iteration < 8);
        return vol;
    }
}
