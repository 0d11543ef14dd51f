using F = AutogradGen.Generator.Tests.Functions.RefStructHelperFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// A struct handed by <c>ref</c> to a <c>[Differentiable]</c> void helper: each generated gradient against central
/// differences of the original, forward mode against reverse, and the tape twin.
/// </summary>
public class RefStructHelperTests
{
    private const double H = 1e-6;

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");

    private static void AssertAllModes(double[] p, Func<double[], double> value, Func<double[], double[]> gradient,
        Func<double[], double[], double> forward, Func<Tensor[], Tensor> tape)
    {
        var reverse = gradient(p);
        var leaves = p.Select(v => Tensor.Scalar(v, requiresGrad: true, DType.Float64)).ToArray();
        tape(leaves).Backward();
        for (int i = 0; i < p.Length; i++)
        {
            var plus = (double[])p.Clone();
            var minus = (double[])p.Clone();
            plus[i] += H;
            minus[i] -= H;
            AssertClose((value(plus) - value(minus)) / (2 * H), reverse[i], $"reverse, {i}");
            var t = new double[p.Length];
            t[i] = 1;
            AssertClose(reverse[i], forward(p, t), $"forward, {i}");
            AssertClose(reverse[i], leaves[i].Grad!.Item(), $"tape, {i}");
        }
    }

    [Theory]
    [InlineData(0.5, 1.2, 2.0)]
    [InlineData(1.4, 0.6, 0.7)]
    public void An_rk4_step_advancing_a_struct_by_ref(double theta0, double length, double duration) => AssertAllModes([theta0, length, duration],
        p => F.AngleAfter(p[0], p[1], p[2]),
        p => { F.AngleAfterGradient(p[0], p[1], p[2], out var a, out var b, out var c); return [a, b, c]; },
        (p, v) => F.AngleAfterDerivative(p[0], p[1], p[2], v[0], v[1], v[2]).Derivative,
        l => F.AngleAfterTape(l[0], l[1], l[2]));

    [Fact]
    public void Structs_swapped_through_two_ref_parameters() => AssertAllModes([0.3, -0.8, 1.1],
        p => F.SwappedEnergy(p[0], p[1], p[2]),
        p => { F.SwappedEnergyGradient(p[0], p[1], p[2], out var a, out var b, out var c); return [a, b, c]; },
        (p, v) => F.SwappedEnergyDerivative(p[0], p[1], p[2], v[0], v[1], v[2]).Derivative,
        l => F.SwappedEnergyTape(l[0], l[1], l[2]));
}
