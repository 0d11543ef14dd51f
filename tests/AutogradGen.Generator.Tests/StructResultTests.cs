using System.Numerics;
using AutogradGen.Generator.Tests.Functions;
using static AutogradGen.Generator.Tests.Functions.StructResultFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Tuple and struct results: the overloads that take and return the result type against the span members they wrap
/// and against central differences; struct parameters (Jvp and Vjp with struct tangents); float results; and scalar
/// methods that call them and use one component, in forward and reverse mode, against central differences.
/// </summary>
public class StructResultTests
{
    private const double H = 1e-6;

    [Fact]
    public void Tuple_members_return_the_value_and_the_products_in_element_order()
    {
        const double radius = 1.7, angle = 0.6;
        var (value, tangent) = PolarToCartesianJvp(radius, angle, 0.3, -0.8);
        Assert.Equal(PolarToCartesian(radius, angle), value);
        var (c, s) = (Math.Cos(angle), Math.Sin(angle));
        Assert.Equal(0.3 * c - 0.8 * -radius * s, tangent.Item1, 1e-14);
        Assert.Equal(0.3 * s - 0.8 * radius * c, tangent.Item2, 1e-14);

        double dRadius = 0.5, dAngle = 0;
        var vjpValue = PolarToCartesianVjp(radius, angle, (2.0, -1.0), ref dRadius, ref dAngle);
        Assert.Equal(value, vjpValue);
        Assert.Equal(0.5 + 2 * c - s, dRadius, 1e-14);
        Assert.Equal(2 * -radius * s - radius * c, dAngle, 1e-14);

        var jacobian = new double[4];
        Assert.Equal(value, PolarToCartesianJacobian(radius, angle, jacobian));
        Assert.Equal(new[] { c, -radius * s, s, radius * c }, jacobian.Select(j => Math.Round(j, 14)).ToArray(), new ToleranceComparer(1e-13));
    }

    [Fact]
    public void Named_tuple_and_struct_members_keep_their_types()
    {
        var (polar, polarTangent) = CartesianToPolarJvp(0.8, -1.3, 1.0, 0.0);
        Assert.Equal(CartesianToPolar(0.8, -1.3), polar);
        Assert.Equal(0.8 / polar.Radius, polarTangent.Radius, 1e-14);

        var jacobian = new double[3 * 3];
        Point3 point = SphericalToCartesianJacobian(2.0, 0.7, -1.1, jacobian);
        Assert.Equal(SphericalToCartesian(2.0, 0.7, -1.1), point);
        var spans = new double[9];
        SphericalToCartesianJacobian(2.0, 0.7, -1.1, new double[3], spans);
        Assert.Equal(spans, jacobian);

        var frameJacobian = new double[6];
        Frame frame = FrameAtJacobian(0.7, frameJacobian);
        Assert.Equal(FrameAt(0.7), frame);
        Assert.Equal(new[] { -Math.Sin(0.7), Math.Cos(0.7), 1, -Math.Cos(0.7), -Math.Sin(0.7), 0 }, frameJacobian, new ToleranceComparer(1e-14));

        Point2 gradient = QuadraticGradientVjp(new[] { 0.5, -1.0 }, new Point2 { X = 1, Y = 0 }, new double[2]);
        Assert.Equal(QuadraticGradient(new[] { 0.5, -1.0 }), gradient);
    }

    [Fact]
    public void Struct_parameters_get_struct_tangents_and_adjoints()
    {
        var p = new Point3(1.0, 2.0, -0.5);
        const double angle = 0.4;
        var direction = new Point3(0.3, -0.2, 0.7);
        const double angleTangent = -0.6;
        var (value, tangent) = RotateAboutZJvp(p, angle, direction, angleTangent);
        Assert.Equal(RotateAboutZ(p, angle), value);
        var plus = RotateAboutZ(Add(p, direction, H), angle + H * angleTangent);
        var minus = RotateAboutZ(Add(p, direction, -H), angle - H * angleTangent);
        Assert.Equal((plus.X - minus.X) / (2 * H), tangent.X, 1e-7);
        Assert.Equal((plus.Y - minus.Y) / (2 * H), tangent.Y, 1e-7);
        Assert.Equal((plus.Z - minus.Z) / (2 * H), tangent.Z, 1e-7);

        // uᵀJ·v from the Vjp equals u·(J·v) from the Jvp.
        var u = new Point3(0.5, -1.5, 2.0);
        var pAdjoint = default(Point3);
        var angleAdjoint = 0.0;
        RotateAboutZVjp(p, angle, u, ref pAdjoint, ref angleAdjoint);
        var viaVjp = pAdjoint.X * direction.X + pAdjoint.Y * direction.Y + pAdjoint.Z * direction.Z + angleAdjoint * angleTangent;
        var viaJvp = u.X * tangent.X + u.Y * tangent.Y + u.Z * tangent.Z;
        Assert.Equal(viaJvp, viaVjp, 1e-13);
    }

    [Fact]
    public void Float_results_stay_float()
    {
        var jacobian = new float[4];
        (float, float) value = PolarFloatJacobian(2f, 0.5f, jacobian);
        Assert.Equal(PolarFloat(2f, 0.5f), value);
        Assert.Equal(new[] { MathF.Cos(0.5f), -2f * MathF.Sin(0.5f), MathF.Sin(0.5f), 2f * MathF.Cos(0.5f) }, jacobian);

        var directionJacobian = new float[6];
        Vector3 direction = DirectionJacobian(0.3f, -0.2f, directionJacobian);
        Assert.Equal(Direction(0.3f, -0.2f), direction);
        Assert.Equal(-MathF.Cos(-0.2f) * MathF.Sin(0.3f), directionJacobian[0], 6);
        Assert.Equal(MathF.Cos(-0.2f), directionJacobian[5], 6);
    }

