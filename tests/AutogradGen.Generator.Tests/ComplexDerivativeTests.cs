using System.Globalization;
using System.Numerics;
using AutogradGen.Generator.Tests.Checking;
using AutogradGen.Generator.Tests.Driver;
using F = AutogradGen.Generator.Tests.Functions.ComplexFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// System.Numerics.Complex in [Differentiable] methods: every operation's generated value against System.Numerics'
/// own (to the last bits), its gradient against central differences and forward mode against reverse, per part;
/// a Complex parameter's gradient (∂f/∂Re + i ∂f/∂Im), a Complex result's Jacobian, the tape twins, 0 B per call,
/// and the diagnostic for a member that is not differentiated.
/// </summary>
public class ComplexDerivativeTests
{
    private delegate double Function2(double a, double b, int part);

    private delegate double Gradient2(double a, double b, int part, out double da, out double db);

    private delegate (double Value, double Derivative) Derivative2(double a, double b, int part, double ta, double tb);

    private delegate double Function3(double a, double b, double c, int part);

    private delegate double Gradient3(double a, double b, double c, int part, out double da, out double db, out double dc);

    private delegate (double Value, double Derivative) Derivative3(double a, double b, double c, int part, double ta, double tb, double tc);

    private delegate double Function4(double a, double b, double c, double d, int part);

    private delegate double Gradient4(double a, double b, double c, double d, int part, out double da, out double db, out double dc, out double dd);

    private delegate (double Value, double Derivative) Derivative4(double a, double b, double c, double d, int part, double ta, double tb, double tc, double td);

    /// <summary>One operation: its dimension, the original (System.Numerics), the generated Gradient and Derivative, per part.</summary>
    private sealed record Operation(string Name, int Dimension, Func<double[], int, double> Original, Func<double[], int, (double, double[])> Gradient,
        Func<double[], double[], int, (double, double)> Derivative, double Low = -2, double High = 2);

    private static Operation Op(string name, Function2 f, Gradient2 g, Derivative2 d, double low = -2, double high = 2) => new(
        name, 2, (p, part) => f(p[0], p[1], part),
        (p, part) => (g(p[0], p[1], part, out var da, out var db), [da, db]),
        (p, t, part) => d(p[0], p[1], part, t[0], t[1]), low, high);

    private static Operation Op(string name, Function3 f, Gradient3 g, Derivative3 d, double low = -2, double high = 2) => new(
        name, 3, (p, part) => f(p[0], p[1], p[2], part),
        (p, part) => (g(p[0], p[1], p[2], part, out var da, out var db, out var dc), [da, db, dc]),
        (p, t, part) => d(p[0], p[1], p[2], part, t[0], t[1], t[2]), low, high);

    private static Operation Op(string name, Function4 f, Gradient4 g, Derivative4 d, double low = -2, double high = 2) => new(
        name, 4, (p, part) => f(p[0], p[1], p[2], p[3], part),
        (p, part) => (g(p[0], p[1], p[2], p[3], part, out var da, out var db, out var dc, out var dd), [da, db, dc, dd]),
        (p, t, part) => d(p[0], p[1], p[2], p[3], part, t[0], t[1], t[2], t[3]), low, high);

    private static readonly Dictionary<string, Operation> s_operations = new[]
    {
        Op("Multiply", F.Multiply, F.MultiplyGradient, F.MultiplyDerivative),
        Op("Divide", F.Divide, F.DivideGradient, F.DivideDerivative),
        Op("DivideDoubleByComplex", F.DivideDoubleByComplex, F.DivideDoubleByComplexGradient, F.DivideDoubleByComplexDerivative),
        Op("Mixed", F.Mixed, F.MixedGradient, F.MixedDerivative, 0.5, 2),
        Op("Exp", F.Exp, F.ExpGradient, F.ExpDerivative),
        Op("Log", F.Log, F.LogGradient, F.LogDerivative),
        Op("LogWithBase", F.LogWithBase, F.LogWithBaseGradient, F.LogWithBaseDerivative, 0.2, 3),
        Op("Log10", F.Log10, F.Log10Gradient, F.Log10Derivative),
        Op("Sqrt", F.Sqrt, F.SqrtGradient, F.SqrtDerivative),
        Op("PowComplex", F.PowComplex, F.PowComplexGradient, F.PowComplexDerivative),
        Op("PowDouble", F.PowDouble, F.PowDoubleGradient, F.PowDoubleDerivative),
        Op("FromPolar", F.FromPolar, F.FromPolarGradient, F.FromPolarDerivative),
        Op("Sin", F.Sin, F.SinGradient, F.SinDerivative),
        Op("Cos", F.Cos, F.CosGradient, F.CosDerivative),
        Op("Sinh", F.Sinh, F.SinhGradient, F.SinhDerivative),
        Op("Cosh", F.Cosh, F.CoshGradient, F.CoshDerivative),
        Op("Reciprocal", F.Reciprocal, F.ReciprocalGradient, F.ReciprocalDerivative),
    }.ToDictionary(o => o.Name);

