using System.Numerics;

namespace AutogradGen.CrossChecks.Corpus;

/// <summary>
/// System.Numerics.Complex, as finance and physics code writes it: characteristic functions and their Fourier
/// inversion, impedances, wave amplitudes, polynomial roots, a damped oscillator's transfer function. The twin runs
/// each on pairs of real tensors (the same lowering: a Complex is its two parts).
/// </summary>
public static partial class ComplexNumbers
{
    /// <summary>|Z| and arg Z of a series RLC circuit at angular frequency ω.</summary>
    [Differentiable, Domain(0.5, 2)]
    public static double SeriesImpedance(double resistance, double inductance, double capacitance, double omega)
    {
        var z = new Complex(resistance, omega * inductance - 1.0 / (omega * capacitance));
        return z.Magnitude + 0.5 * z.Phase;
    }

    /// <summary>Two impedances in parallel: 1 / (1/Z1 + 1/Z2), with Complex.Reciprocal.</summary>
    [Differentiable, Domain(0.5, 2)]
    public static double ParallelImpedance(double r1, double l1, double r2, double c2, double omega)
    {
        var z1 = new Complex(r1, omega * l1);
        var z2 = r2 + 1.0 / (Complex.ImaginaryOne * omega * c2);
        var total = Complex.Reciprocal(Complex.Reciprocal(z1) + Complex.Reciprocal(z2));
        return total.Real - 0.3 * total.Imaginary;
    }

    /// <summary>The power of a damped driven oscillator's response, |1 / (ω0² − ω² + iγω)|².</summary>
    [Differentiable, Domain(0.5, 2)]
    public static double OscillatorPower(double naturalFrequency, double damping, double omega)
    {
        var response = 1.0 / new Complex(naturalFrequency * naturalFrequency - omega * omega, damping * omega);
        return (response * Complex.Conjugate(response)).Real;
    }

    /// <summary>A discrete Fourier coefficient of a sampled signal, its power.</summary>
    [Differentiable, Domain(-1.5, 1.5)]
    public static double FourierPower(double a, double b, double frequency)
    {
        var sum = Complex.Zero;
        for (var n = 0; n < 16; n++)
        {
            var sample = a * Math.Sin(0.4 * n) + b * Math.Cos(0.9 * n);
            sum += sample * Complex.Exp(new Complex(0, -frequency * n));
        }

        return sum.Magnitude * sum.Magnitude / 16;
    }

    /// <summary>A plane wave's intensity after two paths: |e^(ik·d1) + r e^(ik·d2)|².</summary>
    [Differentiable, Domain(0.5, 2)]
    public static double Interference(double wavenumber, double d1, double d2, double reflectance)
    {
        var wave = Complex.FromPolarCoordinates(1.0, wavenumber * d1) + Complex.FromPolarCoordinates(reflectance, wavenumber * d2);
        return Complex.Abs(wave) * Complex.Abs(wave);
    }

    /// <summary>
    /// An escape-time iteration z ← z² + c (the Mandelbrot map), a complex magnitude in the loop condition, and a
    /// conditional Complex value: a smooth energy of the orbit.
    /// </summary>
    [Differentiable, Domain(-0.6, 0.4)]
    public static double OrbitEnergy(double re, double im)
    {
        var c = new Complex(re, im);
        var z = Complex.Zero;
        var energy = 0.0;
        var n = 0;
        while ((z * z).Magnitude < 4.0 && n < 12)
        {
            z = z * z + c;
            var step = z.Real > 0 ? z : Complex.Conjugate(z) * 0.5;
            energy += step.Real * step.Real + step.Imaginary;
            n++;
        }

        return energy;
    }

    /// <summary>A root of x² + bx + c by the quadratic formula over Complex (real or complex roots alike).</summary>
    [Differentiable, Domain(-2, 2)]
    public static double QuadraticRoot(double b, double c)
    {
        var discriminant = Complex.Sqrt(b * b - 4.0 * c + new Complex(0, 0.5));
        var root = (-b + discriminant) / 2.0;
        return root.Real + 2.0 * root.Imaginary;
    }

    /// <summary>Complex powers and logarithms: the principal value of z^w, and a logarithm to a real base.</summary>
    [Differentiable, Domain(0.3, 1.8)]
    public static double PrincipalPower(double a, double b, double c, double d)
    {
        var z = new Complex(a, b);
        var power = Complex.Pow(z, new Complex(c, d)) + Complex.Pow(z, c * d);
        return power.Real + Complex.Log(power, 3.0).Imaginary + Complex.Log10(z).Real;
    }

