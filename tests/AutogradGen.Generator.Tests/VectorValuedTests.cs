using AutogradGen.Generator.Tests.Functions;

namespace AutogradGen.Generator.Tests;

/// <summary>
/// Vector-valued methods (void, results written into their Span parameter): every generated Jacobian, Jvp and Vjp
/// against central differences of the original method, the Jacobian's two paths against each other (its rows are
/// Vjps, its columns Jvps), and the results each member writes against the original's.
/// </summary>
public class VectorValuedTests
{
    public delegate void Original(ReadOnlySpan<double> x, Span<double> r);

    public delegate void Jvp(ReadOnlySpan<double> x, Span<double> r, ReadOnlySpan<double> v, Span<double> rTangent);

    public delegate void Vjp(ReadOnlySpan<double> x, Span<double> r, ReadOnlySpan<double> u, Span<double> gradient);

    public delegate void Jacobian(ReadOnlySpan<double> x, Span<double> r, Span<double> jacobian);

    public sealed record Case(string Name, double[] X, int Results, Original F, Jvp ForwardProduct, Vjp ReverseProduct, Jacobian Dense)
    {
        /// <summary>The method's tape twin over the flattened inputs, its results stacked into one tensor.</summary>
        public Func<Tensor, Tensor>? Tape { get; init; }

        public override string ToString() => Name;
    }

    /// <summary>A twin over one input span, its results stacked: what Autograd.Functional.Jacobian takes.</summary>
    private static Func<Tensor, Tensor> Twin(Func<Tensor, int, Tensor[]> twin, int results) => x => Tensor.Stack(twin(x, results));

    private static readonly double[] s_t = { 0.0, 0.5, 1.0, 1.5, 2.0, 3.0 };
    private static readonly double[] s_y = { 3.1, 2.2, 1.7, 1.4, 1.2, 1.05 };
    private static readonly double[] s_feature = { 0.3, -0.2 };

    /// <summary>Every vector-valued method of the tests: span results, then tuple and struct results (StructResultCases).</summary>
    public static Case[] Corpus => [.. SpanCorpus, .. StructResultCases.Corpus];

