using System.Numerics;

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>
/// The Heston semi-closed-form call price, as quantitative-finance code writes it: the characteristic function in
/// complex arithmetic and the Gil-Pelaez inversion as a fixed-node quadrature. Its greeks and calibration gradient
/// (∂/∂κ, θ, σ, ρ, v0) are what the generated Gradient gives.
/// </summary>
public static partial class HestonFunctions
{
    /// <summary>
    /// E[exp(iu ln(S_T / F))] under Heston, in the "little trap" form (Albrecher et al. 2007), which keeps the
    /// logarithm on its principal branch. A [Differentiable] method returning a Complex: its callers inline it.
    /// </summary>
    [Differentiable]
    public static Complex Characteristic(Complex u, double maturity, double kappa, double theta, double sigma, double rho, double v0)
    {
        var i = Complex.ImaginaryOne;
        var beta = kappa - rho * sigma * i * u;
        var d = Complex.Sqrt(beta * beta + sigma * sigma * (u * u + i * u));
        var g = (beta - d) / (beta + d);
        var decay = Complex.Exp(-d * maturity);
        var c = kappa * theta / (sigma * sigma) * ((beta - d) * maturity - 2.0 * Complex.Log((1.0 - g * decay) / (1.0 - g)));
        var dTerm = v0 / (sigma * sigma) * (beta - d) * (1.0 - decay) / (1.0 - g * decay);
        return Complex.Exp(c + dTerm);
    }

    /// <summary>
    /// The call price by Gil-Pelaez: C = e^(−rT) (F P1 − K P2), P_j = 1/2 + 1/π ∫ Re[e^(−iuk) φ_j(u) / (iu)] du with
    /// k = ln(K / F), φ_1(u) = φ(u − i), φ_2 = φ; the integral over [0, 64] by the midpoint rule on <paramref name="nodes"/> nodes.
    /// </summary>
    [Differentiable]
    public static double CallPrice(double spot, double strike, double rate, double maturity, double kappa, double theta, double sigma, double rho, double v0, int nodes)
    {
        var step = 64.0 / nodes;
        var forward = spot * Math.Exp(rate * maturity);
        var k = Math.Log(strike / forward);
        var sum1 = 0.0;
        var sum2 = 0.0;
        for (var n = 0; n < nodes; n++)
        {
            var u = (n + 0.5) * step;
            var shift = Complex.Exp(new Complex(0, -u * k)) / new Complex(0, u);
            sum1 += (shift * Characteristic(new Complex(u, -1), maturity, kappa, theta, sigma, rho, v0)).Real;
            sum2 += (shift * Characteristic(new Complex(u, 0), maturity, kappa, theta, sigma, rho, v0)).Real;
        }

        var p1 = 0.5 + sum1 * step / Math.PI;
        var p2 = 0.5 + sum2 * step / Math.PI;
        return Math.Exp(-rate * maturity) * (forward * p1 - strike * p2);
    }
}
