using AutogradGen.Generator.Tests.Functions;
using F = AutogradGen.Generator.Tests.Functions.SecondOrderFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// <c>{Name}HessianVectorProduct</c> and <c>{Name}Hessian</c> of the methods in <see cref="SecondOrderFunctions"/>, at
/// seeded points: H·v against central differences of the generated gradient along v, against the tape's
/// <c>Autograd.Functional.Hvp</c>, and against the generated Hessian times v; the Hessian against the tape's
/// <c>Autograd.Functional.Hessian</c>; the value against the method itself.
/// </summary>
public class SecondOrderTests
{
    private const int Points = 8;

    /// <summary>One function seen through flat vectors of its n differentiated coordinates.</summary>
    public sealed record Case(
        string Name,
        int Dimension,
        double Low,
        double High,
        Func<double[], double> Value,
        Func<double[], double[], double> Gradient,
        Func<double[], double[], double[], double> Hvp,
        Func<double[], double[], double> Hessian,
        Func<double[], Tensor[]> Leaves,
        Func<Tensor[], Tensor> Tape)
    {
        public override string ToString() => Name;
    }

    private static Tensor[] Scalars(double[] x) => x.Select(v => Tensor.Scalar(v, requiresGrad: true, DType.Float64)).ToArray();

    private static Tensor[] OneSpan(double[] x) => [Tensor.From(x, requiresGrad: true)];

    private static Case Two(string name, Func<double, double, double> f, Func<double, double, (double, double, double)> gradient,
        HvpOf2 hvp, Func<double, double, double[], double> hessian, Func<Tensor, Tensor, Tensor> tape, double low = -1, double high = 1) =>
        new(name, 2, low, high, x => f(x[0], x[1]),
            (x, g) => { var (value, gx, gy) = gradient(x[0], x[1]); g[0] = gx; g[1] = gy; return value; },
            (x, v, hv) => hvp(x[0], x[1], v[0], v[1], out hv[0], out hv[1]),
            (x, h) => hessian(x[0], x[1], h),
            Scalars, t => tape(t[0], t[1]));

    public delegate double HvpOf2(double x, double y, double vx, double vy, out double hx, out double hy);

    public delegate double HvpOf1(double x, double vx, out double hx);

    public delegate double HvpOf3(double x, double y, double z, double vx, double vy, double vz, out double hx, out double hy, out double hz);

    public delegate double SpanHvp(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> hv);

    public delegate double SpanHessian(ReadOnlySpan<double> x, Span<double> h);

    public delegate double SpanGradient(ReadOnlySpan<double> x, Span<double> g);

    public delegate double SpanValue(ReadOnlySpan<double> x);

    private static Case One(string name, Func<double, double> f, Func<double, (double, double)> gradient, HvpOf1 hvp,
        Func<double, double[], double> hessian, Func<Tensor, Tensor> tape, double low = -1, double high = 1) =>
        new(name, 1, low, high, x => f(x[0]),
            (x, g) => { var (value, gx) = gradient(x[0]); g[0] = gx; return value; },
            (x, v, hv) => hvp(x[0], v[0], out hv[0]),
            (x, h) => hessian(x[0], h),
            Scalars, t => tape(t[0]));

    private static Case Span(string name, int n, SpanValue f, SpanGradient gradient, SpanHvp hvp, SpanHessian hessian, Func<Tensor, Tensor> tape) =>
        new(name, n, -1, 1, x => f(x), (x, g) => { Array.Clear(g); return gradient(x, g); }, (x, v, hv) => hvp(x, v, hv), (x, h) => hessian(x, h), OneSpan, t => tape(t[0]));