    private static readonly Case[] SpanCorpus =
    {
        new("cartesian to polar", new[] { 0.8, -1.3 }, 2, VectorFunctions.CartesianToPolar, VectorFunctions.CartesianToPolarJvp, VectorFunctions.CartesianToPolarVjp, VectorFunctions.CartesianToPolarJacobian) { Tape = Twin(VectorFunctions.CartesianToPolarTape, 2) },
        new("polar to cartesian", new[] { 1.7, 0.6 }, 2, VectorFunctions.PolarToCartesian, VectorFunctions.PolarToCartesianJvp, VectorFunctions.PolarToCartesianVjp, VectorFunctions.PolarToCartesianJacobian) { Tape = Twin(VectorFunctions.PolarToCartesianTape, 2) },
        new("spherical to cartesian", new[] { 2.0, 0.7, -1.1 }, 3, VectorFunctions.SphericalToCartesian, VectorFunctions.SphericalToCartesianJvp, VectorFunctions.SphericalToCartesianVjp, VectorFunctions.SphericalToCartesianJacobian) { Tape = Twin(VectorFunctions.SphericalToCartesianTape, 3) },
        new("axis-angle rotation", new[] { 0.3, -0.5, 0.2, 1.0, 2.0, -0.5 }, 3, VectorFunctions.AxisAngleRotation, VectorFunctions.AxisAngleRotationJvp, VectorFunctions.AxisAngleRotationVjp, VectorFunctions.AxisAngleRotationJacobian) { Tape = Twin(VectorFunctions.AxisAngleRotationTape, 3) },
        new("softmax", new[] { 0.2, -1.0, 1.5, 0.3, 0.0 }, 5, VectorFunctions.Softmax, VectorFunctions.SoftmaxJvp, VectorFunctions.SoftmaxVjp, VectorFunctions.SoftmaxJacobian) { Tape = Twin(VectorFunctions.SoftmaxTape, 5) },
        new("log-softmax", new[] { 0.2, -1.0, 1.5, 0.3 }, 4, VectorFunctions.LogSoftmax, VectorFunctions.LogSoftmaxJvp, VectorFunctions.LogSoftmaxVjp, VectorFunctions.LogSoftmaxJacobian) { Tape = Twin(VectorFunctions.LogSoftmaxTape, 4) },
        new("Rosenbrock residuals", new[] { -1.2, 1.0, 0.5, 0.8 }, 6, VectorFunctions.RosenbrockResiduals, VectorFunctions.RosenbrockResidualsJvp, VectorFunctions.RosenbrockResidualsVjp, VectorFunctions.RosenbrockResidualsJacobian) { Tape = Twin(VectorFunctions.RosenbrockResidualsTape, 6) },
        new("Lotka-Volterra Euler step", new[] { 1.2, 0.8, 1.1, 0.4, 0.1, 0.4 }, 2, VectorFunctions.LotkaVolterraEulerStep, VectorFunctions.LotkaVolterraEulerStepJvp, VectorFunctions.LotkaVolterraEulerStepVjp, VectorFunctions.LotkaVolterraEulerStepJacobian) { Tape = Twin(VectorFunctions.LotkaVolterraEulerStepTape, 2) },
        new("pendulum RK4", new[] { 0.9, -0.3 }, 2, VectorFunctions.PendulumRk4, VectorFunctions.PendulumRk4Jvp, VectorFunctions.PendulumRk4Vjp, VectorFunctions.PendulumRk4Jacobian) { Tape = Twin(VectorFunctions.PendulumRk4Tape, 2) },
        new("quadratic-form gradient", new[] { 0.5, -1.0, 2.0, 0.25 }, 4, VectorFunctions.QuadraticFormGradient, VectorFunctions.QuadraticFormGradientJvp, VectorFunctions.QuadraticFormGradientVjp, VectorFunctions.QuadraticFormGradientJacobian) { Tape = Twin(VectorFunctions.QuadraticFormGradientTape, 4) },
        new("normalize", new[] { 0.5, -1.0, 2.0 }, 3, VectorFunctions.Normalize, VectorFunctions.NormalizeJvp, VectorFunctions.NormalizeVjp, VectorFunctions.NormalizeJacobian) { Tape = Twin(VectorFunctions.NormalizeTape, 3) },
        new("cross product", new[] { 1.0, 2.0, 3.0, -0.5, 0.25, 2.0 }, 3, VectorFunctions.CrossProduct, VectorFunctions.CrossProductJvp, VectorFunctions.CrossProductVjp, VectorFunctions.CrossProductJacobian) { Tape = Twin(VectorFunctions.CrossProductTape, 3) },
        new("piecewise elements", new[] { 0.7, -0.4, 1.3, -2.0 }, 4, VectorFunctions.PiecewiseElements, VectorFunctions.PiecewiseElementsJvp, VectorFunctions.PiecewiseElementsVjp, VectorFunctions.PiecewiseElementsJacobian) { Tape = Twin(VectorFunctions.PiecewiseElementsTape, 4) },
        new("cumulative product", new[] { 0.7, -1.4, 1.3, 2.0 }, 4, VectorFunctions.CumulativeProduct, VectorFunctions.CumulativeProductJvp, VectorFunctions.CumulativeProductVjp, VectorFunctions.CumulativeProductJacobian) { Tape = Twin(VectorFunctions.CumulativeProductTape, 4) },
        new("overwritten results", new[] { 0.1, -0.4, 0.3 }, 3, VectorFunctions.OverwrittenResults, VectorFunctions.OverwrittenResultsJvp, VectorFunctions.OverwrittenResultsVjp, VectorFunctions.OverwrittenResultsJacobian) { Tape = Twin(VectorFunctions.OverwrittenResultsTape, 3) },
        new("planar arm", new[] { 0.3, 0.5, -0.2, 0.9 }, 2, VectorFunctions.PlanarArmEndEffector, VectorFunctions.PlanarArmEndEffectorJvp, VectorFunctions.PlanarArmEndEffectorVjp, VectorFunctions.PlanarArmEndEffectorJacobian) { Tape = Twin(VectorFunctions.PlanarArmEndEffectorTape, 2) },
        new("dense tanh layer", new[] { 0.1, -0.2, 0.3, 0.4, 0.5, -0.6, 1.0, -1.0, 0.5, 0.05, -0.1 }, 2, VectorFunctions.DenseTanhLayer, VectorFunctions.DenseTanhLayerJvp, VectorFunctions.DenseTanhLayerVjp, VectorFunctions.DenseTanhLayerJacobian) { Tape = Twin(VectorFunctions.DenseTanhLayerTape, 2) },
        new("moving average of squares", new[] { 0.5, -1.5, 2.0, 1.0 }, 3, VectorFunctions.MovingAverageOfSquares, VectorFunctions.MovingAverageOfSquaresJvp, VectorFunctions.MovingAverageOfSquaresVjp, VectorFunctions.MovingAverageOfSquaresJacobian) { Tape = Twin(VectorFunctions.MovingAverageOfSquaresTape, 3) },

        new("quaternion rotation", new[] { 0.9, 0.2, -0.3, 0.1, 1.0, -2.0, 0.5 }, 3, VectorFunctions.QuaternionRotation, VectorFunctions.QuaternionRotationJvp, VectorFunctions.QuaternionRotationVjp, VectorFunctions.QuaternionRotationJacobian) { Tape = Twin(VectorFunctions.QuaternionRotationTape, 3) },
        new("Euler angles to matrix", new[] { 0.4, -0.7, 1.1 }, 9, VectorFunctions.EulerAnglesToMatrix, VectorFunctions.EulerAnglesToMatrixJvp, VectorFunctions.EulerAnglesToMatrixVjp, VectorFunctions.EulerAnglesToMatrixJacobian) { Tape = Twin(VectorFunctions.EulerAnglesToMatrixTape, 9) },
        new("skinned vertex projection (hand tracking)", new[] { 0.3, 0.6, 1.8 }, 2, VectorFunctions.SkinnedVertexProjection, VectorFunctions.SkinnedVertexProjectionJvp, VectorFunctions.SkinnedVertexProjectionVjp, VectorFunctions.SkinnedVertexProjectionJacobian) { Tape = Twin(VectorFunctions.SkinnedVertexProjectionTape, 2) },
        new("pinhole projection", new[] { 0.5, -0.3, 4.0, 1.2, 0.1, -0.05 }, 2, VectorFunctions.PinholeProjection, VectorFunctions.PinholeProjectionJvp, VectorFunctions.PinholeProjectionVjp, VectorFunctions.PinholeProjectionJacobian) { Tape = Twin(VectorFunctions.PinholeProjectionTape, 2) },
        new("rigid 2-D transform", new[] { 1.0, 2.0, 0.3, -0.5, 0.25 }, 2, VectorFunctions.RigidTransform2D, VectorFunctions.RigidTransform2DJvp, VectorFunctions.RigidTransform2DVjp, VectorFunctions.RigidTransform2DJacobian) { Tape = Twin(VectorFunctions.RigidTransform2DTape, 2) },
        new("Van der Pol RK4", new[] { 1.2, -0.4, 0.8 }, 2, VectorFunctions.VanDerPolRk4, VectorFunctions.VanDerPolRk4Jvp, VectorFunctions.VanDerPolRk4Vjp, VectorFunctions.VanDerPolRk4Jacobian) { Tape = Twin(VectorFunctions.VanDerPolRk4Tape, 2) },
        new("Lorenz Euler steps", new[] { 1.0, 1.5, 20.0, 10.0, 28.0, 8.0 / 3 }, 3, VectorFunctions.LorenzEuler, VectorFunctions.LorenzEulerJvp, VectorFunctions.LorenzEulerVjp, VectorFunctions.LorenzEulerJacobian) { Tape = Twin(VectorFunctions.LorenzEulerTape, 3) },
        new("matrix-vector product", new[] { 0.5, -1.0, 2.0, 0.25, 1.5, -0.75, 1.0, 2.0, -3.0 }, 2, VectorFunctions.MatrixVectorProduct, VectorFunctions.MatrixVectorProductJvp, VectorFunctions.MatrixVectorProductVjp, VectorFunctions.MatrixVectorProductJacobian) { Tape = Twin(VectorFunctions.MatrixVectorProductTape, 2) },
        new("log-sum-exp and mean", new[] { 0.2, -1.0, 1.5, 0.3 }, 2, VectorFunctions.LogSumExpAndMean, VectorFunctions.LogSumExpAndMeanJvp, VectorFunctions.LogSumExpAndMeanVjp, VectorFunctions.LogSumExpAndMeanJacobian) { Tape = Twin(VectorFunctions.LogSumExpAndMeanTape, 2) },

        // Mixed parameters, flattened in parameter order (the Jacobian's column order).
        new("polar to cartesian (scalars)", new[] { 1.7, 0.6 }, 2,
            (x, r) => VectorFunctions.PolarToCartesianScalars(x[0], x[1], r),
            (x, r, v, rt) => VectorFunctions.PolarToCartesianScalarsJvp(x[0], x[1], r, v[0], v[1], rt),
            (x, r, u, g) => VectorFunctions.PolarToCartesianScalarsVjp(x[0], x[1], r, u, ref g[0], ref g[1]),
            (x, r, j) => VectorFunctions.PolarToCartesianScalarsJacobian(x[0], x[1], r, j))
        {
            Tape = x => Tensor.Stack(VectorFunctions.PolarToCartesianScalarsTape(x[0], x[1], 2)),
        },
        new("rotate points (scalar, then span)", new[] { 0.4, 1.0, 2.0, -0.5, 0.3 }, 4,
            (x, r) => VectorFunctions.RotatePoints(x[0], x[1..], r),
            (x, r, v, rt) => VectorFunctions.RotatePointsJvp(x[0], x[1..], r, v[0], v[1..], rt),
            (x, r, u, g) => VectorFunctions.RotatePointsVjp(x[0], x[1..], r, u, ref g[0], g[1..]),
            (x, r, j) => VectorFunctions.RotatePointsJacobian(x[0], x[1..], r, j))
        {
            Tape = x => Tensor.Stack(VectorFunctions.RotatePointsTape(x[0], x[1..], 4)),
        },
        new("exponential fit residuals (data not differentiated)", new[] { 2.0, 0.8, 1.0 }, 6,
            (x, r) => VectorFunctions.ExponentialFitResiduals(x, s_t, s_y, r),
            (x, r, v, rt) => VectorFunctions.ExponentialFitResidualsJvp(x, s_t, s_y, r, v, rt),
            (x, r, u, g) => VectorFunctions.ExponentialFitResidualsVjp(x, s_t, s_y, r, u, g),
            (x, r, j) => VectorFunctions.ExponentialFitResidualsJacobian(x, s_t, s_y, r, j))
        {
            Tape = x => Tensor.Stack(VectorFunctions.ExponentialFitResidualsTape(x, s_t, s_y, 6)),
        },
        new("BA reprojection residual", new[] { 0.1, -0.2, 0.05, 0.3, -0.1, -4.0, 1.2, 0.01, -0.02, 0.05, -0.01, 0.5, -0.3, 2.0, 0.9 }, 2,
            (x, r) => VectorFunctions.ReprojectionResidual(x[..11], x[11..14], x[14], s_feature, r),
            (x, r, v, rt) => VectorFunctions.ReprojectionResidualJvp(x[..11], x[11..14], x[14], s_feature, r, v[..11], v[11..14], v[14], rt),
            (x, r, u, g) =>
            {
                var weight = g[14];
                VectorFunctions.ReprojectionResidualVjp(x[..11], x[11..14], x[14], s_feature, r, u, g[..11], g[11..14], ref weight);
                g[14] = weight;
            },
            (x, r, j) => VectorFunctions.ReprojectionResidualJacobian(x[..11], x[11..14], x[14], s_feature, r, j))
        {
            Tape = x => Tensor.Stack(VectorFunctions.ReprojectionResidualTape(x[..11], x[11..14], x[14], s_feature, 2)),
        },
    };

