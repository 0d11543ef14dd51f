using System.Numerics;
using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// A realistic use of complex numbers: the Heston call price by Gil-Pelaez quadrature (128 nodes), its value against
/// an independent implementation (Heston's own 1993 formulation of P1 and P2 in spot and strike, P1 by its change of
/// measure b_1 = κ − ρσ rather than φ(u − i),
/// written here with no generated code), and its greeks and calibration gradient against central differences, in
/// both modes and on the tape twin.
/// </summary>
public class HestonPriceTests
{
    private const int Nodes = 128;
    private const double Step = 64.0 / Nodes;

    /// <summary>spot, strike, rate, maturity, κ, θ, σ, ρ, v0.</summary>
    public static TheoryData<double[]> Markets =>
    [
        [100.0, 100.0, 0.03, 1.0, 1.5, 0.04, 0.5, -0.7, 0.04],
        [100.0, 90.0, 0.01, 0.5, 2.0, 0.09, 0.3, -0.3, 0.06],
        [100.0, 115.0, 0.02, 2.0, 0.8, 0.05, 0.6, -0.8, 0.03],
    ];

    private static double Price(double[] p) => HestonFunctions.CallPrice(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], Nodes);

    /// <summary>
    /// Heston's (1993) formulation: P_j = 1/2 + 1/π ∫ Re[e^(−iφ ln K) f_j(φ) / (iφ)] dφ with u_1 = 1/2, b_1 = κ − ρσ,
    /// u_2 = −1/2, b_2 = κ, f_j = exp(C_j + D_j v0 + iφ ln S), and C = S P1 − K e^(−rT) P2 (C_j and D_j in the little
    /// trap's form, so that the logarithm stays on its principal branch); the same midpoint nodes.
    /// </summary>
    private static double ReferencePrice(double spot, double strike, double rate, double maturity, double kappa, double theta, double sigma, double rho, double v0, int nodes = Nodes, double step = Step)
    {
        var i = Complex.ImaginaryOne;
        double Probability(double uj, double bj)
        {
            var sum = 0.0;
            for (var n = 0; n < nodes; n++)
            {
                var phi = (n + 0.5) * step;
                var a = bj - rho * sigma * phi * i;
                var d = Complex.Sqrt(a * a - sigma * sigma * (2 * uj * phi * i - phi * phi));
                // The little trap's g (the reciprocal of Heston's), so that the logarithm stays on its principal branch.
                var g = (a - d) / (a + d);
                var e = Complex.Exp(-d * maturity);
                var c = rate * phi * i * maturity + kappa * theta / (sigma * sigma) * ((a - d) * maturity - 2 * Complex.Log((1 - g * e) / (1 - g)));
                var dj = (a - d) / (sigma * sigma) * (1 - e) / (1 - g * e);
                var f = Complex.Exp(c + dj * v0 + i * phi * Math.Log(spot));
                sum += (Complex.Exp(-i * phi * Math.Log(strike)) * f / (i * phi)).Real;
            }

            return 0.5 + sum * step / Math.PI;
        }

        return spot * Probability(0.5, kappa - rho * sigma) - strike * Math.Exp(-rate * maturity) * Probability(-0.5, kappa);
    }

    [Theory]
    [MemberData(nameof(Markets))]
    public void The_price_matches_an_independent_implementation(double[] p)
    {
        var price = HestonFunctions.CallPriceGradient(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], Nodes,
            out _, out _, out _, out _, out _, out _, out _, out _, out _);
        Assert.Equal(ReferencePrice(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]), price, 1e-9);
        Assert.Equal(Price(p), price, 1e-12);
        // And 128 nodes on [0, 64] are a realistic quadrature: within 0.05 cents of 40,000 nodes on [0, 200].
        Assert.Equal(ReferencePrice(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], 40_000, 0.005), price, 5e-4);
        // A sane price: above the discounted intrinsic value, below the spot.
        Assert.InRange(price, Math.Max(0, p[0] - p[1] * Math.Exp(-p[2] * p[3])), p[0]);
    }

    [Theory]
    [MemberData(nameof(Markets))]
    public void The_greeks_and_the_calibration_gradient_match_central_differences(double[] p)
    {
        var price = HestonFunctions.CallPriceGradient(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], Nodes,
            out var dSpot, out var dStrike, out var dRate, out var dMaturity, out var dKappa, out var dTheta, out var dSigma, out var dRho, out var dV0);
        double[] gradient = [dSpot, dStrike, dRate, dMaturity, dKappa, dTheta, dSigma, dRho, dV0];
        for (var j = 0; j < p.Length; j++)
        {
            var h = 1e-5 * Math.Max(1e-2, Math.Abs(p[j]));
            var plus = (double[])p.Clone();
            var minus = (double[])p.Clone();
            plus[j] += h;
            minus[j] -= h;
            var expected = (Price(plus) - Price(minus)) / (2 * h);
            Assert.True(Math.Abs(gradient[j] - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)),
                $"∂price/∂p{j} is {gradient[j]:R}, central differences give {expected:R}");
        }

        // Delta of a call is in (0, 1); vega-like sensitivities to the variance levels are positive.
        Assert.InRange(dSpot, 0, 1);
        Assert.True(dV0 > 0 && dTheta > 0);

        // Forward mode along a calibration direction (κ, θ, σ, ρ, v0) is the gradient dotted with it.
        double[] direction = [0, 0, 0, 0, 0.3, -0.5, 0.8, 0.2, -0.4];
        var (forwardPrice, derivative) = HestonFunctions.CallPriceDerivative(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], Nodes,
            0, 0, 0, 0, 0.3, -0.5, 0.8, 0.2, -0.4);
        Assert.Equal(price, forwardPrice, 1e-12);
        Assert.Equal(gradient.Zip(direction, (g, d) => g * d).Sum(), derivative, 1e-10);
    }

    [Fact]
    public void The_tape_twin_gives_the_same_calibration_gradient()
    {
        double[] p = [100.0, 100.0, 0.03, 1.0, 1.5, 0.04, 0.5, -0.7, 0.04];
        HestonFunctions.CallPriceGradient(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], 32,
            out _, out _, out _, out _, out var dKappa, out var dTheta, out var dSigma, out var dRho, out var dV0);
        var leaves = p.Select(x => Tensor.Scalar(x, requiresGrad: true, dtype: DType.Float64)).ToArray();
        var price = HestonFunctions.CallPriceTape(leaves[0], leaves[1], leaves[2], leaves[3], leaves[4], leaves[5], leaves[6], leaves[7], leaves[8], 32);
        price.Backward();
        Assert.Equal(HestonFunctions.CallPrice(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], 32), price.Item(), 1e-11);
        double[] expected = [dKappa, dTheta, dSigma, dRho, dV0];
        for (var j = 0; j < 5; j++)
        {
            Assert.Equal(expected[j], leaves[4 + j].Grad!.Item(), 1e-10);
        }
    }

    [Fact]
    public void The_gradient_and_the_forward_derivative_allocate_nothing()
    {
        double[] p = [100.0, 100.0, 0.03, 1.0, 1.5, 0.04, 0.5, -0.7, 0.04];
        double Gradient() => HestonFunctions.CallPriceGradient(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], Nodes,
            out _, out _, out _, out _, out _, out _, out _, out _, out _);
        double Derivative() => HestonFunctions.CallPriceDerivative(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], Nodes,
            0, 0, 0, 0, 1, 0, 0, 0, 0).Derivative;
        foreach (var call in new Func<double>[] { Gradient, Derivative })
        {
            var sink = call();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var n = 0; n < 20; n++)
            {
                sink += call();
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.False(double.IsNaN(sink));
        }
    }
}
