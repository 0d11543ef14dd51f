using AutogradGen.Workloads;
using AutogradGen.GradBench.Evals.Ba;
using AutogradGen.GradBench.Evals.Gmm;
using AutogradGen.GradBench.Evals.Kmeans;
using AutogradGen.GradBench.Evals.Lstm;
using AutogradGen.GradBench.Evals.Ode;

namespace AutogradGen.GradBench.Tests.Evals;

public class ModelEvalTests
{
    private static double[] RandomVector(Random random, int length, double scale = 1) =>
        Enumerable.Range(0, length).Select(_ => (random.NextDouble() * 2 - 1) * scale).ToArray();

    [Fact]
    public void Gmm_with_one_component_in_one_dimension_is_the_gaussian_log_likelihood_plus_the_prior()
    {
        double[] x = [0.3, -1.1, 2.0];
        double alpha = 0.4, mu = 0.2, q = -0.3;
        const double gamma = 1.5;
        const int m = 2;
        double constant = GmmFunctions.WishartConstant(1, m, gamma);
        double precision = Math.Exp(q);
        double expected = -1.5 * Math.Log(2 * Math.PI)
            + x.Sum(xi => alpha + q - 0.5 * Math.Pow(precision * (xi - mu), 2)) - 3 * alpha
            - (0.5 * gamma * gamma * precision * precision - m * q) + constant;
        double actual = GmmModule.Objective(new GmmInput(1, 1, 3, m, gamma, constant, [alpha], [mu], [q], [], x));
        Assert.Equal(expected, actual, 12);

        // C = n′(log γ − ½ log 2) − log Γ(n′/2) with n′ = 1 + m + 1 = 4: log Γ(2) = 0.
        Assert.Equal(4 * (Math.Log(gamma) - 0.5 * Math.Log(2)), constant, 12);
    }

    [Fact]
    public void Gmm_jacobian_matches_central_differences()
    {
        var random = new Random(3);
        const int d = 3, k = 2, n = 4;
        var input = new GmmInput(d, k, n, 1, 1.0, GmmFunctions.WishartConstant(d, 1, 1.0),
            RandomVector(random, k), RandomVector(random, k * d), RandomVector(random, k * d, 0.5),
            RandomVector(random, k * 3, 0.5), RandomVector(random, n * d, 2));
        GmmModule.Jacobian(input);
        double[] all = [.. input.Alpha, .. input.Mu, .. input.Q, .. input.L];
        double Objective(double[] v) => GmmFunctions.Objective(v.AsSpan(0, k), v.AsSpan(k, k * d), v.AsSpan(k + k * d, k * d),
            v.AsSpan(k + 2 * k * d), input.X, d, k, n, input.Gamma, input.M, input.WishartConstant);
        CentralDifferences.AssertClose(CentralDifferences.Gradient(Objective, all),
            [.. input.DAlpha, .. input.DMu, .. input.DQ, .. input.DL], 1e-6);
    }

    [Fact]
    public void Lstm_jacobian_matches_central_differences()
    {
        var random = new Random(7);
        const int layers = 2, b = 3, c = 4;
        double[] sequence = Enumerable.Range(0, c * b).Select(_ => random.Next(2) * 1.0).ToArray();
        var input = new LstmInput(RandomVector(random, 8 * layers * b), RandomVector(random, 3 * b),
            RandomVector(random, 2 * layers * b), sequence, layers, b, c, new double[8 * layers * b + 3 * b]);
        var gradient = LstmModule.Jacobian(input);
        int mainLength = input.MainParams.Length;
        double Objective(double[] v) => LstmFunctions.Objective(v.AsSpan(0, mainLength), v.AsSpan(mainLength), input.State,
            sequence, layers, b, c);
        CentralDifferences.AssertClose(CentralDifferences.Gradient(Objective, [.. input.MainParams, .. input.ExtraParams]),
            gradient, 1e-6);
    }

    [Fact]
    public void Lstm_objective_of_zero_parameters_is_the_uniform_prediction()
    {
        // All-zero parameters predict 0 for every bit, so each term is 0 − log(b + 2) weighted by the next character's bits.
        const int b = 2, c = 3;
        double[] sequence = [1, 0, 1, 1, 0, 1];
        var input = new LstmInput(new double[8 * b], new double[3 * b], new double[2 * b], sequence, 1, b, c, new double[11 * b]);
        double ones = sequence.Skip(b).Sum();
        Assert.Equal(ones * Math.Log(b + 2) / ((c - 1) * b), LstmModule.Objective(input), 12);
    }

    [Fact]
    public void Ode_primal_is_exact_for_its_polynomial_solution()
    {
        // y₀ = x₀t, y₁ = x₀x₁t²/2, y₂ = x₀x₁x₂t³/6, y₃ = x₀x₁x₂x₃t⁴/24: RK4 integrates polynomials up to degree 4 exactly.
        double[] x = [0.5, -1.5, 2.0, 0.75];
        var y = new double[4];
        OdeFunctions.Primal(x, 3, y);
        double[] expected = [2 * x[0], 2 * x[0] * x[1], 8.0 / 6 * x[0] * x[1] * x[2], 16.0 / 24 * x[0] * x[1] * x[2] * x[3]];
        CentralDifferences.AssertClose(expected, y, 1e-13);
        Assert.Equal(y[3], OdeFunctions.LastOutput(x, 3), 14);
    }