    public static TheoryData<Case> Cases() => new()
    {
        Two("Rosenbrock", F.Rosenbrock, (x, y) => (F.RosenbrockGradient(x, y, out var a, out var b), a, b), F.RosenbrockHessianVectorProduct, (x, y, h) => F.RosenbrockHessian(x, y, h), F.RosenbrockTape),
        Two("Beale", F.Beale, (x, y) => (F.BealeGradient(x, y, out var a, out var b), a, b), F.BealeHessianVectorProduct, (x, y, h) => F.BealeHessian(x, y, h), F.BealeTape),
        Two("Himmelblau", F.Himmelblau, (x, y) => (F.HimmelblauGradient(x, y, out var a, out var b), a, b), F.HimmelblauHessianVectorProduct, (x, y, h) => F.HimmelblauHessian(x, y, h), F.HimmelblauTape),
        new("Trigonometric", 3, -1, 1, x => F.Trigonometric(x[0], x[1], x[2]),
            (x, g) => F.TrigonometricGradient(x[0], x[1], x[2], out g[0], out g[1], out g[2]),
            (x, v, hv) => F.TrigonometricHessianVectorProduct(x[0], x[1], x[2], v[0], v[1], v[2], out hv[0], out hv[1], out hv[2]),
            (x, h) => F.TrigonometricHessian(x[0], x[1], x[2], h), Scalars, t => F.TrigonometricTape(t[0], t[1], t[2])),
        Two("Inverses", F.Inverses, (x, y) => (F.InversesGradient(x, y, out var a, out var b), a, b), F.InversesHessianVectorProduct, (x, y, h) => F.InversesHessian(x, y, h), F.InversesTape),
        Two("Hyperbolic", F.Hyperbolic, (x, y) => (F.HyperbolicGradient(x, y, out var a, out var b), a, b), F.HyperbolicHessianVectorProduct, (x, y, h) => F.HyperbolicHessian(x, y, h), F.HyperbolicTape),
        Two("Logarithms", F.Logarithms, (x, y) => (F.LogarithmsGradient(x, y, out var a, out var b), a, b), F.LogarithmsHessianVectorProduct, (x, y, h) => F.LogarithmsHessian(x, y, h), F.LogarithmsTape),
        Two("Roots", F.Roots, (x, y) => (F.RootsGradient(x, y, out var a, out var b), a, b), F.RootsHessianVectorProduct, (x, y, h) => F.RootsHessian(x, y, h), F.RootsTape),
        Two("Powers", F.Powers, (x, y) => (F.PowersGradient(x, y, out var a, out var b), a, b), F.PowersHessianVectorProduct, (x, y, h) => F.PowersHessian(x, y, h), F.PowersTape),
        Two("Quotients", F.Quotients, (x, y) => (F.QuotientsGradient(x, y, out var a, out var b), a, b), F.QuotientsHessianVectorProduct, (x, y, h) => F.QuotientsHessian(x, y, h), F.QuotientsTape),
        One("Softplus", F.Softplus, x => (F.SoftplusGradient(x, out var a), a), F.SoftplusHessianVectorProduct, (x, h) => F.SoftplusHessian(x, h), F.SoftplusTape, -3, 3),
        Two("SmoothKinks", F.SmoothKinks, (x, y) => (F.SmoothKinksGradient(x, y, out var a, out var b), a, b), F.SmoothKinksHessianVectorProduct, (x, y, h) => F.SmoothKinksHessian(x, y, h), F.SmoothKinksTape),
        Two("Piecewise", F.Piecewise, (x, y) => (F.PiecewiseGradient(x, y, out var a, out var b), a, b), F.PiecewiseHessianVectorProduct, (x, y, h) => F.PiecewiseHessian(x, y, h), F.PiecewiseTape),
        Two("Logistic", F.Logistic, (x, y) => (F.LogisticGradient(x, y, out var a, out var b), a, b), F.LogisticHessianVectorProduct, (x, y, h) => F.LogisticHessian(x, y, h), F.LogisticTape),
        Two("IteratedMap", F.IteratedMap, (x, y) => (F.IteratedMapGradient(x, y, out var a, out var b), a, b), F.IteratedMapHessianVectorProduct, (x, y, h) => F.IteratedMapHessian(x, y, h), F.IteratedMapTape, 0.1, 0.9),
        One("WhileLoop", F.WhileLoop, x => (F.WhileLoopGradient(x, out var a), a), F.WhileLoopHessianVectorProduct, (x, h) => F.WhileLoopHessian(x, h), F.WhileLoopTape),
        Span("ExtendedRosenbrock", 6, F.ExtendedRosenbrock, F.ExtendedRosenbrockGradient, F.ExtendedRosenbrockHessianVectorProduct, F.ExtendedRosenbrockHessian, F.ExtendedRosenbrockTape),
        Span("LogSumExp", 5, F.LogSumExp, F.LogSumExpGradient, F.LogSumExpHessianVectorProduct, F.LogSumExpHessian, F.LogSumExpTape),
        Span("LocalArray", 5, F.LocalArray, F.LocalArrayGradient, F.LocalArrayHessianVectorProduct, F.LocalArrayHessian, F.LocalArrayTape),
        Span("QuadraticForm", 4, F.QuadraticForm, F.QuadraticFormGradient, F.QuadraticFormHessianVectorProduct, F.QuadraticFormHessian, F.QuadraticFormTape),
        One("Square", F.Square, x => (F.SquareGradient(x, out var a), a), F.SquareHessianVectorProduct, (x, h) => F.SquareHessian(x, h), F.SquareTape),
        Two("Calls", F.Calls, (x, y) => (F.CallsGradient(x, y, out var a, out var b), a, b), F.CallsHessianVectorProduct, (x, y, h) => F.CallsHessian(x, y, h), F.CallsTape),
        One("Partial", x => F.Partial(x, 0.7, 3), x => (F.PartialGradient(x, 0.7, 3, out var a), a),
            (double x, double vx, out double hx) => F.PartialHessianVectorProduct(x, 0.7, 3, vx, out hx), (x, h) => F.PartialHessian(x, 0.7, 3, h), t => F.PartialTape(t, 0.7, 3)),
        new("MixedScalarAndSpan", 4, -1, 1, x => F.MixedScalarAndSpan(x[0], x.AsSpan(1)),
            (x, g) => { var rest = new double[3]; var value = F.MixedScalarAndSpanGradient(x[0], x.AsSpan(1), out g[0], rest); rest.CopyTo(g, 1); return value; },
            (x, v, hv) => { var rest = new double[3]; var value = F.MixedScalarAndSpanHessianVectorProduct(x[0], x.AsSpan(1), v[0], v.AsSpan(1), out hv[0], rest); rest.CopyTo(hv, 1); return value; },
            (x, h) => F.MixedScalarAndSpanHessian(x[0], x.AsSpan(1), h),
            x => [Tensor.Scalar(x[0], requiresGrad: true, DType.Float64), Tensor.From(x[1..], requiresGrad: true)],
            t => F.MixedScalarAndSpanTape(t[0], t[1])),
    };