    /// <summary>Complex trigonometric and hyperbolic functions: a transmission line's input impedance shape.</summary>
    [Differentiable, Domain(-1, 1)]
    public static double TransmissionLine(double alpha, double beta, double length)
    {
        var gamma = new Complex(alpha, beta) * length;
        var ratio = Complex.Sinh(gamma) / Complex.Cosh(gamma) + Complex.Sin(gamma) * Complex.Cos(gamma);
        return ratio.Real + ratio.Imaginary * ratio.Imaginary;
    }

    /// <summary>The Black-Scholes characteristic function inverted by Gil-Pelaez (a call price), 48 nodes.</summary>
    [Differentiable, Domain(0.2, 1.2)]
    public static double FourierBlackScholes(double spot, double strike, double volatility, double maturity)
    {
        var k = Math.Log(strike / spot);
        var variance = volatility * volatility * maturity;
        var sum1 = 0.0;
        var sum2 = 0.0;
        const double step = 0.25;
        for (var n = 0; n < 48; n++)
        {
            var u = (n + 0.5) * step;
            var shift = Complex.Exp(new Complex(0, -u * k)) / new Complex(0, u);
            // φ(u) of ln(S_T / S) with zero rate: exp(−iu σ²T/2 − u² σ²T/2); φ(u − i) for P1.
            var iu = new Complex(0, u);
            var phi2 = Complex.Exp(-0.5 * variance * (iu + u * u));
            var shifted = new Complex(u, -1);
            var phi1 = Complex.Exp(-0.5 * variance * (Complex.ImaginaryOne * shifted + shifted * shifted));
            sum1 += (shift * phi1).Real;
            sum2 += (shift * phi2).Real;
        }

        var p1 = 0.5 + sum1 * step / Math.PI;
        var p2 = 0.5 + sum2 * step / Math.PI;
        return spot * p1 - strike * p2;
    }

    /// <summary>The Heston characteristic function (little trap), a [Differentiable] method with a Complex parameter and result.</summary>
    [Differentiable]
    public static Complex HestonCharacteristic(Complex u, double maturity, double kappa, double theta, double sigma, double rho, double v0)
    {
        var i = Complex.ImaginaryOne;
        var beta = kappa - rho * sigma * i * u;
        var d = Complex.Sqrt(beta * beta + sigma * sigma * (u * u + i * u));
        var g = (beta - d) / (beta + d);
        var decay = Complex.Exp(-d * maturity);
        var c = kappa * theta / (sigma * sigma) * ((beta - d) * maturity - 2.0 * Complex.Log((1.0 - g * decay) / (1.0 - g)));
        return Complex.Exp(c + v0 / (sigma * sigma) * (beta - d) * (1.0 - decay) / (1.0 - g * decay));
    }

    /// <summary>A Heston call price by Gil-Pelaez on 32 nodes: its gradient in κ, θ, σ, ρ, v0 (spot 1, strike 1, one year).</summary>
    [Differentiable, Domain(0.2, 0.8)]
    public static double HestonCall(double kappa, double theta, double sigma, double rho, double v0)
    {
        var sum1 = 0.0;
        var sum2 = 0.0;
        const double step = 1.5;
        for (var n = 0; n < 32; n++)
        {
            var u = (n + 0.5) * step;
            var toward = 1.0 / new Complex(0, u);
            sum1 += (toward * HestonCharacteristic(new Complex(u, -1), 1.0, kappa + 1, theta, sigma, -rho, v0)).Real;
            sum2 += (toward * HestonCharacteristic(u, 1.0, kappa + 1, theta, sigma, -rho, v0)).Real;
        }

        return (sum1 - sum2) * step / Math.PI;
    }

    /// <summary>A Complex parameter: a real loss of a complex input (its gradient is ∂/∂Re + i ∂/∂Im).</summary>
    [Differentiable]
    public static double ComplexLoss(Complex z, double weight)
    {
        var w = Complex.Exp(z * weight) - z * z * z;
        return w.Magnitude + Complex.Conjugate(w).Imaginary * weight;
    }

    /// <summary>Two Complex parameters and a call passing a Complex argument.</summary>
    [Differentiable]
    public static double ComplexRatioLoss(Complex numerator, Complex denominator)
    {
        var ratio = numerator / denominator;
        return ComplexLoss(ratio, 0.5) + (ratio == Complex.Zero ? 1.0 : 0.0);
    }
}