    public static TheoryData<string, int> OperationParts
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var name in s_operations.Keys)
            {
                data.Add(name, 0);
                data.Add(name, 1);
            }

            return data;
        }
    }

    private static DerivativeCase Case(Operation operation, int part) => new()
    {
        Name = operation.Name + (part == 0 ? ".Real" : ".Imaginary"),
        Dimension = operation.Dimension,
        Function = p => operation.Original(p, part),
        Gradient = p => operation.Gradient(p, part),
        Derivative = (p, t) => operation.Derivative(p, t, part),
        Low = operation.Low,
        High = operation.High,
        Tolerance = 1e-7,
    };

    /// <summary>The distance in units in the last place (0 for equal values, +0 and −0 included).</summary>
    private static long Ulps(double x, double y)
    {
        if (x == y || double.IsNaN(x) && double.IsNaN(y))
        {
            return 0;
        }

        long a = BitConverter.DoubleToInt64Bits(x), b = BitConverter.DoubleToInt64Bits(y);
        return (a < 0) != (b < 0) ? long.MaxValue : Math.Abs(a - b);
    }

    [Theory]
    [MemberData(nameof(OperationParts))]
    public void The_generated_value_is_System_Numerics_value_to_the_last_bits(string name, int part)
    {
        var operation = s_operations[name];
        var random = new Random(name.Length * 31 + part);
        for (var n = 0; n < 200; n++)
        {
            // Wide magnitudes (1e-3 to 1e3), both signs, so that every branch of the scaled formulas runs.
            var point = Enumerable.Range(0, operation.Dimension)
                .Select(_ => (random.NextDouble() * (operation.High - operation.Low) + operation.Low) * Math.Pow(10, random.Next(-3, operation.Low < 0 ? 4 : 1))).ToArray();
            var expected = operation.Original(point, part);
            var (value, _) = operation.Gradient(point, part);
            var (forwardValue, _) = operation.Derivative(point, new double[operation.Dimension], part);
            Assert.True(Ulps(expected, value) <= 2, $"{name}[{part}] at ({string.Join(", ", point)}): System.Numerics gives {expected:R}, the gradient's value is {value:R}.");
            Assert.True(Ulps(expected, forwardValue) <= 2, $"{name}[{part}] at ({string.Join(", ", point)}): System.Numerics gives {expected:R}, forward mode's value is {forwardValue:R}.");
        }
    }

    [Theory]
    [MemberData(nameof(OperationParts))]
    public void Gradient_matches_central_finite_differences(string name, int part) =>
        DerivativeChecker.GradientMatchesFiniteDifferences(Case(s_operations[name], part));

    [Theory]
    [MemberData(nameof(OperationParts))]
    public void Forward_mode_equals_the_gradient_dotted_with_the_direction(string name, int part) =>
        DerivativeChecker.ForwardModeMatchesGradientDotDirection(Case(s_operations[name], part));

    [Theory]
    [InlineData(4.0, 0.0)]
    [InlineData(-4.0, 0.0)]
    [InlineData(0.0, 2.0)]
    [InlineData(1e-300, 1e-300)]
    public void The_square_root_of_real_and_imaginary_numbers_is_System_Numerics_and_keeps_its_derivative_in_the_imaginary_part(double a, double b)
    {
        var expected = Complex.Sqrt(new Complex(a, b));
        Assert.Equal(expected.Real, F.SqrtGradient(a, b, 0, out _, out var dImaginary));
        Assert.Equal(expected.Imaginary, F.SqrtGradient(a, b, 1, out _, out _));
        if (a > 0 && b == 0)
        {
            // √(a + ib) ≈ √a + ib / (2√a): the general formula, not the real special case, so ∂Re/∂b = 0 and ∂Im/∂b = 1/(2√a).
            Assert.Equal(0, dImaginary);
            F.SqrtGradient(a, b, 1, out _, out var dImaginaryOfImaginary);
            Assert.Equal(1 / (2 * Math.Sqrt(a)), dImaginaryOfImaginary, 15);
        }
    }

    [Fact]
    public void Sqrt_and_Pow_of_zero_are_System_Numerics_values()
    {
        Assert.Equal(0.0, F.SqrtGradient(0, 0, 0, out _, out _));
        Assert.Equal(0.0, F.SqrtGradient(0, 0, 1, out _, out _));
        Assert.Equal(1.0, F.PowComplexGradient(0, 0, 0, 0, 0, out _, out _, out _, out _));
        Assert.Equal(0.0, F.PowComplexGradient(0, 0, 1.5, 0.5, 0, out _, out _, out _, out _));
        Assert.Equal(0.0, F.PowDoubleGradient(0, 0, 2.5, 1, out _, out _, out _));
        Assert.Equal(0.0, F.ReciprocalGradient(0, 0, 0, out _, out _));
    }

    [Theory]
    [InlineData(0.7, -1.3)]
    [InlineData(-1.6, 0.4)]
    [InlineData(3.0, 4.0)]
    public void Magnitude_phase_abs_and_equality_read_System_Numerics_numbers(double a, double b)
    {
        var z = new Complex(a, b);
        var value = F.ScalarsGradient(a, b, out var da, out var db);
        Assert.Equal(z.Magnitude + 0.3 * z.Phase + Complex.Abs(z * z) - a * b, value, 15);
        const double h = 1e-6;
        Assert.Equal((F.Scalars(a + h, b) - F.Scalars(a - h, b)) / (2 * h), da, 7);
        Assert.Equal((F.Scalars(a, b + h) - F.Scalars(a, b - h)) / (2 * h), db, 7);
        Assert.Equal(da, F.ScalarsDerivative(a, b, 1, 0).Derivative, 14);
        Assert.Equal(1.0, F.ScalarsGradient(0, 0, out _, out _) - 0.0, 15);
    }

    [Theory]
    [InlineData(0.4, -0.3, 1.2)]
    [InlineData(-0.8, 0.9, 0.5)]
    public void A_complex_parameter_gets_a_complex_gradient_and_tangent_of_its_parts(double re, double im, double k)
    {
        var z = new Complex(re, im);
        var value = F.EnergyGradient(z, k, out var zGradient, out var kGradient);
        Assert.Equal(F.Energy(z, k), value, 14);
        const double h = 1e-6;
        var dRe = (F.Energy(new Complex(re + h, im), k) - F.Energy(new Complex(re - h, im), k)) / (2 * h);
        var dIm = (F.Energy(new Complex(re, im + h), k) - F.Energy(new Complex(re, im - h), k)) / (2 * h);
        var dK = (F.Energy(z, k + h) - F.Energy(z, k - h)) / (2 * h);
        // PyTorch's convention for a real function of a complex input: ∂f/∂Re z + i ∂f/∂Im z.
        Assert.Equal(dRe, zGradient.Real, 6);
        Assert.Equal(dIm, zGradient.Imaginary, 6);
        Assert.Equal(dK, kGradient, 6);

        var tangent = new Complex(0.3, -0.7);
        var (forwardValue, derivative) = F.EnergyDerivative(z, k, tangent, 0.2);
        Assert.Equal(value, forwardValue, 14);
        Assert.Equal(0.3 * zGradient.Real - 0.7 * zGradient.Imaginary + 0.2 * kGradient, derivative, 12);

        var tapeZ = (Real: Tensor.Scalar(re, requiresGrad: true, dtype: DType.Float64), Imaginary: Tensor.Scalar(im, requiresGrad: true, dtype: DType.Float64));
        var tapeK = Tensor.Scalar(k, requiresGrad: true, dtype: DType.Float64);
        var tape = F.EnergyTape(tapeZ.Real, tapeZ.Imaginary, tapeK);
        tape.Backward();
        Assert.Equal(value, tape.Item(), 13);
        Assert.Equal(zGradient.Real, tapeZ.Real.Grad!.Item(), 12);
        Assert.Equal(zGradient.Imaginary, tapeZ.Imaginary.Grad!.Item(), 12);
        Assert.Equal(kGradient, tapeK.Grad!.Item(), 12);
    }

    [Fact]
    public void A_complex_result_has_a_jacobian_of_its_parts()
    {
        double r = 50, l = 0.2, c = 1e-4, omega = 314.159;
        var jacobian = new double[2 * 4];
        Complex impedance = F.ImpedanceJacobian(r, l, c, omega, jacobian);
        Assert.Equal(F.Impedance(r, l, c, omega), impedance);
        double[] point = [r, l, c, omega];
        for (var i = 0; i < 4; i++)
        {
            var h = 1e-6 * Math.Abs(point[i]);
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[i] += h;
            minus[i] -= h;
            var difference = (F.Impedance(plus[0], plus[1], plus[2], plus[3]) - F.Impedance(minus[0], minus[1], minus[2], minus[3])) / (2 * h);
            Assert.Equal(difference.Real, jacobian[i], 1e-6 * Math.Max(1, Math.Abs(difference.Real)));
            Assert.Equal(difference.Imaginary, jacobian[4 + i], 1e-6 * Math.Max(1, Math.Abs(difference.Imaginary)));
        }

        var (value, tangent) = F.ImpedanceJvp(r, l, c, omega, 0, 0, 0, 1);
        Assert.Equal(impedance, value);
        Assert.Equal(jacobian[3], tangent.Real, 12);
        Assert.Equal(jacobian[7], tangent.Imaginary, 12);
    }

    [Theory]
    [InlineData(0.3, 1.1, 40)]
    [InlineData(0.05, 0.8, 64)]
    public void A_quadrature_over_a_complex_integrand_in_a_loop(double damping, double frequency, int nodes)
    {
        var value = F.OscillatorResponseGradient(damping, frequency, nodes, out var dDamping, out var dFrequency);
        Assert.Equal(F.OscillatorResponse(damping, frequency, nodes), value, 13);
        const double h = 1e-6;
        Assert.Equal((F.OscillatorResponse(damping + h, frequency, nodes) - F.OscillatorResponse(damping - h, frequency, nodes)) / (2 * h), dDamping, 1e-5 * Math.Max(1, Math.Abs(dDamping)));
        Assert.Equal((F.OscillatorResponse(damping, frequency + h, nodes) - F.OscillatorResponse(damping, frequency - h, nodes)) / (2 * h), dFrequency, 1e-5 * Math.Max(1, Math.Abs(dFrequency)));
        Assert.Equal(0.5 * dDamping - 0.25 * dFrequency, F.OscillatorResponseDerivative(damping, frequency, nodes, 0.5, -0.25).Derivative, 10);

        var tapeDamping = Tensor.Scalar(damping, requiresGrad: true, dtype: DType.Float64);
        var tapeFrequency = Tensor.Scalar(frequency, requiresGrad: true, dtype: DType.Float64);
        F.OscillatorResponseTape(tapeDamping, tapeFrequency, nodes).Backward();
        Assert.Equal(dDamping, tapeDamping.Grad!.Item(), 10);
        Assert.Equal(dFrequency, tapeFrequency.Grad!.Item(), 10);
    }

    [Fact]
    public void Calls_between_methods_taking_and_returning_complex_numbers()
    {
        double r = 2.0, l = 0.05, omega = 50;
        var value = F.CircuitPowerGradient(r, l, omega, out var dR, out var dL, out var dOmega);
        Assert.Equal(F.CircuitPower(r, l, omega), value, 13);
        const double h = 1e-6;
        Assert.Equal((F.CircuitPower(r + h, l, omega) - F.CircuitPower(r - h, l, omega)) / (2 * h), dR, 1e-6);
        Assert.Equal((F.CircuitPower(r, l + h, omega) - F.CircuitPower(r, l - h, omega)) / (2 * h), dL, 1e-5);
        Assert.Equal((F.CircuitPower(r, l, omega + h) - F.CircuitPower(r, l, omega - h)) / (2 * h), dOmega, 1e-6);
        Assert.Equal(dL, F.CircuitPowerDerivative(r, l, omega, 0, 1, 0).Derivative, 10);
    }

    [Fact]
    public void A_span_of_complex_numbers_gets_a_span_of_complex_gradients()
    {
        Complex[] amplitudes = [new(0.5, -0.2), new(-0.3, 0.8), new(1.1, 0.4), new(0.2, -0.9)];
        const double frequency = 0.7;
        var gradient = new Complex[4];
        var value = F.SpectralPowerGradient(amplitudes, frequency, gradient, out var dFrequency);
        Assert.Equal(F.SpectralPower(amplitudes, frequency), value, 13);
        const double h = 1e-6;
        for (var k = 0; k < amplitudes.Length; k++)
        {
            foreach (var imaginary in new[] { false, true })
            {
                var step = imaginary ? new Complex(0, h) : new Complex(h, 0);
                var plus = (Complex[])amplitudes.Clone();
                var minus = (Complex[])amplitudes.Clone();
                plus[k] += step;
                minus[k] -= step;
                var expected = (F.SpectralPower(plus, frequency) - F.SpectralPower(minus, frequency)) / (2 * h);
                Assert.Equal(expected, imaginary ? gradient[k].Imaginary : gradient[k].Real, 1e-6);
            }
        }

        Assert.Equal((F.SpectralPower(amplitudes, frequency + h) - F.SpectralPower(amplitudes, frequency - h)) / (2 * h), dFrequency, 1e-6);
        Complex[] tangent = [new(1, 0), new(0, -1), new(0.5, 0.5), new(0, 0)];
        var expectedDerivative = 0.3 * dFrequency;
        for (var k = 0; k < 4; k++)
        {
            expectedDerivative += tangent[k].Real * gradient[k].Real + tangent[k].Imaginary * gradient[k].Imaginary;
        }

        Assert.Equal(expectedDerivative, F.SpectralPowerDerivative(amplitudes, frequency, tangent, 0.3).Derivative, 12);
    }

    [Fact]
    public void A_struct_with_a_complex_field_gets_a_gradient_with_a_complex_field()
    {
        var mode = new Functions.WaveMode(new Complex(0.6, -0.8), 1.3);
        const double x = 0.7, h = 1e-6;
        var value = F.ModeIntensityGradient(mode, x, out var modeGradient, out var xGradient);
        Assert.Equal(F.ModeIntensity(mode, x), value, 14);
        double Shifted(double dRe, double dIm, double dK, double dx) =>
            F.ModeIntensity(new Functions.WaveMode(mode.Amplitude + new Complex(dRe, dIm), mode.Wavenumber + dK), x + dx);
        Assert.Equal((Shifted(h, 0, 0, 0) - Shifted(-h, 0, 0, 0)) / (2 * h), modeGradient.Amplitude.Real, 1e-7);
        Assert.Equal((Shifted(0, h, 0, 0) - Shifted(0, -h, 0, 0)) / (2 * h), modeGradient.Amplitude.Imaginary, 1e-7);
        Assert.Equal((Shifted(0, 0, h, 0) - Shifted(0, 0, -h, 0)) / (2 * h), modeGradient.Wavenumber, 1e-7);
        Assert.Equal((Shifted(0, 0, 0, h) - Shifted(0, 0, 0, -h)) / (2 * h), xGradient, 1e-7);
        var tangent = new Functions.WaveMode(new Complex(1, 0.5), -1);
        Assert.Equal(modeGradient.Amplitude.Real + 0.5 * modeGradient.Amplitude.Imaginary - modeGradient.Wavenumber,
            F.ModeIntensityDerivative(mode, x, tangent, 0).Derivative, 12);
    }

    [Fact]
    public void Complex_fields_of_this_and_static_readonly_constants_are_read_as_they_are()
    {
        var circuit = new Functions.Circuit { Load = new Complex(0.5, -1.5) };
        const double gain = 1.7, h = 1e-6;
        var value = circuit.DeliveredGradient(gain, out var dGain);
        Assert.Equal(circuit.Delivered(gain), value, 14);
        Assert.Equal((circuit.Delivered(gain + h) - circuit.Delivered(gain - h)) / (2 * h), dGain, 1e-7);
        Assert.Equal(dGain, circuit.DeliveredDerivative(gain, 1).Derivative, 14);
    }

    [Fact]
    public void Complex_gradients_and_tangents_allocate_nothing()
    {
        var z = new Complex(0.4, -0.3);
        AssertNoAllocation(() => F.EnergyGradient(z, 1.2, out _, out _));
        AssertNoAllocation(() => F.EnergyDerivative(z, 1.2, z, 1).Derivative);
        AssertNoAllocation(() => F.OscillatorResponseGradient(0.3, 1.1, 64, out _, out _));
        AssertNoAllocation(() => F.OscillatorResponseDerivative(0.3, 1.1, 64, 1, 0).Derivative);
        AssertNoAllocation(() => F.MixedGradient(0.7, 1.2, 1.5, 1, out _, out _, out _));
        AssertNoAllocation(() => F.CircuitPowerGradient(2.0, 0.05, 50, out _, out _, out _));

    }

    [Fact]
    public void A_complex_member_that_is_not_differentiated_is_one_diagnostic_naming_it()
    {
        var run = GeneratorHarness.Run("using System;\nusing System.Numerics;\nusing AutogradGen;\npublic static partial class Functions\n{\n    [Differentiable]\n    public static double F(double a, double b)\n    {\n"
            + "        var z = new Complex(a, b);\n        var t = Complex.Tan(z) * z;\n        return t.Real + Complex.Exp(z).Imaginary;\n    }\n}\n");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("AGD0006", diagnostic.Id);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("Complex.Tan(z)", message, StringComparison.Ordinal);
        Assert.Contains("write this one through Real and Imaginary", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.4, 0.3)]
    [InlineData(-0.7, 1.1)]
    public void The_hessian_of_complex_code_is_the_derivative_of_its_gradient(double a, double b)
    {
        var hessian = new double[4];
        var value = F.ComplexCurvatureHessian(a, b, hessian);
        Assert.Equal(F.ComplexCurvature(a, b), value, 14);
        const double h = 1e-6;
        F.ComplexCurvatureGradient(a + h, b, out var daPlus, out var dbPlus);
        F.ComplexCurvatureGradient(a - h, b, out var daMinus, out var dbMinus);
        F.ComplexCurvatureGradient(a, b + h, out var daUp, out var dbUp);
        F.ComplexCurvatureGradient(a, b - h, out var daDown, out var dbDown);
        Assert.Equal((daPlus - daMinus) / (2 * h), hessian[0], 1e-6);
        Assert.Equal((dbPlus - dbMinus) / (2 * h), hessian[2], 1e-6);
        Assert.Equal((daUp - daDown) / (2 * h), hessian[1], 1e-6);
        Assert.Equal((dbUp - dbDown) / (2 * h), hessian[3], 1e-6);
    }

    [Theory]
    [InlineData("[Differentiable(SecondOrder = true)]")]
    [InlineData("[Differentiable]")]
    public void Complex_code_in_every_kind_of_member_compiles_or_is_refused_with_a_diagnostic(string attribute)
    {
        var run = GeneratorHarness.Run("using System;\nusing System.Numerics;\nusing AutogradGen;\npublic static partial class Functions\n{\n    " + attribute + "\n    public static double F(double a, double b)\n    {\n"
            + "        var z = new Complex(a, b);\n        var w = Complex.Sqrt(z * z + 1.0) / (z - new Complex(0, 0.5));\n        return w.Magnitude + Complex.Log(w).Imaginary + Complex.Pow(w, 1.5).Real;\n    }\n\n"
            + "    [Differentiable]\n    public static double G(double a) => F(a, 2 * a) + F(a, 0.5);\n}\n");
        Assert.Empty(run.CompilationProblems);
        Assert.True(run.Diagnostics.All(d => d.Severity < Microsoft.CodeAnalysis.DiagnosticSeverity.Error) || !run.HasCodeFor("F"),
            string.Join("\n", run.Diagnostics));
    }

    private static void AssertNoAllocation(Func<double> call)
    {
        var sink = 0.0;
        for (var i = 0; i < 5; i++)
        {
            sink += call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            sink += call();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.False(double.IsNaN(sink));
    }
}
