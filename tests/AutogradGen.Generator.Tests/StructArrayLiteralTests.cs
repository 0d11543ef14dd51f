using AutogradGen.Generator.Tests.Driver;
using F = AutogradGen.Generator.Tests.Functions.StructArrayLiteralFunctions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Arrays of structs listed in the body (foreach over <c>new[] { new Vec2(a, b), ... }</c>, <c>Vec3[] pts = { ... }</c>,
/// <c>[...]</c>): reverse, forward and the tape twin against central differences; a list inside a loop is one precise
/// diagnostic.
/// </summary>
public class StructArrayLiteralTests
{
    private const double H = 1e-6;

    [Theory]
    [InlineData(0.7, -0.4, 1.3, 0.2)]
    [InlineData(-1.1, 0.5, 0.3, -0.8)]
    public void Foreach_over_a_listed_array_of_structs_matches_differences(double a, double b, double c, double d)
    {
        double[] point = [a, b, c, d];
        Func<double[], double> f = v => F.ForEachOverListedPoints(v[0], v[1], v[2], v[3]);
        var gradient = new double[4];
        Assert.Equal(f(point), F.ForEachOverListedPointsGradient(a, b, c, d, out gradient[0], out gradient[1], out gradient[2], out gradient[3]), 14);
        var tensors = point.Select(v => Tensor.Scalar(v, requiresGrad: true, dtype: DType.Float64)).ToArray();
        F.ForEachOverListedPointsTape(tensors[0], tensors[1], tensors[2], tensors[3]).Backward();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(Difference(f, point, i), gradient[i], 7);
            var tangent = new double[4];
            tangent[i] = 1;
            Assert.Equal(gradient[i], F.ForEachOverListedPointsDerivative(a, b, c, d, tangent[0], tangent[1], tangent[2], tangent[3]).Derivative, 12);
            Assert.Equal(gradient[i], tensors[i].Grad!.Item(), 12);
        }
    }

    [Theory]
    [InlineData(0.7, -0.4)]
    [InlineData(-1.1, 1.5)]
    public void A_braced_local_array_of_structs_matches_differences(double a, double b)
    {
        double[] point = [a, b];
        Func<double[], double> f = v => F.BracedLocalOfVec3(v[0], v[1]);
        Assert.Equal(f(point), F.BracedLocalOfVec3Gradient(a, b, out var da, out var db), 14);
        Assert.Equal(Difference(f, point, 0), da, 7);
        Assert.Equal(Difference(f, point, 1), db, 7);
        Assert.Equal(da, F.BracedLocalOfVec3Derivative(a, b, 1, 0).Derivative, 12);
        Assert.Equal(db, F.BracedLocalOfVec3Derivative(a, b, 0, 1).Derivative, 12);
        var (ta, tb) = (Tensor.Scalar(a, requiresGrad: true, dtype: DType.Float64), Tensor.Scalar(b, requiresGrad: true, dtype: DType.Float64));
        F.BracedLocalOfVec3Tape(ta, tb).Backward();
        Assert.Equal(da, ta.Grad!.Item(), 12);
        Assert.Equal(db, tb.Grad!.Item(), 12);
    }

    [Theory]
    [InlineData(0.7, -0.4)]
    [InlineData(-1.1, 1.5)]
    public void A_collection_expression_of_Vector2_matches_differences(double a, double b)
    {
        double[] point = [a, b];
        Func<double[], double> f = v => F.CollectionOfVector2((float)v[0], (float)v[1]);
        F.CollectionOfVector2Gradient((float)a, (float)b, out var da, out var db);
        Assert.Equal(Difference(f, point, 0, 1e-3), da, 2);
        Assert.Equal(Difference(f, point, 1, 1e-3), db, 2);
        Assert.Equal(da, F.CollectionOfVector2Derivative((float)a, (float)b, 1, 0).Derivative, 4);
        var (ta, tb) = (Tensor.Scalar((float)a, requiresGrad: true, dtype: DType.Float32), Tensor.Scalar((float)b, requiresGrad: true, dtype: DType.Float32));
        F.CollectionOfVector2Tape(ta, tb).Backward();
        Assert.Equal(da, ta.Grad!.Item(), 4);
        Assert.Equal(db, tb.Grad!.Item(), 4);
    }

    [Fact]
    public void A_listed_array_of_structs_inside_a_loop_is_one_diagnostic_saying_where_to_allocate_it()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using AutogradGen;
            public readonly record struct P(double X, double Y);
            public static partial class Functions
            {
                [Differentiable]
                public static double F(double a, double b)
                {
                    var s = 0.0;
                    for (var k = 0; k < 3; k++)
                    {
                        foreach (var p in new[] { new P(a, b), new P(b, a * k) }) s += p.X * p.Y;
                    }

                    return s;
                }
            }
            """);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("AGD0005", diagnostic.Id);
        Assert.Contains("inside a loop or branch", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.False(run.HasCodeFor("F"));
    }

    private static double Difference(Func<double[], double> f, double[] at, int i, double h = H)
    {
        double[] up = [.. at], down = [.. at];
        up[i] += h;
        down[i] -= h;
        return (f(up) - f(down)) / (2 * h);
    }
}