    [Fact]
    public void Ode_gradient_is_the_gradient_of_the_last_output()
    {
        var random = new Random(2);
        double[] x = RandomVector(random, 6);
        var input = new OdeInput(x, 4, new double[6]);
        var gradient = OdeModule.Gradient(input);
        CentralDifferences.AssertClose(CentralDifferences.Gradient(v => OdeFunctions.LastOutput(v, 4), x), gradient, 1e-8);
        var primal = new double[6];
        OdeFunctions.Primal(x, 4, primal);
        Assert.Equal(primal[5], OdeFunctions.LastOutput(x, 4), 14);
    }

    [Fact]
    public void Ba_without_rotation_or_distortion_is_the_pinhole_projection()
    {
        // r = 0 and k = 0: the point minus the centre is divided by its depth, scaled by f, shifted by (u₀, v₀).
        double[] camera = [0, 0, 0, 0.5, -0.5, -2, 2.0, 0.1, -0.2, 0, 0];
        double[] point = [1.0, 2.0, 3.0];
        const double w = 0.8;
        double ex = w * ((1.0 - 0.5) / 5 * 2.0 + 0.1 - 0.3);
        double ey = w * ((2.0 + 0.5) / 5 * 2.0 - 0.2 - 0.4);
        Assert.Equal(ex, ReprojectionError(camera, point, w, 0), 13);
        Assert.Equal(ey, ReprojectionError(camera, point, w, 1), 13);
    }

    /// <summary>One coordinate of the reprojection residual against the feature (0.3, 0.4).</summary>
    private static double ReprojectionError(ReadOnlySpan<double> camera, ReadOnlySpan<double> point, double w, int coordinate)
    {
        Span<double> r = stackalloc double[2];
        BaResiduals.ReprojectionResidual(camera, point, w, [0.3, 0.4], r);
        return r[coordinate];
    }

    [Fact]
    public void Ba_jacobian_rows_match_central_differences_and_the_csr_layout()
    {
        double[] camera = [0.1, -0.2, 0.3, 0.5, -0.5, -2, 2.0, 0.1, -0.2, 0.01, -0.002];
        double[] point = [1.0, 2.0, 3.0];
        const double w = 0.8;
        var b = new BaInput(2, 3, 4, [.. camera, .. camera], [.. point, .. point, .. point], [w, w, w, w],
            [0.3, 0.4, 0.3, 0.4, 0.3, 0.4, 0.3, 0.4]);
        BaModule.Jacobian(b);
        Assert.Equal([0, 15, 30, 45, 60, 75, 90, 105, 120, 121, 122, 123, 124], b.Rows);
        for (int coordinate = 0; coordinate < 2; coordinate++)
        {
            int at = coordinate;
            double Residual(double[] v) => ReprojectionError(v.AsSpan(0, 11), v.AsSpan(11, 3), v[14], at);
            var expected = CentralDifferences.Gradient(Residual, [.. camera, .. point, w]);
            CentralDifferences.AssertClose(expected, b.Values.AsSpan(15 * coordinate, 15).ToArray(), 1e-8);
        }

        // Observation 3 is camera 1, point 0 and weight 3: columns 11..21, 22..24 and 22 + 9 + 3.
        Assert.Equal(Enumerable.Range(11, 11).Concat(Enumerable.Range(22, 3)).Append(34), b.Columns.Skip(90).Take(15));
        Assert.Equal(-2 * w, b.Values[^1], 14);
        Assert.Equal(34, b.Columns[^1]);
    }

    [Fact]
    public void Kmeans_cost_is_the_sum_of_nearest_squared_distances_and_dir_is_the_offset_from_the_cluster_mean()
    {
        var random = new Random(9);
        const int n = 40, k = 3, d = 2;
        double[] points = RandomVector(random, n * d, 3);
        double[] centroids = points[^(k * d)..];
        var input = new KmeansInput(Tensor.From(points, [n, d]), Tensor.From(centroids, [k, d]));

        double cost = 0;
        var sums = new double[k * d];
        var counts = new int[k];
        for (int i = 0; i < n; i++)
        {
            int nearest = 0;
            double best = double.PositiveInfinity;
            for (int j = 0; j < k; j++)
            {
                double distance = 0;
                for (int l = 0; l < d; l++) distance += Math.Pow(points[i * d + l] - centroids[j * d + l], 2);
                if (distance < best) (best, nearest) = (distance, j);
            }

            cost += best;
            counts[nearest]++;
            for (int l = 0; l < d; l++) sums[nearest * d + l] += points[i * d + l];
        }

        Assert.Equal(cost, KmeansModule.Cost(input), 10);
        var (direction, rows) = KmeansModule.Direction(input);
        Assert.Equal(k, rows);
        var expected = Enumerable.Range(0, k * d).Select(e => centroids[e] - sums[e] / counts[e / d]).ToArray();
        CentralDifferences.AssertClose(expected, direction, 1e-10);
    }
}
