using F = AutogradGen.Generator.Tests.Functions.LocalMatrixFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Local 2-D arrays (<c>var L = new double[n, n];</c>): written and read by <c>[i, j]</c>, measured by GetLength, Length
/// and Rank; each generated gradient against central differences, forward mode against reverse, the tape twin.
/// </summary>
public class LocalMatrixTests
{
    private const double H = 1e-6;

    private static readonly double[] Xs = [0, 0.5, 1.1, 1.9, 2.5];
    private static readonly double[] Ys = [0.1, 0.6, 0.8, 0.2, -0.4];

    private static double[] CentralDifferences(Func<double[], double> f, double[] x)
    {
        var g = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[i] += H;
            minus[i] -= H;
            g[i] = (f(plus) - f(minus)) / (2 * H);
        }

        return g;
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");

    [Theory]
    [InlineData(0.8, 1.2, 0.05)]
    [InlineData(0.4, 0.7, 0.2)]
    public void A_cholesky_factor_in_a_local_2d_array(double lengthScale, double signalVar, double noiseVar)
    {
        double[] p = [lengthScale, signalVar, noiseVar];
        var value = F.GpLogLikelihoodGradient(Xs, Ys, p[0], p[1], p[2], out var dl, out var ds, out var dn);
        Assert.Equal(F.GpLogLikelihood(Xs, Ys, p[0], p[1], p[2]), value, 12);
        double[] reverse = [dl, ds, dn];
        var expected = CentralDifferences(q => F.GpLogLikelihood(Xs, Ys, q[0], q[1], q[2]), p);
        var leaves = p.Select(v => Tensor.Scalar(v, requiresGrad: true, DType.Float64)).ToArray();
        F.GpLogLikelihoodTape(Xs, Ys, leaves[0], leaves[1], leaves[2]).Backward();
        for (int i = 0; i < 3; i++)
        {
            AssertClose(expected[i], reverse[i], $"reverse, {i}");
            var t = new double[3];
            t[i] = 1;
            AssertClose(reverse[i], F.GpLogLikelihoodDerivative(Xs, Ys, p[0], p[1], p[2], t[0], t[1], t[2]).Derivative, $"forward, {i}");
            AssertClose(reverse[i], leaves[i].Grad!.Item(), $"tape, {i}");
        }
    }

    [Fact]
    public void A_dynamic_programming_table_in_a_local_2d_array()
    {
        double[] a = [0.2, 1.0, 0.4, -0.3];
        double[] b = [0.1, 0.8, -0.2];
        const double Gamma = 0.5;
        var aGradient = new double[4];
        var bGradient = new double[3];
        Assert.Equal(F.SoftDtw(a, b, Gamma), F.SoftDtwGradient(a, b, Gamma, aGradient, bGradient, out var gammaGradient), 12);
        double[] point = [.. a, .. b, Gamma];
        var expected = CentralDifferences(q => F.SoftDtw(q[..4], q[4..7], q[7]), point);
        double[] reverse = [.. aGradient, .. bGradient, gammaGradient];
        var aLeaf = Tensor.From(a, requiresGrad: true);
        var bLeaf = Tensor.From(b, requiresGrad: true);
        var gammaLeaf = Tensor.Scalar(Gamma, requiresGrad: true, DType.Float64);
        F.SoftDtwTape(aLeaf, bLeaf, gammaLeaf).Backward();
        double[] tape = [.. aLeaf.Grad!.ToArray<double>(), .. bLeaf.Grad!.ToArray<double>(), gammaLeaf.Grad!.Item()];
        for (int i = 0; i < point.Length; i++)
        {
            AssertClose(expected[i], reverse[i], $"reverse, {i}");
            AssertClose(reverse[i], tape[i], $"tape, {i}");
            var t = new double[point.Length];
            t[i] = 1;
            AssertClose(reverse[i], F.SoftDtwDerivative(a, b, Gamma, t[..4], t[4..7], t[7]).Derivative, $"forward, {i}");
        }
    }
}
