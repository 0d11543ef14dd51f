namespace AutogradGen.Benchmarks.Workloads;

/// <summary>
/// The few special functions the workloads need and System.Math lacks, written for full double accuracy.
/// </summary>
public static class SpecialFunctions
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2.0 * Math.PI);

    /// <summary>
    /// log(1 + x), accurate also when x is so small that 1 + x rounds (Kahan's correction:
    /// the rounding error of 1 + x cancels in log(u) · x / (u - 1)).
    /// </summary>
    public static double LogOnePlus(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        double logU = Math.Log(u);
        return double.IsInfinity(u) ? logU : logU * x / (u - 1.0);
    }

    /// <summary>
    /// The natural logarithm of the gamma function, log Γ(x), for x &gt; 0.
    /// Shifts x up to at least 10 with Γ(x) = Γ(x + m) / (x (x + 1) … (x + m - 1)) and sums Stirling's series there,
    /// whose first omitted term is below 3e-17 at x = 10.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is not positive, or is NaN.</exception>
    public static double LogGamma(double x)
    {
        if (!(x > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma is defined here for x > 0 only.");
        }

        if (double.IsPositiveInfinity(x))
        {
            return double.PositiveInfinity;
        }

        // At most ten factors, each below 10 and above 0: the product neither overflows nor loses precision.
        double shiftProduct = 1.0;
        while (x < 10.0)
        {
            shiftProduct *= x;
            x += 1.0;
        }

        double inverse = 1.0 / x;
        double inverseSquared = inverse * inverse;
        // Stirling: B_2k / (2k (2k - 1) x^(2k - 1)) for k = 1..7, in Horner form in 1/x².
        double series = inverse * (1.0 / 12.0 + inverseSquared * (-1.0 / 360.0 + inverseSquared * (1.0 / 1260.0
            + inverseSquared * (-1.0 / 1680.0 + inverseSquared * (1.0 / 1188.0 + inverseSquared * (-691.0 / 360360.0
            + inverseSquared * (1.0 / 156.0)))))));
        double stirling = (x - 0.5) * Math.Log(x) - x + HalfLogTwoPi + series;
        return stirling - Math.Log(shiftProduct);
    }

    /// <summary>
    /// The log of the multivariate gamma function,
    /// log Γ_d(a) = d (d - 1) / 4 · log π + Σ_{j = 1}^{d} log Γ(a + (1 - j) / 2), for a &gt; (d - 1) / 2.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">d is below 1, or a is not above (d - 1) / 2.</exception>
    public static double LogMultivariateGamma(double a, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!(a > 0.5 * (dimension - 1)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(a), a, $"The multivariate gamma function of dimension {dimension} needs a > {0.5 * (dimension - 1)}.");
        }

        double sum = 0.25 * dimension * (dimension - 1) * Math.Log(Math.PI);
        for (int j = 1; j <= dimension; j++)
        {
            sum += LogGamma(a + 0.5 * (1 - j));
        }

        return sum;
    }
}