    [Fact]
    public void At_least_twenty_functions_are_checked() => Assert.True(Cases().Count >= 20);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hessian_vector_product_matches_central_differences_of_the_gradient_and_the_tape(Case c)
    {
        foreach (var (x, v) in Samples(c))
        {
            var n = c.Dimension;
            var hv = new double[n];
            var value = c.Hvp(x, v, hv);
            Assert.Equal(c.Value(x), value, 14);

            var differences = CentralDifferences(c, x, v);
            var tape = TapeHvp(c, x, v);
            var scale = Math.Max(1e-3, hv.Max(Math.Abs));
            for (var i = 0; i < n; i++)
            {
                Assert.True(Math.Abs(hv[i] - differences[i]) <= 1e-6 * scale + 1e-6 * Math.Abs(hv[i]),
                    $"{c.Name} at ({string.Join(", ", x)}): (H·v)[{i}] = {hv[i]}, central differences {differences[i]}");
                Assert.True(Math.Abs(hv[i] - tape[i]) <= 1e-11 * scale + 1e-11 * Math.Abs(hv[i]),
                    $"{c.Name} at ({string.Join(", ", x)}): (H·v)[{i}] = {hv[i]}, tape {tape[i]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hessian_is_symmetric_matches_the_tape_and_its_products(Case c)
    {
        foreach (var (x, v) in Samples(c))
        {
            var n = c.Dimension;
            var h = new double[n * n];
            Assert.Equal(c.Value(x), c.Hessian(x, h), 14);
            var tape = TapeHessian(c, x);
            var hv = new double[n];
            c.Hvp(x, v, hv);
            var scale = Math.Max(1e-3, h.Max(Math.Abs));
            for (var i = 0; i < n; i++)
            {
                var product = 0.0;
                for (var j = 0; j < n; j++)
                {
                    Assert.Equal(h[i * n + j], h[j * n + i]);
                    Assert.True(Math.Abs(h[i * n + j] - tape[i * n + j]) <= 1e-11 * scale,
                        $"{c.Name}: H[{i}, {j}] = {h[i * n + j]}, tape {tape[i * n + j]}");
                    product += h[i * n + j] * v[j];
                }

                Assert.True(Math.Abs(product - hv[i]) <= 1e-12 * scale * n, $"{c.Name}: (H v)[{i}] = {product}, HVP {hv[i]}");
            }
        }
    }

    [Fact]
    public void Closed_forms_rosenbrock_and_a_quadratic_form()
    {
        // Rosenbrock: ∂²f/∂x² = 2 − 400 (y − 3x²), ∂²f/∂x∂y = −400x, ∂²f/∂y² = 200.
        var (x, y) = (0.3, -0.8);
        var h = new double[4];
        F.RosenbrockHessian(x, y, h);
        Assert.Equal(2 - 400 * (y - 3 * x * x), h[0], 12);
        Assert.Equal(-400 * x, h[1], 12);
        Assert.Equal(-400 * x, h[2], 12);
        Assert.Equal(200, h[3], 12);

        // xᵀAx with A symmetric: H = 2A whatever x.
        double[] point = [0.4, -1.1, 2.0, 0.7];
        var quadratic = new double[16];
        F.QuadraticFormHessian(point, quadratic);
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                Assert.Equal(2 * (1.0 / (1 + i + j) + (i == j ? 2.0 : 0.0)), quadratic[i * 4 + j], 13);
            }
        }
    }

    [Fact]
    public void Wrong_lengths_throw_under_the_callers_names()
    {
        var error = Assert.Throws<ArgumentException>(() => F.ExtendedRosenbrockHessianVectorProduct(new double[4], new double[3], new double[4]));
        Assert.Equal("xDirection", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => F.RosenbrockHessian(0, 0, new double[3]));
        Assert.Equal("hessian", error.ParamName);
    }

    private static IEnumerable<(double[] X, double[] V)> Samples(Case c)
    {
        var random = new Random(c.Name.Length * 7919 + c.Dimension);
        for (var p = 0; p < Points; p++)
        {
            var x = Enumerable.Range(0, c.Dimension).Select(_ => c.Low + (c.High - c.Low) * random.NextDouble()).ToArray();
            var v = Enumerable.Range(0, c.Dimension).Select(_ => 2 * random.NextDouble() - 1).ToArray();
            yield return (x, v);
        }
    }

    /// <summary>(∇f(x + h v) − ∇f(x − h v)) / 2h with one Richardson step, from the generated gradient.</summary>
    private static double[] CentralDifferences(Case c, double[] x, double[] v)
    {
        double[] Difference(double h)
        {
            var plus = new double[c.Dimension];
            var minus = new double[c.Dimension];
            c.Gradient(x.Select((xi, i) => xi + h * v[i]).ToArray(), plus);
            c.Gradient(x.Select((xi, i) => xi - h * v[i]).ToArray(), minus);
            return plus.Select((p, i) => (p - minus[i]) / (2 * h)).ToArray();
        }

        const double step = 1e-4;
        var coarse = Difference(step);
        var fine = Difference(step / 2);
        return fine.Select((f, i) => (4 * f - coarse[i]) / 3).ToArray();
    }

    private static double[] TapeHvp(Case c, double[] x, double[] v)
    {
        var inputs = c.Leaves(x);
        var directions = c.Leaves(v).Select(t => t.Detach()).ToArray();
        var (_, products) = Autograd.Functional.Hvp(c.Tape, inputs, directions);
        return products.SelectMany(p => p.ToArray()).ToArray();
    }

    private static double[] TapeHessian(Case c, double[] x)
    {
        var inputs = c.Leaves(x);
        var blocks = Autograd.Functional.Hessian(c.Tape, inputs);
        var sizes = inputs.Select(t => t.Numel).ToArray();
        var n = sizes.Sum();
        var h = new double[n * n];
        var rowStart = 0;
        for (var a = 0; a < inputs.Length; a++)
        {
            var columnStart = 0;
            for (var b = 0; b < inputs.Length; b++)
            {
                var block = blocks[a][b].ToArray();
                for (var i = 0; i < sizes[a]; i++)
                {
                    for (var j = 0; j < sizes[b]; j++)
                    {
                        h[(rowStart + i) * n + columnStart + j] = block[i * sizes[b] + j];
                    }
                }

                columnStart += sizes[b];
            }

            rowStart += sizes[a];
        }

        return h;
    }
}