    public delegate double Scalar(double[] x);

    public delegate double Gradient(double[] x, double[] gradient);

    public delegate double Derivative(double[] x, double[] v);

    public sealed record ScalarCase(string Name, double[] X, Scalar F, Gradient Reverse, Derivative Forward)
    {
        public override string ToString() => Name;
    }

    private static readonly double[] s_camera = { 0.1, -0.2, 0.05, 0.3, -0.1, -4.0, 1.2, 0.01, -0.02, 0.05, -0.01 };

    public static readonly ScalarCase[] Callers =
    {
        new("deconstructed tuple", new[] { 1.3, 0.4 }, x => DeconstructedSum(x[0], x[1]),
            (x, g) => DeconstructedSumGradient(x[0], x[1], out g[0], out g[1]),
            (x, v) => DeconstructedSumDerivative(x[0], x[1], v[0], v[1]).Derivative),
        new("one element of two calls", new[] { 1.3, 0.4 }, x => OneElement(x[0], x[1]),
            (x, g) => OneElementGradient(x[0], x[1], out g[0], out g[1]),
            (x, v) => OneElementDerivative(x[0], x[1], v[0], v[1]).Derivative),
        new("tuple locals fed to another call", new[] { 0.9, -0.7 }, x => TupleLocal(x[0], x[1]),
            (x, g) => TupleLocalGradient(x[0], x[1], out g[0], out g[1]),
            (x, v) => TupleLocalDerivative(x[0], x[1], v[0], v[1]).Derivative),
        new("struct components", new[] { 2.0, 0.7, -1.1 }, x => StructComponent(x[0], x[1], x[2]),
            (x, g) => StructComponentGradient(x[0], x[1], x[2], out g[0], out g[1], out g[2]),
            (x, v) => StructComponentDerivative(x[0], x[1], x[2], v[0], v[1], v[2]).Derivative),
        new("reprojection error", s_camera.Concat(new[] { 0.5, -0.3, 2.0, 0.1, 0.2 }).ToArray(),
            x => ReprojectionError(x[..11], x[11..14], x[14], x[15]),
            (x, g) =>
            {
                var value = ReprojectionErrorGradient(x[..11], x[11..14], x[14], x[15], g.AsSpan(0, 11), g.AsSpan(11, 3), out var du, out var dv);
                (g[14], g[15]) = (du, dv);
                return value;
            },
            (x, v) => ReprojectionErrorDerivative(x[..11], x[11..14], x[14], x[15], v[..11], v[11..14], v[14], v[15]).Derivative),
        new("inlined in a loop", new[] { 0.3, -0.4, 0.8, 0.1 }, x => InLoop(x),
            (x, g) => InLoopGradient(x, g),
            (x, v) => InLoopDerivative(x, v).Derivative),
    };

    public static TheoryData<ScalarCase> CallerCases() => [.. Callers];

    [Theory]
    [MemberData(nameof(CallerCases))]
    public void Scalar_callers_are_differentiated_in_both_modes(ScalarCase c)
    {
        var n = c.X.Length;
        var gradient = new double[n];
        var value = c.Reverse(c.X, gradient);
        Assert.Equal(c.F(c.X), value, 1e-13);
        for (var j = 0; j < n; j++)
        {
            var plus = c.X.ToArray();
            var minus = c.X.ToArray();
            plus[j] += H;
            minus[j] -= H;
            var expected = (c.F(plus) - c.F(minus)) / (2 * H);
            Assert.True(Math.Abs(expected - gradient[j]) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"{c.Name} ∂/∂x[{j}]: central {expected:R}, reverse {gradient[j]:R}");
            var unit = new double[n];
            unit[j] = 1;
            var forward = c.Forward(c.X, unit);
            Assert.True(Math.Abs(forward - gradient[j]) <= 1e-12 * Math.Max(1, Math.Abs(forward)), $"{c.Name} ∂/∂x[{j}]: forward {forward:R}, reverse {gradient[j]:R}");
        }
    }

    [Fact]
    public void Tuple_and_struct_members_allocate_nothing_once_warm()
    {
        var jacobian = new double[4];
        var camera = s_camera;
        var point = new[] { 0.5, -0.3, 2.0 };
        var projection = new double[2 * 14];
        void Calls()
        {
            _ = PolarToCartesianJacobian(1.7, 0.6, jacobian);
            _ = PolarToCartesianJvp(1.7, 0.6, 1, 0);
            double a = 0, b = 0;
            _ = PolarToCartesianVjp(1.7, 0.6, (1.0, 0.0), ref a, ref b);
            _ = ProjectJacobian(camera, point, projection);
        }

        for (var i = 0; i < 5; i++)
        {
            Calls();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            _ = PolarToCartesianJacobian(1.7, 0.6, jacobian);
            _ = PolarToCartesianJvp(1.7, 0.6, 1, 0);
            double a = 0, b = 0;
            _ = PolarToCartesianVjp(1.7, 0.6, (1.0, 0.0), ref a, ref b);
            _ = ProjectJacobian(camera, point, projection);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static Point3 Add(Point3 a, Point3 d, double h) => new(a.X + h * d.X, a.Y + h * d.Y, a.Z + h * d.Z);

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
