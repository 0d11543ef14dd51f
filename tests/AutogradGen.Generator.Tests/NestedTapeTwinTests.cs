using N = AutogradGen.Generator.Tests.Functions.NestedFunctions;
using S = AutogradGen.Generator.Tests.Functions.NestedSpanFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Tape twins of methods with nested calls: the inner gradient is a createGraph <c>Autograd.Grad</c> of the callee's
/// twin (CompilerServices.NestedTape), so <c>Backward()</c> on the twin differentiates through it. Each twin's value
/// and gradient against the generated outer Gradient (itself checked against central differences in
/// NestedDerivativeTests and NestedSpanDerivativeTests) and against central differences of the method.
/// </summary>
public class NestedTapeTwinTests
{
    private static readonly (double A, double B)[] Points = [(0.3, -0.4), (0.7, 0.2), (-0.5, 0.9)];

    private static Tensor Leaf(double value) => Tensor.Scalar(value, requiresGrad: true, dtype: DType.Float64);

    private static void Close(double expected, double actual, double tolerance = 1e-10) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * (1 + Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    public static TheoryData<string> Scalars => new() { "OfGradient", "OfDerivative", "Descent" };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void The_twin_of_a_scalar_nested_call_gives_the_generated_value_and_gradient(string name)
    {
        foreach (var (a, b) in Points)
        {
            var (ta, tb) = (Leaf(a), Leaf(b));
            var (twin, value, ga, gb, method) = name switch
            {
                "OfGradient" => (N.OfGradientTape(ta, tb), N.OfGradientGradient(a, b, out var x, out var y), x, y, (Func<double, double, double>)N.OfGradient),
                "OfDerivative" => (N.OfDerivativeTape(ta, tb), N.OfDerivativeGradient(a, b, out var x, out var y), x, y, N.OfDerivative),
                _ => (N.DescentTape(ta, tb), N.DescentGradient(a, b, out var x, out var y), x, y, N.Descent),
            };
            twin.Backward();
            Close(value, twin.Item(), 1e-12);
            Close(ga, ta.Grad!.Item());
            Close(gb, tb.Grad!.Item());
            const double h = 1e-5;
            Close((method(a + h, b) - method(a - h, b)) / (2 * h), ta.Grad!.Item(), 1e-6);
            Close((method(a, b + h) - method(a, b - h)) / (2 * h), tb.Grad!.Item(), 1e-6);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    public void The_particle_twin_keeps_the_mixed_term_of_the_charge_position(double w)
    {
        // w is not differentiated by the potential's gradient: the twin reaches it through PotentialNestedTape.
        foreach (var (twin, tensor) in new[] { Twin(N.ParticleTape, w), Twin(N.ParticleByDerivativesTape, w) })
        {
            twin.Backward();
            var value = N.ParticleGradient(w, out var expected);
            Close(value, twin.Item(), 1e-12);
            Assert.NotEqual(0.0, expected);
            Close(expected, tensor.Grad!.Item());
        }
    }

    private static (Tensor, Tensor) Twin(Func<Tensor, Tensor> twin, double w)
    {
        var leaf = Leaf(w);
        return (twin(leaf), leaf);
    }

    [Fact]
    public void The_twin_of_a_span_gradient_gives_the_generated_value_and_gradients()
    {
        double[] x = [0.3, -0.4, 0.8];
        foreach (var both in new[] { false, true })
        {
            var tx = Tensor.From(x).To(DType.Float64).RequiresGrad_();
            var ts = Leaf(0.7);
            var twin = both ? S.PenalizedBothTape(tx, ts) : S.PenalizedTape(tx, ts);
            twin.Backward();
            var gx = new double[x.Length];
            var value = both ? S.PenalizedBothGradient(x, 0.7, gx, out var gs) : S.PenalizedGradient(x, 0.7, gx, out gs);
            Close(value, twin.Item(), 1e-12);
            var tapeGradient = tx.Grad!.ToArray<double>();
            for (var j = 0; j < x.Length; j++)
            {
                Close(gx[j], tapeGradient[j]);
            }

            Close(gs, ts.Grad!.Item());
        }
    }

    [Fact]
    public void The_saddle_twin_accumulates_the_inner_gradient_as_the_original_does()
    {
        double[] x = [0.4, -0.7, 0.9];
        var tx = Tensor.From(x).To(DType.Float64).RequiresGrad_();
        var twin = S.SaddleTape(tx);
        twin.Backward();
        var gx = new double[x.Length];
        var value = S.SaddleGradient(x, gx);
        Close(value, twin.Item(), 1e-12);
        var tapeGradient = tx.Grad!.ToArray<double>();
        for (var j = 0; j < x.Length; j++)
        {
            Close(gx[j], tapeGradient[j]);
        }
    }

    [Fact]
    public void The_twin_is_twice_differentiable_on_the_tape()
    {
        // Autograd.Functional.Hessian of the twin differentiates the recorded inner gradient twice more: compared with
        // central differences of the generated outer gradient.
        const double a = 0.3, b = -0.4, h = 1e-5;
        var hessian = Autograd.Functional.Hessian(v => N.OfGradientTape(v[0], v[1]), Tensor.From(new[] { a, b }).To(DType.Float64));
        var tape = hessian.ToArray<double>();
        N.OfGradientGradient(a + h, b, out var gaPlus, out var gbPlus);
        N.OfGradientGradient(a - h, b, out var gaMinus, out var gbMinus);
        Close((gaPlus - gaMinus) / (2 * h), tape[0], 1e-6);
        Close((gbPlus - gbMinus) / (2 * h), tape[2], 1e-6);
    }
}
