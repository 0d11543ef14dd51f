using AutogradGen.GradBench.Evals.Particle;
using AutogradGen.GradBench.Evals.Saddle;

namespace AutogradGen.GradBench.Tests.Evals;

/// <summary>
/// particle and saddle: each variant's final point against the values GradBench's evals hard-code (they validate
/// with an absolute floor of 1e-4), and the nested derivatives they descend along against central differences
/// and closed forms.
/// </summary>
public class NestedEvalTests
{
    public static TheoryData<string> Variants => new() { "rr", "ff", "fr", "rf" };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Particle_lands_on_the_value_gradbench_expects(string variant) =>
        Assert.Equal(0.2071918746486116, ParticleModule.Solve(variant, 0.0), 1e-6);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.15)]
    [InlineData(-0.2)]
    public void Particle_objective_derivatives_match_central_differences_in_every_mode(double w)
    {
        double expected = CentralDifferences.Gradient(v => ParticleFunctions.Landing(v[0]), [w], 1e-6)[0];
        Assert.Equal(ParticleFunctions.Landing(w), ParticleFunctions.LandingByDerivatives(w), 14);
        ParticleFunctions.LandingGradient(w, out double rr);
        ParticleFunctions.LandingByDerivativesGradient(w, out double rf);
        double fr = ParticleFunctions.LandingDerivative(w, 1.0).Derivative;
        double ff = ParticleFunctions.LandingByDerivativesDerivative(w, 1.0).Derivative;
        CentralDifferences.AssertClose([expected], [rr], 1e-5);
        CentralDifferences.AssertClose([rr, rr, rr], [rf, fr, ff], 1e-10);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Saddle_finds_the_point_gradbench_expects(string variant)
    {
        double[] result = SaddleModule.Solve(variant, [1.0, 1.0]);
        Assert.Equal(4, result.Length);
        foreach (double coordinate in result)
        {
            Assert.Equal(8.246324826140356e-06, coordinate, 1e-6);
        }
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.3, -0.6)]
    public void Saddle_max_is_differentiated_through_the_inner_argmax(double p0, double p1)
    {
        // The argmax over q does not depend on p (f's mixed second derivatives are zero), so max f = p0² + p1² − c:
        // the nested gradient is exactly (2 p0, 2 p1), and both inner modes compute the same max.
        double value = SaddleFunctions.MaxGradient(p0, p1, 1.0, 1.0, out double g0, out double g1);
        Assert.Equal(SaddleFunctions.Max(p0, p1, 1.0, 1.0), value, 14);
        Assert.Equal(SaddleFunctions.Max(p0, p1, 1.0, 1.0), SaddleFunctions.MaxByDerivatives(p0, p1, 1.0, 1.0), 14);
        CentralDifferences.AssertClose([2 * p0, 2 * p1], [g0, g1], 1e-12);
        SaddleFunctions.MaxByDerivativesGradient(p0, p1, 1.0, 1.0, out double h0, out double h1);
        CentralDifferences.AssertClose([2 * p0, 2 * p1], [h0, h1], 1e-12);
        CentralDifferences.AssertClose([2 * p0, 2 * p1],
            [SaddleFunctions.MaxDerivative(p0, p1, 1.0, 1.0, 1.0, 0.0).Derivative, SaddleFunctions.MaxByDerivativesDerivative(p0, p1, 1.0, 1.0, 0.0, 1.0).Derivative], 1e-12);
        CentralDifferences.AssertClose(CentralDifferences.Gradient(p => SaddleFunctions.Max(p[0], p[1], 1.0, 1.0), [p0, p1]), [g0, g1], 1e-6);
    }
}
