using System.Numerics;

namespace AutogradGen.Generator.Tests.Functions;

/// <summary>A model class with Complex fields: read as constants (not differentiated), as any field of this.</summary>
public partial class Circuit
{
    public static readonly Complex Source = new(3, 1);

    public Complex Load { get; set; } = new(1, 2);

    [Differentiable]
    public double Delivered(double gain)
    {
        var z = Load * gain + Source;
        return z.Magnitude + Load.Real * gain + Source.Imaginary;
    }
}

/// <summary>A struct holding a Complex field: its gradient holds a Complex gradient.</summary>
public record struct WaveMode(Complex Amplitude, double Wavenumber);

/// <summary>
/// System.Numerics.Complex inside [Differentiable] methods: one method per operation (its real or imaginary part,
/// chosen by <c>part</c>, so that the generated value can be held against System.Numerics' own), arithmetic mixing
/// Complex and double, Complex parameters (their gradient is ∂f/∂Re + i ∂f/∂Im) and a Complex result.
/// </summary>
public static partial class ComplexFunctions
{
    [Differentiable]
    public static double Multiply(double a, double b, double c, double d, int part)
    {
        var w = new Complex(a, b) * new Complex(c, d);
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double Divide(double a, double b, double c, double d, int part)
    {
        var w = new Complex(a, b) / new Complex(c, d);
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double DivideDoubleByComplex(double a, double c, double d, int part)
    {
        var w = a / new Complex(c, d);
        return part == 0 ? w.Real : w.Imaginary;
    }

    /// <summary>Complex with double on either side, unary minus, the constants, the implicit conversion and the static forms.</summary>
    [Differentiable]
    public static double Mixed(double a, double b, double x, int part)
    {
        var z = new Complex(a, b);
        Complex one = x;
        var w = (2.0 * z - x) * Complex.ImaginaryOne + z / x - (x - z) * z + -z + Complex.One + one * 3;
        w += Complex.Conjugate(z) * x;
        w -= Complex.Multiply(z, Complex.Add(z, 1.5));
        w *= 0.5;
        w /= Complex.Subtract(2.5, Complex.Divide(z, new Complex(x, 1.0)));
        Complex two = 2;
        w = x > 1.2 ? w + Complex.Exp(z) / two : w * (z - two);
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double Exp(double a, double b, int part)
    {
        var w = Complex.Exp(new Complex(a, b));
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double Log(double a, double b, int part)
    {
        var w = Complex.Log(new Complex(a, b));
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double LogWithBase(double a, double b, double logBase, int part)
    {
        var w = Complex.Log(new Complex(a, b), logBase);
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double Log10(double a, double b, int part)
    {
        var w = Complex.Log10(new Complex(a, b));
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double Sqrt(double a, double b, int part)
    {
        var w = Complex.Sqrt(new Complex(a, b));
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double PowComplex(double a, double b, double c, double d, int part)
    {
        var w = Complex.Pow(new Complex(a, b), new Complex(c, d));
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double PowDouble(double a, double b, double p, int part)
    {
        var w = Complex.Pow(new Complex(a, b), p);
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double FromPolar(double magnitude, double phase, int part)
    {
        var w = Complex.FromPolarCoordinates(magnitude, phase);
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double Sin(double a, double b, int part)
    {
        var w = Complex.Sin(new Complex(a, b));
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double Cos(double a, double b, int part)
    {
        var w = Complex.Cos(new Complex(a, b));
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double Sinh(double a, double b, int part)
    {
        var w = Complex.Sinh(new Complex(a, b));
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double Cosh(double a, double b, int part)
    {
        var w = Complex.Cosh(new Complex(a, b));
        return part == 0 ? w.Real : w.Imaginary;
    }

    [Differentiable]
    public static double Reciprocal(double a, double b, int part)
    {
        var w = Complex.Reciprocal(new Complex(a, b));
        return part == 0 ? w.Real : w.Imaginary;
    }

    /// <summary>The numbers read from a complex value.</summary>
    [Differentiable]
    public static double Scalars(double a, double b)
    {
        var z = new Complex(a, b);
        return z.Magnitude + 0.3 * z.Phase + Complex.Abs(z * z) - z.Real * z.Imaginary + (z == Complex.Zero ? 1.0 : 0.0);
    }

    /// <summary>A Complex parameter: the gradient is a Complex, ∂f/∂Re z + i ∂f/∂Im z.</summary>
    [Differentiable]
    public static double Energy(Complex z, double k)
    {
        var w = Complex.Exp(z * k) + z * z;
        return w.Magnitude * w.Magnitude + Complex.Conjugate(w).Imaginary;
    }

    /// <summary>A quadrature sum of a complex integrand in a loop.</summary>
    [Differentiable]
    public static double OscillatorResponse(double damping, double frequency, int nodes)
    {
        var sum = Complex.Zero;
        for (var k = 0; k < nodes; k++)
        {
            var omega = 0.1 + 0.05 * k;
            var response = 1.0 / new Complex(frequency * frequency - omega * omega, damping * omega);
            sum += response * Complex.Exp(new Complex(0, -omega)) * 0.05;
        }

        return sum.Magnitude;
    }

    /// <summary>A Complex result: the impedance of a series RLC circuit.</summary>
    [Differentiable]
    public static Complex Impedance(double resistance, double inductance, double capacitance, double omega) =>
        new Complex(resistance, omega * inductance) + 1.0 / new Complex(0, omega * capacitance);

    /// <summary>Calls a [Differentiable] method taking a Complex, and one returning a Complex.</summary>
    [Differentiable]
    public static double CircuitPower(double resistance, double inductance, double omega)
    {
        var current = 1.0 / Impedance(resistance, inductance, 0.01, omega);
        return Energy(current, 0.5) + (current * Complex.Conjugate(current)).Real * resistance;
    }

    /// <summary>A span of complex amplitudes (differentiated as the span of their parts) and a local array of Complex.</summary>
    [Differentiable]
    public static double SpectralPower(ReadOnlySpan<Complex> amplitudes, double frequency)
    {
        var phases = new Complex[amplitudes.Length];
        for (var k = 0; k < amplitudes.Length; k++)
        {
            phases[k] = Complex.FromPolarCoordinates(1.0, frequency * k);
        }

        var sum = Complex.Zero;
        for (var k = 0; k < amplitudes.Length; k++)
        {
            sum += amplitudes[k] * phases[k];
        }

        return sum.Real * sum.Real + sum.Imaginary * sum.Imaginary;
    }

    /// <summary>A struct parameter with a Complex field.</summary>
    [Differentiable]
    public static double ModeIntensity(WaveMode mode, double x)
    {
        var field = mode.Amplitude * Complex.Exp(new Complex(0, mode.Wavenumber * x));
        return field.Magnitude * field.Magnitude + field.Real * x;
    }

    /// <summary>Complex locals in a method with second-order members (forward over reverse runs the lowering on dual numbers).</summary>
    [Differentiable(SecondOrder = true)]
    public static double ComplexCurvature(double a, double b)
    {
        var z = new Complex(a, b);
        var w = Complex.Exp(z * z * 0.3) / (z + 2.0);
        return w.Real + Complex.Sqrt(w).Imaginary + w.Magnitude;
    }
}