    public static TheoryData<Case> Cases()
    {
        var data = new TheoryData<Case>();
        foreach (var c in Corpus)
        {
            data.Add(c);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Jacobian_matches_central_differences_and_writes_the_results(Case c)
    {
        var n = c.X.Length;
        var m = c.Results;
        var expected = CentralDifferenceJacobian(c, out var values);
        var jacobian = new double[m * n];
        var results = Enumerable.Repeat(double.NaN, m).ToArray();
        c.Dense(c.X, results, jacobian);
        AssertClose(values, results, 1e-14);
        AssertClose(expected, jacobian, 1e-6);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Jvp_matches_central_differences_along_a_direction(Case c)
    {
        var n = c.X.Length;
        var v = Enumerable.Range(0, n).Select(i => Math.Cos(1.3 * i + 0.2)).ToArray();
        var expected = new double[c.Results];
        var plus = new double[c.Results];
        var minus = new double[c.Results];
        const double h = 1e-6;
        c.F(c.X.Zip(v, (x, d) => x + h * d).ToArray(), plus);
        c.F(c.X.Zip(v, (x, d) => x - h * d).ToArray(), minus);
        for (var i = 0; i < c.Results; i++)
        {
            expected[i] = (plus[i] - minus[i]) / (2 * h);
        }

        var results = new double[c.Results];
        var tangent = Enumerable.Repeat(double.NaN, c.Results).ToArray();
        c.ForwardProduct(c.X, results, v, tangent);
        var values = new double[c.Results];
        c.F(c.X, values);
        AssertClose(values, results, 1e-14);
        AssertClose(expected, tangent, 1e-6);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vjp_is_u_transposed_J_added_to_the_gradient_and_writes_the_results(Case c)
    {
        var n = c.X.Length;
        var m = c.Results;
        var jacobian = CentralDifferenceJacobian(c, out var values);
        var u = Enumerable.Range(0, m).Select(i => 0.5 - Math.Sin(0.9 * i + 0.4)).ToArray();
        var start = Enumerable.Range(0, n).Select(i => 0.1 * i).ToArray();
        var gradient = start.ToArray();
        var results = Enumerable.Repeat(double.NaN, m).ToArray();
        c.ReverseProduct(c.X, results, u, gradient);
        var expected = new double[n];
        for (var j = 0; j < n; j++)
        {
            expected[j] = start[j];
            for (var i = 0; i < m; i++)
            {
                expected[j] += u[i] * jacobian[i * n + j];
            }
        }

        AssertClose(values, results, 1e-14);
        AssertClose(expected, gradient, 1e-6);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Jacobian_rows_are_vjps_and_columns_jvps(Case c)
    {
        // Whichever path the Jacobian took, the other mode must give the same entries (to rounding).
        var n = c.X.Length;
        var m = c.Results;
        var jacobian = new double[m * n];
        c.Dense(c.X, new double[m], jacobian);
        for (var j = 0; j < n; j++)
        {
            var v = new double[n];
            v[j] = 1;
            var column = new double[m];
            c.ForwardProduct(c.X, new double[m], v, column);
            AssertClose(Enumerable.Range(0, m).Select(i => jacobian[i * n + j]).ToArray(), column, 1e-12);
        }

        for (var i = 0; i < m; i++)
        {
            var u = new double[m];
            u[i] = 1;
            var row = new double[n];
            c.ReverseProduct(c.X, new double[m], u, row);
            AssertClose(jacobian.AsSpan(i * n, n).ToArray(), row, 1e-12);
        }
    }

    [Fact]
    public void Quadratic_form_gradient_has_the_symmetric_matrix_as_its_jacobian()
    {
        var x = new[] { 0.5, -1.0, 2.0 };
        var jacobian = new double[9];
        VectorFunctions.QuadraticFormGradientJacobian(x, new double[3], jacobian);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(1.0 / (i + 2 * j + 1) + 1.0 / (j + 2 * i + 1), jacobian[i * 3 + j], 1e-15);
            }
        }
    }

    [Fact]
    public void Float_methods_get_float_members()
    {
        float[] p = { 2f, 0.5f };
        var jacobian = new float[4];
        var r = new float[2];
        VectorFunctions.PolarToCartesianFloatJacobian(p, r, jacobian);
        Assert.Equal(new[] { MathF.Cos(0.5f), -2f * MathF.Sin(0.5f), MathF.Sin(0.5f), 2f * MathF.Cos(0.5f) }, jacobian);
        Assert.Equal(2f * MathF.Cos(0.5f), r[0]);
    }

    [Fact]
    public void Wrong_lengths_are_rejected_under_the_callers_names()
    {
        var x = new[] { 1.0, 2.0 };
        var error = Assert.Throws<ArgumentException>(() => VectorFunctions.CartesianToPolarJacobian(x, new double[2], new double[3]));
        Assert.Equal("jacobian", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => VectorFunctions.CartesianToPolarVjp(x, new double[2], new double[3], new double[2]));
        Assert.Equal("rCotangent", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => VectorFunctions.CartesianToPolarJvp(x, new double[2], new double[2], new double[1]));
        Assert.Equal("rTangent", error.ParamName);
    }

    [Fact]
    public void Jacobian_jvp_and_vjp_allocate_nothing_once_warm()
    {
        var x = new[] { 0.2, -1.0, 1.5, 0.3, 0.0 };
        var r = new double[5];
        var jacobian = new double[25];
        var wide = new[] { 0.1, -0.2, 0.3, 0.4, 0.5, -0.6, 1.0, -1.0, 0.5, 0.05, -0.1 };
        var wideJacobian = new double[22];
        var tangent = new double[5];
        var gradient = new double[5];
        void Calls()
        {
            VectorFunctions.SoftmaxJacobian(x, r, jacobian);                 // forward path
            VectorFunctions.DenseTanhLayerJacobian(wide, r.AsSpan(0, 2), wideJacobian); // reverse path
            VectorFunctions.SoftmaxJvp(x, r, x, tangent);
            VectorFunctions.SoftmaxVjp(x, r, x, gradient);
        }

        for (var i = 0; i < 5; i++)
        {
            Calls();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            Calls();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static double[] CentralDifferenceJacobian(Case c, out double[] values)
    {
        var n = c.X.Length;
        var m = c.Results;
        values = new double[m];
        c.F(c.X, values);
        var jacobian = new double[m * n];
        var plus = new double[m];
        var minus = new double[m];
        for (var j = 0; j < n; j++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(c.X[j]));
            var x = c.X.ToArray();
            x[j] = c.X[j] + h;
            c.F(x, plus);
            x[j] = c.X[j] - h;
            c.F(x, minus);
            for (var i = 0; i < m; i++)
            {
                jacobian[i * n + j] = (plus[i] - minus[i]) / (2 * h);
            }
        }

        return jacobian;
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var scale = Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
