using AutogradGen.Generator.Tests.Functions;
using F = AutogradGen.Generator.Tests.Functions.SecondOrderUserDerivativeFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// SecondOrder methods calling <c>[DerivativeOf]</c> callees, whose user derivatives are differentiated again: the
/// Hessian-vector product against central differences of the generated gradient, the Hessian against its products
/// and a closed form, and a nested call of such a method's Gradient against central differences of the outer method.
/// </summary>
public class SecondOrderUserDerivativeTests
{
    private delegate double Gradient2(double x, double y, out double gx, out double gy);

    private delegate double Hvp2(double x, double y, double vx, double vy, out double hx, out double hy);

    public static TheoryData<string> Names() => new() { "SoftplusLoss", "Mixed", "Series" };

    private static (Func<double, double, double> Value, Gradient2 Gradient, Hvp2 Hvp, Func<double, double, double[], double> Hessian) Of(string name) => name switch
    {
        "SoftplusLoss" => (F.SoftplusLoss, F.SoftplusLossGradient, F.SoftplusLossHessianVectorProduct, (x, y, h) => F.SoftplusLossHessian(x, y, h)),
        "Mixed" => (F.Mixed, F.MixedGradient, F.MixedHessianVectorProduct, (x, y, h) => F.MixedHessian(x, y, h)),
        "Series" => (F.Series, F.SeriesGradient, F.SeriesHessianVectorProduct, (x, y, h) => F.SeriesHessian(x, y, h)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Hessian_vector_product_matches_central_differences_of_the_gradient(string name)
    {
        var f = Of(name);
        var random = new Random(name.Length * 7919);
        for (int point = 0; point < 8; point++)
        {
            double x = random.NextDouble() * 1.6 - 0.8, y = random.NextDouble() * 1.6 - 0.8;
            double vx = random.NextDouble() * 2 - 1, vy = random.NextDouble() * 2 - 1;
            double value = f.Hvp(x, y, vx, vy, out var hx, out var hy);
            Assert.Equal(f.Value(x, y), value, 12);

            const double h = 1e-5;
            f.Gradient(x + h * vx, y + h * vy, out var px, out var py);
            f.Gradient(x - h * vx, y - h * vy, out var mx, out var my);
            AssertClose((px - mx) / (2 * h), hx, name);
            AssertClose((py - my) / (2 * h), hy, name);

            var hessian = new double[4];
            Assert.Equal(value, f.Hessian(x, y, hessian), 12);
            Assert.Equal(hessian[1], hessian[2]);
            AssertClose(hessian[0] * vx + hessian[1] * vy, hx, name);
            AssertClose(hessian[2] * vx + hessian[3] * vy, hy, name);
        }
    }

    [Fact]
    public void Closed_form_of_a_softplus_loss()
    {
        // f = s(xy)·x + y², s' = σ, s'' = σ(1 − σ).
        double x = 0.7, y = -0.4, t = x * y;
        double s = Math.Log(1 + Math.Exp(t)), sigma = 1 / (1 + Math.Exp(-t)), sigma1 = sigma * (1 - sigma);
        double hxx = 2 * sigma * y + sigma1 * y * y * x;
        double hxy = sigma * x + sigma1 * x * y * x + sigma * x;
        double hyy = sigma1 * x * x * x + 2;
        var hessian = new double[4];
        Assert.Equal(s * x + y * y, F.SoftplusLossHessian(x, y, hessian), 12);
        Assert.Equal(hxx, hessian[0], 10);
        Assert.Equal(hxy, hessian[1], 10);
        Assert.Equal(hyy, hessian[3], 10);
    }

    [Fact]
    public void A_span_caller_matches_central_differences_of_its_gradient()
    {
        double[] x = [0.3, -0.5, 0.8, 0.1];
        double[] v = [0.2, 0.7, -0.4, 1.0];
        var hv = new double[4];
        Assert.Equal(F.SoftplusSum(x), F.SoftplusSumHessianVectorProduct(x, v, hv), 12);
        const double h = 1e-5;
        var plus = new double[4];
        var minus = new double[4];
        F.SoftplusSumGradient(x.Select((xi, i) => xi + h * v[i]).ToArray(), plus);
        F.SoftplusSumGradient(x.Select((xi, i) => xi - h * v[i]).ToArray(), minus);
        for (int i = 0; i < 4; i++)
        {
            AssertClose((plus[i] - minus[i]) / (2 * h), hv[i], "SoftplusSum");
        }
    }

    [Fact]
    public void A_nested_gradient_through_a_user_derivative_matches_central_differences()
    {
        foreach (var (a, b) in new[] { (0.4, -0.3), (-0.9, 0.6), (1.1, 0.2) })
        {
            double value = F.OfSoftplusLossGradient(a, b);
            Assert.Equal(value, F.OfSoftplusLossGradientGradient(a, b, out var ga, out var gb), 12);
            const double h = 1e-5;
            AssertClose((F.OfSoftplusLossGradient(a + h, b) - F.OfSoftplusLossGradient(a - h, b)) / (2 * h), ga, "nested a");
            AssertClose((F.OfSoftplusLossGradient(a, b + h) - F.OfSoftplusLossGradient(a, b - h)) / (2 * h), gb, "nested b");
            var (forward, slope) = F.OfSoftplusLossGradientDerivative(a, b, 0.3, -0.8);
            Assert.Equal(value, forward, 12);
            AssertClose(0.3 * ga - 0.8 * gb, slope, "nested forward");
        }
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * (1 + Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");
}
