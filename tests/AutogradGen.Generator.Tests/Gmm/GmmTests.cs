namespace AutogradGen.Generator.Tests.Gmm;

/// <summary>ADBench's GMM test instance: the objective and all 18 gradient values, within ADBench's tolerance.</summary>
public class GmmTests
{
    private const double ExpectedObjective = 8.07380408004975791;

    private static readonly double[] s_expectedGradient =
    [
        0.108662855508652456, -0.741270039523898472, 0.632607184015246071,
        1.11692576532787013, 0.163333013551455269, -0.0219989824071193142,
        0.227778292254236098, 1.20963025612832187, -0.0606375920733956339,
        2.58529994051162237, 0.112632694524213789, 0.385744309849611777,
        0.0735180573182305508, 5.41836362715595232, -0.321494409677446469,
        1.71892309775004937, 0.860091090790866875, -0.994640930466322848,
    ];

    private static GmmInput Input => GmmInput.Read(RepositoryPaths.Data("adbench", "gmm", "test.txt"));

    [Fact]
    public void Objective_matches_ADBench()
    {
        var g = Input;
        var objective = GaussianMixture.Objective(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M, g.WishartConstant);
        AssertClose(ExpectedObjective, objective, "objective");
    }

    [Fact]
    public void Gradient_value_is_the_objective()
    {
        var g = Input;
        var (alphas, means, icf) = (new double[g.K], new double[g.Means.Length], new double[g.Icf.Length]);
        var value = GaussianMixture.ObjectiveGradient(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M, g.WishartConstant, alphas, means, icf);
        AssertClose(ExpectedObjective, value, "objective from the gradient");
    }

    [Fact]
    public void All_18_gradient_values_match_ADBench()
    {
        var g = Input;
        var (alphas, means, icf) = (new double[g.K], new double[g.Means.Length], new double[g.Icf.Length]);
        GaussianMixture.ObjectiveGradient(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M, g.WishartConstant, alphas, means, icf);
        var gradient = alphas.Concat(means).Concat(icf).ToArray();
        Assert.Equal(18, gradient.Length);
        for (var i = 0; i < gradient.Length; i++)
        {
            AssertClose(s_expectedGradient[i], gradient[i], $"gradient[{i}]");
        }
    }

    [Fact]
    public void Forward_mode_along_each_unit_vector_gives_each_gradient_value()
    {
        var g = Input;
        var total = g.K + g.Means.Length + g.Icf.Length;
        for (var i = 0; i < total; i++)
        {
            var direction = new double[total];
            direction[i] = 1;
            var (_, derivative) = GaussianMixture.ObjectiveDerivative(
                g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M, g.WishartConstant,
                direction.AsSpan(0, g.K), direction.AsSpan(g.K, g.Means.Length), direction.AsSpan(g.K + g.Means.Length));
            AssertClose(s_expectedGradient[i], derivative, $"forward-mode derivative {i}");
        }
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        var error = Math.Abs(expected - actual) / Math.Max(1, Math.Abs(expected) + Math.Abs(actual));
        Assert.True(error < 1e-8, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2}).");
    }

    [Fact]
    public void Objective_on_a_thousand_points_matches_ADBench()
    {
        var g = GmmInput.Read(RepositoryPaths.Data("adbench", "gmm", "1k", "gmm_d2_K5.txt"));
        var objective = GaussianMixture.Objective(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M, g.WishartConstant);
        AssertClose(-5240.59056254964707, objective, "objective");
    }

    [Fact]
    public void Gradient_on_a_thousand_points_allocates_nothing_once_warm()
    {
        var g = GmmInput.Read(RepositoryPaths.Data("adbench", "gmm", "1k", "gmm_d2_K5.txt"));
        var (alphas, means, icf) = (new double[g.K], new double[g.Means.Length], new double[g.Icf.Length]);
        var constant = g.WishartConstant;
        GaussianMixture.ObjectiveGradient(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M, constant, alphas, means, icf);
        var before = GC.GetAllocatedBytesForCurrentThread();
        GaussianMixture.ObjectiveGradient(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M, constant, alphas, means, icf);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
